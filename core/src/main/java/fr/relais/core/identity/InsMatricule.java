package fr.relais.core.identity;

import fr.relais.core.error.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The 15-character INS matricule (NIR or NIA): sex, birth year and month, département (2A/2B for Corsica), commune,
 * order number, then a 2-digit key = 97 - (first 13 digits mod 97), computed with 2A as 19 and 2B as 18.
 */
public record InsMatricule(String value) {
    private static final Pattern SHAPE = Pattern.compile("[0-9]{5}(?:[0-9]{2}|2A|2B)[0-9]{8}");

    public InsMatricule {
        if (value == null || !SHAPE.matcher(value).matches() || computeKey(value.substring(0, 13)) != Integer.parseInt(value.substring(13))) {
            throw new IllegalArgumentException("Not a valid INS matricule; use parse() for user input");
        }
    }

    /** Checks user input (spaces tolerated, 2a/2b in any case) and names the reason when it is refused. */
    public static InsMatricule parse(String input, String raw) {
        if (raw == null || raw.isBlank()) {
            throw new BadInputException(input, "ins.empty");
        }
        String value = raw.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        if (value.length() != 15) {
            throw new BadInputException(input, "ins.length", value.length());
        }
        if (!SHAPE.matcher(value).matches()) {
            throw new BadInputException(input, "ins.characters");
        }
        int expected = computeKey(value.substring(0, 13));
        int given = Integer.parseInt(value.substring(13));
        if (expected != given) {
            throw new BadInputException(input, "ins.key", value.substring(13), String.format("%02d", expected));
        }
        return new InsMatricule(value);
    }

    /** The key of the first 13 characters, which may hold 2A or 2B at positions 6-7. */
    public static int computeKey(String first13) {
        String department = first13.substring(5, 7);
        String digits = switch (department) {
            case "2A" -> first13.substring(0, 5) + "19" + first13.substring(7);
            case "2B" -> first13.substring(0, 5) + "18" + first13.substring(7);
            default -> first13;
        };
        return 97 - (int) (Long.parseLong(digits) % 97);
    }

    /** The full matricule for the first 13 characters: what a generator of test identities needs. */
    public static InsMatricule withKey(String first13) {
        return new InsMatricule(first13 + String.format("%02d", computeKey(first13)));
    }

    /**
     * Where the matricule disagrees with the patient's traits (sex digit, birth year, birth month; an unknown birth
     * month, coded 20-42 or 50-99, compares with nothing). A warning for a provisional or retrieved identity, a refusal
     * for a validated or qualified one ({@link IdentityRules#requireCoherent}).
     */
    public List<IdentityWarning> inconsistenciesWith(StrictTraits traits) {
        List<IdentityWarning> warnings = new ArrayList<>();
        char sexDigit = value.charAt(0);
        Sex impliedSex = switch (sexDigit) {
            case '1', '3', '7' -> Sex.M;
            case '2', '4', '8' -> Sex.F;
            default -> Sex.U;
        };
        if (traits.sex() != Sex.U && impliedSex != Sex.U && impliedSex != traits.sex()) {
            warnings.add(new IdentityWarning("sex", "ins.warn.sex", String.valueOf(sexDigit), traits.sex().name()));
        }
        int year = Integer.parseInt(value.substring(1, 3));
        if (traits.birthDate() != null && year != traits.birthDate().getYear() % 100) {
            warnings.add(new IdentityWarning("birthDate", "ins.warn.year", value.substring(1, 3), String.valueOf(traits.birthDate().getYear())));
        }
        int month = Integer.parseInt(value.substring(3, 5));
        // Months 20-42 and 50-99 stand for an unknown birth month: nothing to compare.
        if (traits.birthDate() != null && month >= 1 && month <= 12 && month != traits.birthDate().getMonthValue()) {
            warnings.add(new IdentityWarning("birthDate", "ins.warn.month", value.substring(3, 5), traits.birthDate().getMonthValue()));
        }
        return warnings;
    }

    @Override
    public String toString() {
        return value;
    }
}
