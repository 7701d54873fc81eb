package fr.relais.core.alert;

import fr.relais.core.error.BadInputException;
import fr.relais.core.time.CareZone;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hours during which the team reads alerts, every day, in Europe/Paris (docs/alerts.md, "Reading hours").
 * Telemonitoring is not an emergency service (arrêté of 2022 on télésurveillance médicale: alerts are read during
 * defined hours, patients are told to call 15): time outside these hours does not count towards a review delay.
 * {@code closes} at midnight means the end of the day ("24:00"). Each day's window is computed on the Paris calendar,
 * so clock changes move it with the wall clock.
 */
public record ReadingHours(LocalTime opens, LocalTime closes) {
    /** 08:00–20:00 every day, unless the workstation's settings say otherwise. */
    public static final ReadingHours DEFAULT = new ReadingHours(LocalTime.of(8, 0), LocalTime.of(20, 0));
    private static final Pattern FORM = Pattern.compile("([01][0-9]|2[0-3]):([0-5][0-9])-([01][0-9]|2[0-3]|24):([0-5][0-9])");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    public ReadingHours {
        if (opens == null || closes == null || !closes.equals(LocalTime.MIDNIGHT) && !opens.isBefore(closes)) {
            throw new IllegalArgumentException("reading hours must open before they close: " + opens + "-" + closes);
        }
    }

    /**
     * Reading hours written {@code HH:MM-HH:MM} ("08:00-20:00"; "24:00" as a closing time is the end of the day); blank
     * means the default. Anything else, or hours that close before they open, is bad input naming {@code setting}.
     */
    public static ReadingHours parse(String setting, String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT;
        }
        Matcher m = FORM.matcher(text.strip());
        if (m.matches()) {
            LocalTime opens = LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            int closeHour = Integer.parseInt(m.group(3));
            int closeMinute = Integer.parseInt(m.group(4));
            if (closeHour == 24 && closeMinute == 0) {
                return new ReadingHours(opens, LocalTime.MIDNIGHT);
            }
            if (closeHour < 24) {
                LocalTime closes = LocalTime.of(closeHour, closeMinute);
                if (opens.isBefore(closes)) {
                    return new ReadingHours(opens, closes);
                }
            }
        }
        throw new BadInputException(setting, "settings.readingHours", text.strip());
    }

    /** Whether alerts are read at {@code at}. */
    public boolean contains(Instant at) {
        LocalDate day = at.atZone(CareZone.PARIS).toLocalDate();
        return !at.isBefore(openingOn(day)) && at.isBefore(closingOn(day));
    }

    /** {@code at} itself when alerts are read then, else the next opening: when reading of an alert raised then starts. */
    public Instant firstReadingAt(Instant at) {
        LocalDate day = at.atZone(CareZone.PARIS).toLocalDate();
        if (!at.isBefore(closingOn(day))) {
            day = day.plusDays(1);
        }
        Instant opening = openingOn(day);
        return at.isBefore(opening) ? opening : at;
    }

    /** The instant at which {@code readingTime} of reading hours has passed since {@code from} (hours outside do not count). */
    public Instant afterReadingTime(Instant from, Duration readingTime) {
        Instant t = firstReadingAt(from);
        Duration left = readingTime;
        while (true) {
            Instant closing = closingOn(t.atZone(CareZone.PARIS).toLocalDate());
            Duration available = Duration.between(t, closing);
            if (left.compareTo(available) <= 0) {
                return t.plus(left);
            }
            left = left.minus(available);
            t = firstReadingAt(closing);
        }
    }

    /** The opening time as a nurse reads it ("08:00"). */
    public String opensText() {
        return HH_MM.format(opens);
    }

    /** As written in the settings ("08:00-20:00"). */
    @Override
    public String toString() {
        return opensText() + "-" + (closes.equals(LocalTime.MIDNIGHT) ? "24:00" : HH_MM.format(closes));
    }

    private Instant openingOn(LocalDate day) {
        return ZonedDateTime.of(day, opens, CareZone.PARIS).toInstant();
    }

    private Instant closingOn(LocalDate day) {
        return closes.equals(LocalTime.MIDNIGHT) ? day.plusDays(1).atStartOfDay(CareZone.PARIS).toInstant()
                : ZonedDateTime.of(day, closes, CareZone.PARIS).toInstant();
    }
}
