package fr.relais.app.gui.common;

import fr.relais.core.i18n.Localization;
import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;

/** ISO 8601 durations as people say them: P3D → "3 jours", PT48H → "48 h", P6M → "6 mois", P1Y → "1 an". */
public final class IsoDurations {
    private IsoDurations() {
    }

    public static String human(String iso, Localization texts) {
        if (iso == null || iso.isBlank()) {
            return "";
        }
        try {
            if (iso.contains("T")) {
                Duration d = Duration.parse(iso);
                return d.toMinutesPart() == 0 && d.toSecondsPart() == 0 ? texts.text("duration.hours", d.toHours())
                        : texts.text("duration.minutes", d.toMinutes());
            }
            Period p = Period.parse(iso);
            if (p.getYears() > 0 && p.getMonths() == 0 && p.getDays() == 0) {
                return texts.text("duration.years", p.getYears());
            }
            if (p.getMonths() > 0 && p.getYears() == 0 && p.getDays() == 0) {
                return texts.text("duration.months", p.getMonths());
            }
            if (p.getYears() == 0 && p.getMonths() == 0) {
                return p.getDays() % 7 == 0 && p.getDays() >= 14 ? texts.text("duration.weeks", p.getDays() / 7) : texts.text("duration.days", p.getDays());
            }
            return iso;
        } catch (DateTimeParseException e) {
            return iso;
        }
    }
}
