package fr.relais.core.session;

import java.util.EnumSet;
import java.util.Set;

/**
 * The roles of a workstation's local accounts and what each may do: the one place that maps roles to permissions
 * (issue 9). A secretary sees identities and agendas but no clinical data; only a physician changes a patient's
 * thresholds; only an administrator configures the workstation (servers, accounts, backups, encryption) and sees no
 * clinical data for it.
 */
public enum Role {
    IDEC(Permission.IDENTITY_READ, Permission.IDENTITY_WRITE, Permission.CLINICAL_READ, Permission.CLINICAL_WRITE,
            Permission.CONSENT_ON_PAPER, Permission.PATHWAY_EDIT),
    MEDECIN(Permission.IDENTITY_READ, Permission.CLINICAL_READ, Permission.CLINICAL_WRITE, Permission.CONSENT_ON_PAPER,
            Permission.THRESHOLD_CHANGE),
    IDE(Permission.IDENTITY_READ, Permission.CLINICAL_READ, Permission.CLINICAL_WRITE),
    SECRETAIRE(Permission.IDENTITY_READ, Permission.IDENTITY_WRITE),
    ADMINISTRATEUR(Permission.WORKSTATION_ADMIN);

    private final Set<Permission> permissions;

    Role(Permission first, Permission... rest) {
        this.permissions = EnumSet.of(first, rest);
    }

    public Set<Permission> permissions() {
        return EnumSet.copyOf(permissions);
    }

    /**
     * Whether {@code roles} may be held by one account: an administrator manages accounts and the store but reads no
     * identity or clinical data (issue 23), so ADMINISTRATEUR stands alone; every other role reads one or the other.
     */
    public static boolean combinable(Set<Role> roles) {
        return !roles.contains(ADMINISTRATEUR) || roles.size() == 1;
    }

    /**
     * The roles a signed-in account holds. An account combining ADMINISTRATEUR with another role (created before
     * issue 23 forbade it) holds the administrator role only: it can still manage accounts, so it can give itself a
     * separate care account and correct its own roles, but it no longer reads patients with the keys of the store.
     */
    public static Set<Role> inForce(Set<Role> stored) {
        return combinable(stored) ? Set.copyOf(stored) : Set.of(ADMINISTRATEUR);
    }
}
