package fr.relais.core.hospital;

import fr.relais.core.identity.InsOid;
import java.util.Arrays;
import java.util.Optional;

/**
 * One identifier of PID-3 as a hospital sends it ({@code value^^^NAME&OID&ISO^TYPE}): the value, the OID of its
 * assigning authority and its identifier type ({@code PI} for the facility's IPP, {@code INS} for the national
 * identity). Either part may be absent in a message; nothing here guesses it.
 */
public record PatientIdentifier(String value, String authority, String type) {
    public PatientIdentifier {
        value = blankToNull(value);
        authority = blankToNull(authority);
        type = blankToNull(type);
    }

    /** The INS OID this identifier carries, if its authority is one (test and demo OIDs included). */
    public Optional<InsOid> insOid() {
        return Arrays.stream(InsOid.values()).filter(o -> o.oid().equals(authority)).findFirst();
    }

    /** A patient identifier of the sender's own numbering (an IPP): type PI, with an authority that is not the INS's. */
    public boolean ipp() {
        return "PI".equals(type) && value != null && authority != null && insOid().isEmpty();
    }

    /** An IPP as {@link #stored()} wrote it ({@code value^authority}); null for null or a text without its authority. */
    public static PatientIdentifier fromStored(String stored) {
        if (stored == null || !stored.contains("^")) {
            return null;
        }
        return new PatientIdentifier(stored.substring(0, stored.indexOf('^')), stored.substring(stored.indexOf('^') + 1), "PI");
    }

    /** An INS as the event and document rows keep it ({@code matricule^OID}), if the text is one. */
    public static Optional<PatientIdentifier> insFromStored(String stored) {
        if (stored == null || !stored.contains("^")) {
            return Optional.empty();
        }
        return Optional.of(new PatientIdentifier(stored.substring(0, stored.indexOf('^')), stored.substring(stored.indexOf('^') + 1), "INS"));
    }

    /** {@code value^authority}, as the event row keeps it. */
    public String stored() {
        return value + "^" + authority;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
