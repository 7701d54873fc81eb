package fr.relais.core.session;

/**
 * A session asked for something its roles do not allow. Thrown by core services, so that the desktop, the command
 * line and any later front end enforce the same rules; the message names the user and the permission, never data.
 */
public final class AccessDeniedException extends RuntimeException {
    private final Permission permission;
    private final String userId;

    public AccessDeniedException(Permission permission, String userId) {
        super(userId + " may not " + permission);
        this.permission = permission;
        this.userId = userId;
    }

    public Permission permission() {
        return permission;
    }

    public String userId() {
        return userId;
    }

    /** "who is not allowed to do this (what the permission lets one do)", in the given language. */
    public String message(fr.relais.core.i18n.Language language) {
        fr.relais.core.i18n.Localization texts = fr.relais.core.i18n.Localization.of(fr.relais.core.error.BadInputException.BUNDLE, language);
        return texts.text("access.denied", userId, texts.text("permission." + permission.name()));
    }
}
