package fr.relais.sync.fhir;

import fr.relais.core.error.BadInputException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The assigning authority of the organisation's local patient numbers (IPP): an OID the organisation registered (or
 * its hospital's IPP domain), set in {@value #VARIABLE}. An IPP means something only inside its namespace: two
 * organisations that shared one namespace would mix their patients. So it has no default, and nothing carrying an IPP
 * leaves Relais (FHIR push and pull, record export, MSSanté documents and XDS metadata) until it is set.
 *
 * <p>{@code alsoRead}: identifier systems of other systems the organisation takes as its IPP ({@value #FOREIGN_VARIABLE}:
 * the hospital whose patient numbers the team uses). On read, a Patient's identifier in one of them is its IPP when it
 * has none in the organisation's own namespace; on push that identifier stays the other system's, and Relais adds
 * none of its own for the same number.
 */
public record IppNamespace(String oid, java.util.List<String> alsoRead) {
    public static final String VARIABLE = "RELAIS_IPP_OID";
    /** Other systems' identifier systems read as the IPP, separated by commas. */
    public static final String FOREIGN_VARIABLE = "RELAIS_IPP_FOREIGN_SYSTEMS";
    /** The namespace every deployment used before it was configurable; only read, to recognise older server data. */
    static final String LEGACY_SYSTEM = "urn:relais:ipp";
    private static final Pattern OID = Pattern.compile("[0-2](\\.(0|[1-9][0-9]*))+");

    public IppNamespace {
        oid = oid == null ? null : oid.strip().replaceFirst("^urn:oid:", "");
        if (oid == null || !OID.matcher(oid).matches()) {
            throw new BadInputException(VARIABLE, "ipp.oidInvalid", String.valueOf(oid));
        }
        alsoRead = alsoRead == null ? java.util.List.of() : java.util.List.copyOf(alsoRead);
        for (String system : alsoRead) {
            if (system.isBlank() || system.chars().anyMatch(Character::isWhitespace)) {
                throw new BadInputException(FOREIGN_VARIABLE, "ipp.foreignSystemInvalid", system);
            }
        }
    }

    /** The organisation's own namespace only. */
    public IppNamespace(String oid) {
        this(oid, java.util.List.of());
    }

    /** Whether an identifier of {@code system} is another system's number the organisation takes as its IPP. */
    public boolean readsAsForeignIpp(String system) {
        return system != null && alsoRead.contains(system);
    }

    /** The FHIR identifier system of an IPP. */
    public String system() {
        return "urn:oid:" + oid;
    }

    /** The namespace the settings give (the data folder's relais.properties or the environment), or null. */
    public static IppNamespace from(Map<String, String> settings) {
        String value = settings.get(VARIABLE);
        String foreign = settings.get(FOREIGN_VARIABLE);
        java.util.List<String> alsoRead = foreign == null ? java.util.List.of()
                : java.util.Arrays.stream(foreign.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
        return value == null || value.isBlank() ? null : new IppNamespace(value, alsoRead);
    }

    /** Refuses, naming the setting, when the namespace is not configured. */
    public static IppNamespace required(IppNamespace namespace) {
        if (namespace == null) {
            throw new BadInputException(VARIABLE, "ipp.oidMissing", VARIABLE);
        }
        return namespace;
    }

    /** The namespace read from {@code settings}, required. */
    public static IppNamespace requiredFrom(Map<String, String> settings) {
        return required(from(settings));
    }
}
