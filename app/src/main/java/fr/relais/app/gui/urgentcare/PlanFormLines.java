package fr.relais.app.gui.urgentcare;

import fr.relais.core.urgentcare.UrgentCarePlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The plan's lists as the editor shows them, one entry a line and its parts separated by " : " («Pénicilline :
 * œdème», «Furosémide 40 mg : 1 cp le matin», «Anne DURAND : fille : 06 12 34 56 78»), and back. A code recorded
 * with an allergy or a treatment (ATC, SNOMED CT...) is not on the screen: an entry kept under the same name keeps it.
 */
final class PlanFormLines {
    private static final String SEPARATOR = " : ";

    private PlanFormLines() {
    }

    static String allergies(List<UrgentCarePlan.Allergy> items) {
        return lines(items.stream().map(a -> join(a.substance(), a.reaction())).toList());
    }

    static String treatments(List<UrgentCarePlan.Treatment> items) {
        return lines(items.stream().map(t -> join(t.name(), t.dosage())).toList());
    }

    static String contacts(List<UrgentCarePlan.Contact> items) {
        return lines(items.stream().map(c -> join(c.name(), c.relationship(), c.phone())).toList());
    }

    static String devices(List<String> items) {
        return lines(items);
    }

    static List<UrgentCarePlan.Allergy> allergies(String text, List<UrgentCarePlan.Allergy> before) {
        return entries(text, 2).stream().map(parts -> {
            Optional<UrgentCarePlan.Allergy> same = before.stream().filter(a -> sameName(a.substance(), parts.get(0))).findFirst();
            return new UrgentCarePlan.Allergy(parts.get(0), part(parts, 1), same.map(UrgentCarePlan.Allergy::system).orElse(null),
                    same.map(UrgentCarePlan.Allergy::code).orElse(null));
        }).toList();
    }

    static List<UrgentCarePlan.Treatment> treatments(String text, List<UrgentCarePlan.Treatment> before) {
        return entries(text, 2).stream().map(parts -> {
            Optional<UrgentCarePlan.Treatment> same = before.stream().filter(t -> sameName(t.name(), parts.get(0))).findFirst();
            return new UrgentCarePlan.Treatment(parts.get(0), part(parts, 1), same.map(UrgentCarePlan.Treatment::system).orElse(null),
                    same.map(UrgentCarePlan.Treatment::code).orElse(null));
        }).toList();
    }

    static List<UrgentCarePlan.Contact> contacts(String text) {
        return entries(text, 3).stream().map(parts -> new UrgentCarePlan.Contact(parts.get(0), part(parts, 1), part(parts, 2))).toList();
    }

    static List<String> devices(String text) {
        return entries(text, 1).stream().map(parts -> parts.get(0)).toList();
    }

    /**
     * The non-blank lines of {@code text}, each split at its first {@code parts - 1} colons (the last part keeps any
     * further colon: «Anne : fille : tél. 06… ou 04… : le soir»), parts trimmed; the first part never blank.
     */
    private static List<List<String>> entries(String text, int limit) {
        List<List<String>> entries = new ArrayList<>();
        if (text == null) {
            return entries;
        }
        for (String line : text.split("\\R")) {
            List<String> parts = new ArrayList<>();
            for (String part : line.split(":", limit)) {
                parts.add(part.trim());
            }
            while (!parts.isEmpty() && parts.get(parts.size() - 1).isEmpty()) {
                parts.remove(parts.size() - 1);
            }
            if (!parts.isEmpty() && !parts.get(0).isEmpty()) {
                entries.add(parts);
            }
        }
        return entries;
    }

    private static String part(List<String> parts, int index) {
        return index >= parts.size() || parts.get(index).isEmpty() ? null : parts.get(index);
    }

    private static boolean sameName(String a, String b) {
        return a != null && a.trim().toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }

    private static String join(String... parts) {
        int last = parts.length - 1;
        while (last > 0 && (parts[last] == null || parts[last].isBlank())) {
            last--;
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i <= last; i++) {
            if (i > 0) {
                line.append(SEPARATOR);
            }
            line.append(parts[i] == null ? "" : parts[i]);
        }
        return line.toString();
    }

    private static String lines(List<String> lines) {
        return String.join("\n", lines);
    }
}
