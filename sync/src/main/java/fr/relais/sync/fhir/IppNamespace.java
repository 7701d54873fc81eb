package fr.relais.sync.fhir;

import fr.relais.core.error.BadInputException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The assigning authority of the organisation's local patient numbers (IPP): an OID the organisation registered (or
 * its hospital's IPP domain), set in {@value #VARIABLE}. An IPP means something only inside its namespace: two
 * organisations that shared one namespace would mix their patients. So it has no default, and nothing carrying an IPP
 * leaves Relais (FHIR push and pull, record export, MSSanté documents and XDS metadata) until it is set.
 */
public record IppNamespace(String oid) {
    public static final String VARIABLE = "RELAIS_IPP_OID";
    /** The namespace every deployment used before it was configurable; only read, to recognise older server data. */
    static final String LEGACY_SYSTEM = "urn:relais:ipp";
    private static final Pattern OID = Pattern.compile("[0-2](\\.(0|[1-9][0-9]*))+");

    public IppNamespace {
        oid = oid == null ? null : oid.strip().replaceFirst("^urn:oid:", "");
        if (oid == null || !OID.matcher(oid).matches()) {
            throw new BadInputException(VARIABLE, "ipp.oidInvalid", String.valueOf(oid));
        }
    }

    /** The FHIR identifier system of an IPP. */
    public String system() {
        return "urn:oid:" + oid;
    }

    /** The namespace the settings give (the data folder's relais.properties or the environment), or null. */
    public static IppNamespace from(Map<String, String> settings) {
        String value = settings.get(VARIABLE);
        return value == null || value.isBlank() ? null : new IppNamespace(value);
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
