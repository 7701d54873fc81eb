package fr.relais.core.identity;

import java.util.Objects;

/** The INS: the matricule and the OID of the authority that assigned it. */
public record Ins(InsMatricule matricule, InsOid oid) {
    public Ins {
        Objects.requireNonNull(matricule);
        Objects.requireNonNull(oid);
    }
}
