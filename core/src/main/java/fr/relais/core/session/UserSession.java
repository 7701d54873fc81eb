package fr.relais.core.session;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The person at the keyboard and what they may do. Services ask the session rather than take an actor on every call,
 * so that a Pro Santé Connect login can later replace local accounts in one place.
 *
 * <p>Two modes (issue 9). A workstation without local accounts is single-user: the operating-system user holds every
 * role, as before accounts existed. Once an account exists, opening the store signs the session out: it may do
 * nothing until {@code AccountService.signIn} gives it the account's roles; an inactivity lock suspends them until the
 * password is typed again.
 */
public final class UserSession {
    private volatile Actor actor;
    private volatile Set<Role> roles;
    private volatile boolean locked;
    private volatile boolean withAccount;

    /** A single-user session: every role (no local accounts on the workstation, tests). */
    public UserSession(Actor actor) {
        this(actor, EnumSet.allOf(Role.class));
    }

    public UserSession(Actor actor, Set<Role> roles) {
        this.actor = Objects.requireNonNull(actor);
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
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

    /** The roles in force (none while locked or signed out). */
    public Set<Role> roles() {
        return locked || roles.isEmpty() ? Set.of() : Set.copyOf(roles);
    }

    public boolean can(Permission permission) {
        return roles().stream().anyMatch(role -> role.permissions().contains(permission));
    }

    /** Fails with {@link AccessDeniedException} unless the session's roles grant {@code permission}. */
    public void require(Permission permission) {
        if (!can(permission)) {
            throw new AccessDeniedException(permission, actor.userId());
        }
    }

    /** Signed in as {@code who} with {@code granted}; called by the account service once the password is checked. */
    public void signIn(Actor who, Set<Role> granted) {
        this.actor = Objects.requireNonNull(who);
        this.roles = granted.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(granted);
        this.locked = false;
        this.withAccount = true;
    }

    /** Signed in with a local account (rather than the single-user mode of a workstation without accounts). */
    public boolean withAccount() {
        return withAccount;
    }

    /** No roles until the next sign-in (accounts exist, nobody signed in yet). */
    public void signOut() {
        this.roles = EnumSet.noneOf(Role.class);
        this.locked = false;
        this.withAccount = false;
    }

    /** Inactivity: the roles are suspended, the same person unlocks with the password. */
    public void lock() {
        this.locked = true;
    }

    /** Called by the account service once the password is checked again. */
    public void unlock() {
        this.locked = false;
    }

    public boolean locked() {
        return locked;
    }

    public boolean signedIn() {
        return !roles.isEmpty();
    }
}
