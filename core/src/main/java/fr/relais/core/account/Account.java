package fr.relais.core.account;

import fr.relais.core.session.Role;
import java.time.Instant;
import java.util.Set;

/** A local account of the workstation: who, with which roles, and whether it may still sign in. */
public record Account(String userId, String displayName, Set<Role> roles, String rpps, boolean active, Instant createdAt,
                      String createdBy) {
    public Account {
        roles = Set.copyOf(roles);
    }

    /** ADMINISTRATEUR together with another role: only possible in a store from before issue 23 (see Role#inForce). */
    public boolean combinesAdministration() {
        return !Role.combinable(roles);
    }
}
