package fr.relais.app.rights;

import static fr.relais.core.session.Permission.CLINICAL_READ;
import static fr.relais.core.session.Permission.CLINICAL_WRITE;
import static fr.relais.core.session.Permission.CONSENT_ON_PAPER;
import static fr.relais.core.session.Permission.IDENTITY_READ;
import static fr.relais.core.session.Permission.IDENTITY_WRITE;
import static fr.relais.core.session.Permission.PATHWAY_EDIT;
import static fr.relais.core.session.Permission.THRESHOLD_CHANGE;
import static fr.relais.core.session.Permission.WORKSTATION_ADMIN;

import fr.relais.core.session.Permission;
import fr.relais.core.session.Role;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each way into Relais needs (issue 23): every command line command, and the options that widen what one shows,
 * mapped to the permissions it requires. The roles grant permissions in {@link Role}; this table says what each
 * entry point needs; together they are the one permission matrix that the command line enforces before any work
 * (the command line gate), that the desktop uses to hide screens and disable actions ({@code DesktopAccess}, each one
 * tied to the command that does the same thing) and that docs/admin-guide.md prints.
 *
 * <p>An entry whose key ends with an option ({@code "report cohort --with-identity"}) adds its permissions to the
 * command's when that option is given. An empty set: any signed-in account (own password, checks that touch no data).
 */
public final class PermissionMatrix {
    private static final Map<String, Set<Permission>> ENTRIES = new LinkedHashMap<>();

    static {
        // Identities: names, INS, traits, the cercle de soins.
        put("patient add", IDENTITY_READ, IDENTITY_WRITE);
        put("patient list", IDENTITY_READ);
        put("patient show", IDENTITY_READ);
        put("patient history", IDENTITY_READ);
        put("patient evidence", IDENTITY_READ, IDENTITY_WRITE);
        put("patient correct", IDENTITY_READ, IDENTITY_WRITE);
        put("patient merge", IDENTITY_READ, IDENTITY_WRITE);
        put("ins check");
        put("insi search", IDENTITY_READ, IDENTITY_WRITE);
        put("insi verify", IDENTITY_READ, IDENTITY_WRITE);
        put("annuaire search", IDENTITY_READ);
        put("annuaire refresh", IDENTITY_READ);
        put("annuaire add", IDENTITY_READ, IDENTITY_WRITE);
        put("careteam professionals", IDENTITY_READ);
        put("careteam add", IDENTITY_READ, IDENTITY_WRITE);
        put("consent list", IDENTITY_READ);
        put("audit list", IDENTITY_READ);
        // The worklist names patients (an agenda for the front desk): identity rights, never the administrator's.
        put("worklist", IDENTITY_READ);
        // Pathway templates and questionnaires: reading them is clinical; importing is the IDEC's (PATHWAY_EDIT).
        put("pathway list", CLINICAL_READ);
        put("pathway show", CLINICAL_READ);
        put("pathway export", CLINICAL_READ);
        put("pathway validate");
        put("pathway import", PATHWAY_EDIT);
        put("questionnaire list", CLINICAL_READ);
        put("questionnaire import", PATHWAY_EDIT);
        // Care: enrolments, tasks, measures, answers, alerts, thresholds.
        put("enroll", CLINICAL_WRITE);
        put("enroll --paper-consent", CONSENT_ON_PAPER);
        put("enrollment pause", CLINICAL_WRITE);
        put("enrollment resume", CLINICAL_WRITE);
        put("enrollment stop", CLINICAL_WRITE);
        put("enrollment move", CLINICAL_WRITE);
        put("task complete", CLINICAL_WRITE);
        put("task cancel", CLINICAL_WRITE);
        put("task postpone", CLINICAL_WRITE);
        put("task assign", CLINICAL_WRITE);
        put("measure add", CLINICAL_WRITE);
        put("measure import", CLINICAL_WRITE);
        put("measure list", CLINICAL_READ);
        put("measure error", CLINICAL_WRITE);
        put("questionnaire answer", CLINICAL_WRITE);
        put("questionnaire error", CLINICAL_WRITE);
        put("consent add", CLINICAL_WRITE);
        put("consent withdraw", CLINICAL_WRITE);
        put("alerts", CLINICAL_READ);
        put("alert ack", CLINICAL_WRITE);
        put("alert resolve", CLINICAL_WRITE);
        put("alert dismiss", CLINICAL_WRITE);
        put("alert escalate", CLINICAL_WRITE);
        put("evaluate", CLINICAL_WRITE);
        put("threshold list", CLINICAL_READ);
        put("threshold history", CLINICAL_READ);
        put("threshold set", THRESHOLD_CHANGE);
        put("threshold restore", THRESHOLD_CHANGE);
        put("plan show", IDENTITY_READ, CLINICAL_READ);
        put("plan history", CLINICAL_READ);
        put("plan edit", CLINICAL_WRITE);
        // Documents and exports: what carries names and clinical values needs both rights.
        put("handoff", IDENTITY_READ, CLINICAL_READ);
        put("report patient", IDENTITY_READ, CLINICAL_READ);
        put("report cohort", CLINICAL_READ);
        put("report cohort --with-identity", IDENTITY_READ);
        put("export patient", IDENTITY_READ, CLINICAL_READ);
        put("mssante send", IDENTITY_READ, CLINICAL_WRITE);
        put("mssante list", IDENTITY_READ, CLINICAL_READ);
        put("mssante retry", CLINICAL_WRITE);
        put("dmp file", IDENTITY_READ, CLINICAL_WRITE);
        // The team server: sending and receiving carries clinical data; conflicts show clinical values.
        put("sync", CLINICAL_WRITE);
        put("sync status", CLINICAL_READ);
        put("conflicts list", CLINICAL_READ);
        put("conflicts show", CLINICAL_READ);
        put("conflicts resolve", CLINICAL_WRITE);
        put("conflicts retry", CLINICAL_WRITE);
        put("conflicts discard", CLINICAL_WRITE);
        // Hospital events: the listener matches identities and changes pathways; the queue shows hospital identifiers;
        // linking a message to a patient is an identity decision; a discharge's proposals are the nurse's.
        put("adt listen", IDENTITY_READ, CLINICAL_WRITE);
        put("adt queue", IDENTITY_READ);
        put("adt link", IDENTITY_READ, IDENTITY_WRITE);
        put("adt proposals", CLINICAL_READ);
        put("adt confirm", CLINICAL_WRITE);
        put("adt decline", CLINICAL_WRITE);
        put("demo", IDENTITY_WRITE, CLINICAL_WRITE);
        // The workstation: accounts, the store, the audit trail, anonymisation. No identity or clinical data shown.
        put("account add", WORKSTATION_ADMIN);
        put("account list", WORKSTATION_ADMIN);
        put("account disable", WORKSTATION_ADMIN);
        put("account roles", WORKSTATION_ADMIN);
        put("account password");
        put("audit verify", WORKSTATION_ADMIN);
        put("anonymise", WORKSTATION_ADMIN);
        put("retention", WORKSTATION_ADMIN);
        put("backup", WORKSTATION_ADMIN);
        put("restore", WORKSTATION_ADMIN);
        put("store status");
        put("store encrypt", WORKSTATION_ADMIN);
        put("store passphrase", WORKSTATION_ADMIN);
    }

