package fr.relais.app.gui.urgentcare;

import java.util.UUID;

/** One consent as the patient file lists it. */
public record ConsentRow(UUID id, String scope, String collected, String status, boolean active) {
}
