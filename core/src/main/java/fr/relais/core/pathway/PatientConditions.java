package fr.relais.core.pathway;

import fr.relais.core.identity.Patient;
import java.time.LocalDate;

/** Evaluates patient-attribute conditions (age in years at enrollment, sex). */
final class PatientConditions {
    private PatientConditions() {
    }

    static boolean holds(Condition condition, Patient patient, LocalDate on) {
        if (!(condition instanceof Condition.PatientAttribute attribute)) {
            return true;
        }
        int comparison = switch (attribute.attribute()) {
            case "age" -> Integer.compare(patient.ageOn(on), Integer.parseInt(attribute.value()));
            case "sex" -> patient.traits().sex().name().equalsIgnoreCase(attribute.value()) ? 0 : 1;
            default -> throw new IllegalStateException("Unvalidated attribute " + attribute.attribute());
        };
        return switch (attribute.op()) {
            case "=" -> comparison == 0;
            case "!=" -> comparison != 0;
            case "<" -> comparison < 0;
            case "<=" -> comparison <= 0;
            case ">" -> comparison > 0;
            case ">=" -> comparison >= 0;
            default -> throw new IllegalStateException("Unvalidated operator " + attribute.op());
        };
    }
}
