package fr.relais.core.identity;

import fr.relais.core.error.BadInputException;

/** Assigning authorities of the INS matricule (FR Core). Test and demo OIDs mark fictitious patients. */
public enum InsOid {
    NIR("1.2.250.1.213.1.4.8", "INS-NIR", false),
    NIA("1.2.250.1.213.1.4.9", "INS-NIA", false),
    NIR_TEST("1.2.250.1.213.1.4.10", "INS-NIR-TEST", true),
    NIR_DEMO("1.2.250.1.213.1.4.11", "INS-NIR-DEMO", true);

    private final String oid;
    private final String typeCode;
    private final boolean fictitious;

    InsOid(String oid, String typeCode, boolean fictitious) {
        this.oid = oid;
        this.typeCode = typeCode;
        this.fictitious = fictitious;
    }

    public String oid() {
        return oid;
    }

    /** The FR Core identifier type code (fr-core-cs-v2-0203). */
    public String typeCode() {
        return typeCode;
    }

    /** True for the test and demonstration OIDs, accepted only in a demo store. */
    public boolean fictitious() {
        return fictitious;
    }

    public static InsOid parse(String input, String value) {
        if (value != null) {
            String trimmed = value.trim().replaceFirst("^urn:oid:", "");
            for (InsOid candidate : values()) {
                if (candidate.oid.equals(trimmed)) {
                    return candidate;
                }
            }
        }
        throw new BadInputException(input, "ins.oid.unknown", String.valueOf(value));
    }
}
