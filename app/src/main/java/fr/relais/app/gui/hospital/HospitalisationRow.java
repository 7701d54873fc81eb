package fr.relais.app.gui.hospital;

import java.util.UUID;

/**
 * One line of the Hospitalisations screen, in words: the patient, since when (dd/MM/yyyy HH:mm, Paris), where
 * (facility, service, room), the expected discharge, the patient's IDE de coordination; for a recent discharge, when
 * and the decisions still waiting for the nurse ({@code decisionWaiting}: at least one).
 */
public record HospitalisationRow(UUID patientId, String patient, String since, String where, String expectedDischarge,
                                 String referent, String discharged, String pending, boolean decisionWaiting) {
}
