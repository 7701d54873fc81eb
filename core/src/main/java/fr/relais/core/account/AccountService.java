package fr.relais.core.account;

import static fr.relais.core.store.schema.Tables.ACCOUNT;

import fr.relais.core.audit.AuditLog;
import fr.relais.core.error.BadInputException;
import fr.relais.core.session.Actor;
import fr.relais.core.session.Permission;
import fr.relais.core.session.Role;
import fr.relais.core.session.UserSession;
import fr.relais.core.store.Database;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.Record;

/**
 * Local accounts and signing in (issue 9). The first account is created by whoever holds the workstation (it must be
 * an administrator, so that someone can manage the others); from then on only an administrator adds or disables
 * accounts, and the store opens signed out until someone signs in. Every sign-in, failed attempt, unlock and account
 * change is in the audit trail. A Pro Santé Connect sign-in ({@link #signInAuthenticated}) takes the place of the
 * password and keeps the rest.
 */
public final class AccountService {
    /** Below this a password is refused. */
    public static final int MINIMUM_PASSWORD_LENGTH = 12;

    private final Database database;
    private final AuditLog audit;
    private final UserSession session;
    private final Clock clock;
    private final PasswordHasher passwords;

    /** {@code passwords}: the cost of the hashes written for new and changed passwords (the workstation's setting). */
    public AccountService(Database database, AuditLog audit, UserSession session, Clock clock, PasswordHasher passwords) {
        this.database = database;
        this.audit = audit;
        this.session = session;
        this.clock = clock;
        this.passwords = passwords;
    }

    /** Whether the workstation has local accounts (then nothing is allowed before a sign-in). */
    public boolean exist() {
        return database.dsl().fetchExists(ACCOUNT, ACCOUNT.ACTIVE.eq(1));
    }

    /** Applied when the store opens: with accounts, the session holds no role until someone signs in. */
    public void applyMode() {
        if (exist()) {
            session.signOut();
        }
    }

    public Account add(String userId, String displayName, Set<Role> roles, String rpps, char[] password) {
        String id = userId == null ? "" : userId.trim();
        if (!id.matches("[A-Za-z0-9._-]{2,64}")) {
            throw new BadInputException("--user", "account.userId.invalid", userId);
        }
        checkRoles(roles);
        checkPassword(password);
        return database.inTransaction(() -> {
            boolean first = !exist();
            if (first && !roles.contains(Role.ADMINISTRATEUR)) {
                throw new BadInputException("--role", "account.firstMustBeAdmin");
            }
            if (!first) {
                session.require(Permission.WORKSTATION_ADMIN);
            }
            if (database.dsl().fetchExists(ACCOUNT, ACCOUNT.USER_ID.eq(id))) {
                throw new BadInputException("--user", "account.exists", id);
            }
            java.time.Instant now = clock.instant();
            database.dsl().insertInto(ACCOUNT)
                    .set(ACCOUNT.USER_ID, id)
                    .set(ACCOUNT.DISPLAY_NAME, displayName == null || displayName.isBlank() ? id : displayName.trim())
                    .set(ACCOUNT.ROLES, roles.stream().map(Role::name).sorted().collect(Collectors.joining(",")))
                    .set(ACCOUNT.RPPS, rpps == null || rpps.isBlank() ? null : rpps.trim())
                    .set(ACCOUNT.PASSWORD_HASH, passwords.hash(password))
                    .set(ACCOUNT.ACTIVE, 1)
                    .set(ACCOUNT.CREATED_AT, now)
                    .set(ACCOUNT.CREATED_BY, session.actor().userId())
                    .set(ACCOUNT.UPDATED_AT, now)
                    .execute();
            audit.record("account.add", "Account", id, null, "roles " + roles);
            return find(id).orElseThrow();
        });
    }

