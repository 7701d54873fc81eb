package fr.relais.core.pathway;

import java.time.Instant;

/** A template as the store holds it: the model, its source JSON, where it came from and when. */
public record StoredTemplate(PathwayTemplate template, String json, TemplateOrigin origin, Instant importedAt) {
}