    private PermissionMatrix() {
    }

    private static void put(String entry, Permission... needed) {
        Set<Permission> set = EnumSet.noneOf(Permission.class);
        set.addAll(List.of(needed));
        if (ENTRIES.put(entry, Collections.unmodifiableSet(set)) != null) {
            throw new IllegalStateException("Twice in the permission matrix: " + entry);
        }
    }

    /** Every entry, commands and option refinements, in the order of the table. */
    public static List<String> entries() {
        return List.copyOf(ENTRIES.keySet());
    }

    /** Whether {@code command} (its path below {@code relais}, e.g. "patient list") is in the matrix. */
    public static boolean knows(String command) {
        return ENTRIES.containsKey(command);
    }

    /** The permissions {@code command} needs when given {@code options} (their longest names); unknown: refused. */
    public static Set<Permission> required(String command, Set<String> options) {
        Set<Permission> needed = ENTRIES.get(command);
        if (needed == null) {
            throw new IllegalStateException("Command without a line in the permission matrix: " + command);
        }
        Set<Permission> all = EnumSet.noneOf(Permission.class);
        all.addAll(needed);
        options.forEach(option -> all.addAll(ENTRIES.getOrDefault(command + " " + option, Set.of())));
        return all;
    }

    /** What an entry needs in all (an option refinement with its command's own permissions). */
    public static Set<Permission> required(String entry) {
        int option = entry.indexOf(" --");
        return option < 0 ? required(entry, Set.of()) : required(entry.substring(0, option), Set.of(entry.substring(option + 1)));
    }

    /** Whether holding {@code roles} allows {@code entry}. */
    public static boolean allows(Set<Role> roles, String entry) {
        Set<Permission> held = EnumSet.noneOf(Permission.class);
        roles.forEach(role -> held.addAll(role.permissions()));
        return held.containsAll(required(entry));
    }
}
