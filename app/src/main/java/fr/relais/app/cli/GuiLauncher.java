package fr.relais.app.cli;

import fr.relais.core.RelaisCore;
import fr.relais.core.i18n.Language;

/** Opens the desktop window on the given services and blocks until it closes; tests replace it. */
@FunctionalInterface
public interface GuiLauncher {
    void launch(RelaisCore services, Language language);
}