    /**
     * Gives an account new roles (an administrator only), with the rules of {@link #add}: at least one role, and
     * ADMINISTRATEUR alone; the last active administrator keeps that role. This is how an account combining
     * administration and care from an older store is put right.
     */
    public Account changeRoles(String userId, Set<Role> roles) {
        session.require(Permission.WORKSTATION_ADMIN);
        checkRoles(roles);
        return database.inTransaction(() -> {
            Account account = find(userId).orElseThrow(() -> new BadInputException("--user", "account.unknown", userId));
            if (account.active() && account.roles().contains(Role.ADMINISTRATEUR) && !roles.contains(Role.ADMINISTRATEUR)
                    && activeAdministrators() <= 1) {
                throw new BadInputException("--role", "account.lastAdmin.role", userId);
            }
            database.dsl().update(ACCOUNT).set(ACCOUNT.ROLES, roles.stream().map(Role::name).sorted().collect(Collectors.joining(",")))
                    .set(ACCOUNT.UPDATED_AT, clock.instant()).where(ACCOUNT.USER_ID.eq(userId)).execute();
            audit.record("account.roles", "Account", userId, null, "roles " + account.roles() + " -> " + roles);
            return find(userId).orElseThrow();
        });
    }

    private static void checkRoles(Set<Role> roles) {
        if (roles.isEmpty()) {
            throw new BadInputException("--role", "account.roles.none");
        }
        if (!Role.combinable(roles)) {
            throw new BadInputException("--role", "account.roles.adminAlone");
        }
    }

    public List<Account> list() {
        session.require(Permission.WORKSTATION_ADMIN);
        return database.dsl().selectFrom(ACCOUNT).orderBy(ACCOUNT.USER_ID).fetch(AccountService::toAccount);
    }

    /** Disables an account (kept for the audit trail); the last active administrator cannot be disabled. */
    public Account disable(String userId) {
        session.require(Permission.WORKSTATION_ADMIN);
        return database.inTransaction(() -> {
            Account account = find(userId).orElseThrow(() -> new BadInputException("--user", "account.unknown", userId));
            if (account.roles().contains(Role.ADMINISTRATEUR) && activeAdministrators() <= 1) {
                throw new BadInputException("--user", "account.lastAdmin", userId);
            }
            database.dsl().update(ACCOUNT).set(ACCOUNT.ACTIVE, 0).set(ACCOUNT.UPDATED_AT, clock.instant())
                    .where(ACCOUNT.USER_ID.eq(userId)).execute();
            audit.record("account.disable", "Account", userId, null, null);
            return find(userId).orElseThrow();
        });
    }

    /** Changes the signed-in user's own password (the current one checked), or any, for an administrator. */
    public void changePassword(String userId, char[] current, char[] next) {
        checkPassword(next);
        database.inTransaction(() -> {
            boolean own = userId.equals(session.actor().userId()) && session.signedIn();
            if (own) {
                String stored = hashOf(userId).orElseThrow(() -> new BadInputException("--user", "account.unknown", userId));
                if (current == null || !PasswordHasher.matches(current, stored)) {
                    throw new BadInputException("--user", "account.badCredentials");
                }
            } else {
                session.require(Permission.WORKSTATION_ADMIN);
                find(userId).orElseThrow(() -> new BadInputException("--user", "account.unknown", userId));
            }
            database.dsl().update(ACCOUNT).set(ACCOUNT.PASSWORD_HASH, passwords.hash(next))
                    .set(ACCOUNT.UPDATED_AT, clock.instant()).where(ACCOUNT.USER_ID.eq(userId)).execute();
            audit.record("account.password", "Account", userId, null, own ? "own" : "reset by an administrator");
            return null;
        });
    }

    /**
     * Signs the session in as {@code userId}. An unknown user, a disabled account and a wrong password get the same
     * refusal (nothing tells which), and the attempt is in the audit trail.
     */
    public Account signIn(String userId, char[] password) {
        String id = userId == null ? "" : userId.trim();
        Optional<Record> row = database.dsl().selectFrom(ACCOUNT).where(ACCOUNT.USER_ID.eq(id)).fetchOptional().map(r -> (Record) r);
        // The hash is computed even for an unknown account, so that the time taken does not tell which accounts exist.
        String stored = row.map(r -> r.get(ACCOUNT.PASSWORD_HASH)).orElseGet(passwords::unknownAccount);
        boolean matches = PasswordHasher.matches(password, stored);
        boolean ok = row.isPresent() && row.get().get(ACCOUNT.ACTIVE) == 1 && matches;
        if (!ok) {
            database.inTransaction(() -> {
                audit.record("session.signInFailed", "Account", id.isEmpty() ? "?" : id, null, null);
                return null;
            });
            throw new BadInputException("--user", "account.badCredentials");
        }
        return open(toAccount(row.get()), "");
    }

