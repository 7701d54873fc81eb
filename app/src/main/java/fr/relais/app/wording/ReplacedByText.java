package fr.relais.app.wording;

import fr.relais.core.i18n.Localization;
import fr.relais.core.identity.Patient;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * What the patient's file says of a record merged into another (here, or by another system: Patient.link
 * replaced-by): the surviving record by its name, never its id, or that it has not reached this workstation yet.
 * Empty for a record that was not merged. {@code patient show} and the desktop's banner say the same sentence.
 */
public final class ReplacedByText {
    private ReplacedByText() {
    }

    public static String of(Patient patient, Function<UUID, Optional<Patient>> find, Localization texts) {
        if (patient.replacedBy() == null) {
            return "";
        }
        return find.apply(patient.replacedBy()).map(survivor -> texts.text("show.replacedBy", survivor.displayName()))
                .orElseGet(() -> texts.text("show.replacedByNotHeld"));
    }
}
