package fr.relais.app.gui.patients;

import fr.relais.core.identity.IdentityStatus;
import java.util.UUID;

/** One line of the patient list, already formatted for display; {@code inHospital}: "À l'hôpital depuis le 03/12", or empty. */
public record PatientRow(UUID id, String name, String birthDate, String age, String sex, IdentityStatus status,
                         String statusLabel, String ipp, String inHospital) {
}
