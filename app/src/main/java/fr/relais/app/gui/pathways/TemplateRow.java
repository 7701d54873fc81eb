package fr.relais.app.gui.pathways;

/** One template version in the library table. */
public record TemplateRow(String id, int version, String title, String duration, String origin) {
}
