package fr.relais.app.wording;

/**
 * The application's own wording (French by default, English), shared by the desktop and the command line: neither
 * owns it, so the desktop does not depend on the command line for its texts.
 */
public final class Messages {
    public static final String BUNDLE = "fr.relais.app.i18n.messages";

    private Messages() {
    }
}