    /**
     * Signs the session in as the active local account whose RPPS is {@code rpps}, a professional whom Pro Santé
     * Connect authenticated (e-CPS approval through the team server, issue 29): no password. No such account, or
     * several (the RPPS is not unique in old stores), is refused by name and audited; nothing is signed in.
     */
    public Account signInAuthenticated(String rpps, String authority) {
        String number = rpps == null ? "" : rpps.trim();
        List<Account> matching = database.dsl().selectFrom(ACCOUNT).where(ACCOUNT.RPPS.eq(number).and(ACCOUNT.ACTIVE.eq(1)))
                .fetch(AccountService::toAccount);
        if (matching.size() != 1) {
            database.inTransaction(() -> {
                audit.record("session.signInFailed", "Account", "RPPS " + number, null, authority + ": "
                        + (matching.isEmpty() ? "no active account" : matching.size() + " active accounts"));
                return null;
            });
            throw new BadInputException("RPPS", matching.isEmpty() ? "account.rpps.none" : "account.rpps.several", number);
        }
        return open(matching.get(0), " by " + authority);
    }

    private Account open(Account account, String how) {
        Set<Role> inForce = Role.inForce(account.roles());
        session.signIn(new Actor(account.userId(), account.displayName(), session.actor().workstation()), inForce);
        database.inTransaction(() -> {
            audit.record("session.signIn", "Account", account.userId(), null, "roles " + inForce
                    + (account.combinesAdministration() ? " (stored " + account.roles() + ", administration kept alone)" : "") + how);
            return null;
        });
        return account;
    }

    /** Unlocks a session locked for inactivity: the signed-in user's password again. */
    public void unlock(char[] password) {
        String id = session.actor().userId();
        if (!hashOf(id).map(stored -> PasswordHasher.matches(password, stored)).orElse(false)) {
            database.inTransaction(() -> {
                audit.record("session.unlockFailed", "Account", id, null, null);
                return null;
            });
            throw new BadInputException("--user", "account.badCredentials");
        }
        session.unlock();
        database.inTransaction(() -> {
            audit.record("session.unlock", "Account", id, null, null);
            return null;
        });
    }

    public Optional<Account> find(String userId) {
        return database.dsl().selectFrom(ACCOUNT).where(ACCOUNT.USER_ID.eq(userId)).fetchOptional(AccountService::toAccount);
    }

    private Optional<String> hashOf(String userId) {
        return database.dsl().select(ACCOUNT.PASSWORD_HASH).from(ACCOUNT).where(ACCOUNT.USER_ID.eq(userId).and(ACCOUNT.ACTIVE.eq(1)))
                .fetchOptional(ACCOUNT.PASSWORD_HASH);
    }

    private int activeAdministrators() {
        return (int) database.dsl().selectFrom(ACCOUNT).where(ACCOUNT.ACTIVE.eq(1)).fetch(AccountService::toAccount).stream()
                .filter(a -> a.roles().contains(Role.ADMINISTRATEUR)).count();
    }

    private static void checkPassword(char[] password) {
        if (password == null || password.length < MINIMUM_PASSWORD_LENGTH) {
            throw new BadInputException("--password-file", "account.password.tooShort", MINIMUM_PASSWORD_LENGTH);
        }
        if (new String(password).isBlank()) {
            throw new BadInputException("--password-file", "account.password.tooShort", MINIMUM_PASSWORD_LENGTH);
        }
    }

    private static Account toAccount(Record r) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(r.get(ACCOUNT.ROLES).split(",")).filter(s -> !s.isBlank()).map(Role::valueOf).forEach(roles::add);
        return new Account(r.get(ACCOUNT.USER_ID), r.get(ACCOUNT.DISPLAY_NAME), roles, r.get(ACCOUNT.RPPS), r.get(ACCOUNT.ACTIVE) == 1,
                r.get(ACCOUNT.CREATED_AT), r.get(ACCOUNT.CREATED_BY));
    }
}
