package fr.relais.core.hospital;

/**
 * The visit number (PV1-19, component 1) of an HL7 v2 message as the store keeps it (segments separated by carriage
 * returns, the separators MSH-1 and MSH-2 declare): how a hospital's document names the stay its admission opened.
 */
final class VisitNumber {
    private VisitNumber() {
    }

    /** PV1-19-1 of {@code raw}, or null when the message has none (or is not pipe-encoded HL7 v2). */
    static String of(String raw) {
        if (raw == null || raw.length() < 8 || !raw.startsWith("MSH")) {
            return null;
        }
        char field = raw.charAt(3);
        char component = raw.charAt(4);
        for (String segment : raw.split("[\r\n]+")) {
            if (segment.startsWith("PV1" + field)) {
                String[] fields = segment.split(java.util.regex.Pattern.quote(String.valueOf(field)), -1);
                if (fields.length <= 19) {
                    return null;
                }
                String value = fields[19];
                int end = value.indexOf(component);
                value = end < 0 ? value : value.substring(0, end);
                return value.isBlank() ? null : value.strip();
            }
        }
        return null;
    }
}
