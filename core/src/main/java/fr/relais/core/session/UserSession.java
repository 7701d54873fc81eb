package fr.relais.core.session;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * The person at the keyboard. Until local accounts exist this is the operating-system user; services ask the session
 * rather than take an actor on every call, so that a Pro Santé Connect login can later replace it in one place.
 */
public final class UserSession {
    private volatile Actor actor;

    public UserSession(Actor actor) {
        this.actor = Objects.requireNonNull(actor);
    }

    public static UserSession ofOperatingSystemUser() {
        String user = System.getProperty("user.name", "relais");
        return new UserSession(new Actor(user, user, hostName()));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }

    public Actor actor() {
        return actor;
    }

    public void switchTo(Actor next) {
        this.actor = Objects.requireNonNull(next);
    }
}
