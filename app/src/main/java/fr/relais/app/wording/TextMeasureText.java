package fr.relais.app.wording;

import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.measure.MeasureCatalog;
import fr.relais.core.measure.TextMeasure;
import java.time.format.DateTimeFormatter;

/**
 * A measure another system sent as text, as the patient file shows it: when, what was measured, and the text as
 * written, said to be not interpreted (Relais does not judge it); one it said was not taken reads "mesure non faite :"
 * with the reason in words (its data-absent-reason code; one Relais does not know reads as "motif non reconnu").
 */
public final class TextMeasureText {
    private TextMeasureText() {
    }

    public static String line(TextMeasure m, Localization texts, Language language, DateTimeFormatter when) {
        String what = MeasureCatalog.find(m.code()).map(t -> t.name().in(language)).orElse(texts.text("measure.text.otherKind"));
        if (m.notTaken()) {
            String key = "measure.absent." + m.absentReason();
            String reason = texts.text(texts.has(key) ? key : "measure.absent.other");
            return texts.text(m.enteredInError() ? "measure.text.notTakenInError" : "measure.text.notTaken", when.format(m.effectiveAt()), what, reason);
        }
        return texts.text(m.enteredInError() ? "measure.text.lineInError" : "measure.text.line", when.format(m.effectiveAt()), what, m.text());
    }
}
