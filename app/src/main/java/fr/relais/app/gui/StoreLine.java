package fr.relais.app.gui;

import fr.relais.core.i18n.Localization;
import java.nio.file.Path;

/**
 * The status bar's words about the store (issue 25): what a nurse needs to tell her workstation's file from another,
 * the team it syncs with and the file's name, not a folder path; the full path is on the Settings screen.
 */
final class StoreLine {
    private StoreLine() {
    }

    /** {@code team}: the workstation's team setting ({@code code}, or {@code system|code}), null or blank when none. */
    static String of(Localization texts, Path database, String team) {
        Path name = database.getFileName();
        String file = name == null ? database.toString() : name.toString();
        if (team == null || team.isBlank()) {
            return texts.text("statusbar.database", file);
        }
        String code = team.substring(team.lastIndexOf('|') + 1).trim();
        return texts.text("statusbar.teamDatabase", code, file);
    }
}
