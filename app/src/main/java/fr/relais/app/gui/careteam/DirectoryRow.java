package fr.relais.app.gui.careteam;

import fr.relais.core.directory.DirectoryEntry;

/** One practitioner in the directory search results, as the table shows it. */
public record DirectoryRow(DirectoryEntry entry, String name, String profession, String mailbox, String activities) {
}
