package fr.relais.app.gui.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.relais.app.gui.common.IsoDurations;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.measure.MeasureCatalog;
import fr.relais.core.time.CareZone;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * An alert's explanation (the engine's JSON: rule, values, thresholds) as a sentence a nurse reads at a glance:
 * "SpO2 85 % le 24/11/2026 09:00 : sous le seuil rouge (< 90)", "Poids +2,1 kg depuis 75 kg le 21/11 (seuil +2 en
 * 3 jours)", "Aucune mesure de poids depuis le 20/11/2026 (délai 3 jours)", "PHQ-9, question 9 : réponse 2 — ...".
 */
public final class AlertExplanation {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(CareZone.PARIS);

    private AlertExplanation() {
    }

    public static String of(String explanation, Localization texts, Language language) {
        JsonNode n;
        try {
            n = JSON.readTree(explanation);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
            return explanation;
        }
        if (n == null || !n.isObject()) {
            return explanation;
        }
        // A red alert raised outside reading hours says when it will be read and that the patient calls 15 (issue 21).
        String notice = language == Language.EN ? text(n, "noticeEn") : text(n, "notice");
        String body = body(n, texts, language);
        return notice.isEmpty() ? body : body + " " + notice;
    }

    private static String body(JsonNode n, Localization texts, Language language) {
        String measure = n.hasNonNull("code") ? MeasureCatalog.find(n.get("code").asText()).map(t -> t.name().in(language))
                .orElse(n.get("code").asText()) : "";
        if (n.hasNonNull("questionnaire")) {
            String reason = language == Language.EN && n.hasNonNull("reasonEn") ? n.get("reasonEn").asText() : text(n, "reason");
            return texts.text("explain.answer", text(n, "questionnaire"), text(n, "item"), text(n, "answer"), reason);
        }
        if (n.hasNonNull("lastMeasureOrStart")) {
            return texts.text("explain.missing", measure, at(n.get("lastMeasureOrStart").asText()),
                    IsoDurations.human(text(n, "allowedGap"), texts));
        }
        String value = texts.text("explain.value", measure, texts.number(text(n, "value")), text(n, "unit"), at(text(n, "at")));
        if (n.hasNonNull("baseline")) {
            return value + texts.text("explain.relative", texts.number(text(n, "rise")), texts.number(text(n, "baseline")),
                    at(text(n, "baselineAt")), texts.number(text(n, "threshold")), IsoDurations.human(text(n, "window"), texts));
        }
        // A trend names its run of values; an absolute alert's "direction" is the bound crossed, shown by its bounds.
        if (n.has("values")) {
            List<String> values = new ArrayList<>();
            n.path("values").forEach(v -> values.add(texts.number(v.asText())));
            return value + texts.text("explain.trend." + text(n, "direction"), text(n, "count"), String.join(" → ", values));
        }
        List<String> bounds = new ArrayList<>();
        bound(n, "redBelow", "explain.redBelow", texts, bounds);
        bound(n, "redAbove", "explain.redAbove", texts, bounds);
        bound(n, "yellowBelow", "explain.yellowBelow", texts, bounds);
        bound(n, "yellowAbove", "explain.yellowAbove", texts, bounds);
        return bounds.isEmpty() ? value : value + " — " + String.join(", ", bounds);
    }

    private static void bound(JsonNode n, String field, String key, Localization texts, List<String> into) {
        if (n.hasNonNull(field)) {
            into.add(texts.text(key, texts.number(n.get(field).asText())));
        }
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : "";
    }

    private static String at(String instant) {
        try {
            return AT.format(Instant.parse(instant));
        } catch (RuntimeException e) {
            return instant;
        }
    }
}
