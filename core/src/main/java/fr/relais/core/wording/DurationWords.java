package fr.relais.core.wording;

import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * ISO 8601 durations in words, the plural chosen from the count: P3D → "3 jours", P1D → "1 jour", PT4H → "4 heures",
 * P14D → "2 semaines", P1M → "1 mois"; a repetition as "tous les jours, sans fin" or "tous les 2 jours (5 fois)".
 */
public final class DurationWords {
    private final Localization words;

    public DurationWords(Language language) {
        this.words = WordingBundle.of(language);
    }

    /** An ISO duration as written in a definition (P3D, PT4H, P1DT12H); text that is not one is returned as is. */
    public String of(String iso) {
        if (iso == null || iso.isBlank()) {
            return "";
        }
        String text = iso.strip();
        try {
            int t = text.indexOf('T');
            if (t < 0) {
                return of(Period.parse(text));
            }
            Period days = t == 1 ? Period.ZERO : Period.parse(text.substring(0, t));
            Duration time = Duration.parse("P" + text.substring(t));
            return days.isZero() ? of(time) : words.text("duration.and", of(days), of(time));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    /** "3 jours", "2 semaines" (whole weeks of 14 days or more: a week is often said "7 jours"), "1 an et 2 mois". */
    public String of(Period period) {
        List<String> parts = new ArrayList<>();
        if (period.getYears() != 0) {
            parts.add(words.text("duration.years", period.getYears()));
        }
        if (period.getMonths() != 0) {
            parts.add(words.text("duration.months", period.getMonths()));
        }
        int days = period.getDays();
        if (days != 0 || parts.isEmpty()) {
            parts.add(days >= 14 && days % 7 == 0 ? words.text("duration.weeks", days / 7) : words.text("duration.days", days));
        }
        return join(parts);
    }

    /** "4 heures", "30 minutes", "48 heures" (hours are how a nurse counts a delay under a few days), "1 heure et 30 minutes". */
    public String of(Duration duration) {
        List<String> parts = new ArrayList<>();
        if (duration.toHours() != 0) {
            parts.add(words.text("duration.hours", duration.toHours()));
        }
        if (duration.toMinutesPart() != 0 || parts.isEmpty()) {
            parts.add(words.text("duration.minutes", duration.toMinutesPart()));
        }
        return join(parts);
    }

    /** How often: "tous les jours", "tous les 2 jours", "toutes les semaines", "tous les mois". */
    public String every(Period every) {
        if (every.getYears() == 0 && every.getMonths() == 0) {
            int days = every.getDays();
            return days % 7 == 0 ? words.text("every.weeks", days / 7) : words.text("every.days", days);
        }
        if (every.getYears() == 0 && every.getDays() == 0) {
            return words.text("every.months", every.getMonths());
        }
        if (every.getMonths() == 0 && every.getDays() == 0) {
            return words.text("every.years", every.getYears());
        }
        return words.text("every.other", of(every));
    }

    /** A repetition: "tous les jours, sans fin" (no count) or "tous les jours (5 fois)". */
    public String repetition(Period every, Integer count) {
        return count == null ? words.text("recurrence.unbounded", every(every))
                : words.text("recurrence.count", every(every), count);
    }

    private String join(List<String> parts) {
        String text = parts.get(parts.size() - 1);
        for (int i = parts.size() - 2; i >= 0; i--) {
            text = words.text("duration.and", parts.get(i), text);
        }
        return text;
    }
}
