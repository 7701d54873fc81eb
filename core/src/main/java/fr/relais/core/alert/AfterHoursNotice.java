package fr.relais.core.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.rule.AlertLevel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;

/**
 * What a red alert raised outside reading hours tells the nurse (arrêté of 2022 on télésurveillance médicale: alerts
 * are read during defined hours, telemonitoring is not an emergency service and the patient is told to call 15): that
 * it will be read from the opening time, and why that is safe. Written into the alert's explanation ({@code readFrom},
 * {@code notice}, {@code noticeEn}) and as the note of its review task.
 */
final class AfterHoursNotice {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUNDLE = "fr.relais.core.i18n.alerts";

    private final ReviewDeadline deadline;

    AfterHoursNotice(ReviewDeadline deadline) {
        this.deadline = deadline;
    }

    /** The notice in {@code language} for an alert of {@code level} raised at {@code at}; empty within reading hours. */
    Optional<String> text(AlertLevel level, Instant at, Language language) {
        if (!deadline.waitsForReading(level, at)) {
            return Optional.empty();
        }
        return Optional.of(Localization.of(BUNDLE, language).text("alert.afterHours", deadline.hours().opensText()));
    }

    /** {@code explanation} with the notice added when the alert waits for reading hours; unchanged otherwise. */
    String annotate(String explanation, AlertLevel level, Instant at) {
        Optional<String> fr = text(level, at, Language.FR);
        if (fr.isEmpty()) {
            return explanation;
        }
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(explanation);
            return node.put("readFrom", deadline.hours().opensText()).put("notice", fr.get())
                    .put("noticeEn", text(level, at, Language.EN).orElseThrow()).toString();
        } catch (IOException | ClassCastException e) {
            throw new UncheckedIOException(new IOException("explanation is not a JSON object: " + explanation, e));
        }
    }
}
