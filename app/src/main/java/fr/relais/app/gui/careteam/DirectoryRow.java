package fr.relais.app.gui.careteam;

import fr.relais.core.careteam.Professional;
import fr.relais.core.directory.DirectoryEntry;

/**
 * One practitioner in the search results, as the table shows it: a directory entry, or (offline) a professional this
 * workstation already knows that the directory copy does not hold — one received from the team server, say, with no
 * RPPS number Relais reads ({@code entry} null, {@code known} set).
 */
public record DirectoryRow(DirectoryEntry entry, Professional known, String name, String profession, String mailbox, String activities) {
}
