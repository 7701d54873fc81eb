package fr.relais.app.gui.sync;

import java.util.UUID;

/** One open conflict as the inbox shows it: base, local and server values side by side. */
public record ConflictRow(UUID id, String record, String field, String base, String local, String remote) {
}
