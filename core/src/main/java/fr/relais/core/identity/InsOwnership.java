package fr.relais.core.identity;

import fr.relais.core.error.BadInputException;
import java.util.List;
import java.util.UUID;

/**
 * An INS belongs to one identity (RNIV): the matricule names one person, so two live records carrying it are either
 * a doublon to merge or an identity collision to report, never two patients. Records replaced by a merge do not
 * count: they keep their INS for the history only.
 */
final class InsOwnership {
    private final PatientRepository patients;

    InsOwnership(PatientRepository patients) {
        this.patients = patients;
    }

    /** The live records other than {@code self} (null: none yet) that carry this INS matricule. */
    List<Patient> otherHolders(Ins ins, UUID self) {
        if (ins == null) {
            return List.of();
        }
        return patients.findByInsMatricule(ins.matricule().value()).stream().filter(p -> !p.id().equals(self)).toList();
    }

    /**
     * Refuses to give {@code self} an INS another live record carries, naming that record as a person reads it (name,
     * birth date, IPP) and what to do: open it, or merge the two if they are the same person.
     */
    void requireFree(String input, Ins ins, UUID self) {
        List<Patient> holders = otherHolders(ins, self);
        if (holders.isEmpty()) {
            return;
        }
        OtherRecord holder = OtherRecord.of(holders.get(0));
        if (holder.ipp() == null) {
            throw new BadInputException(input, "ins.takenNoIpp", ins.matricule().value(), holder.name(), holder.birthDate());
        }
        throw new BadInputException(input, "ins.taken", ins.matricule().value(), holder.name(), holder.birthDate(), holder.ipp());
    }

    /** Whether two INS name the same matricule (an absent INS names none). */
    static boolean sameMatricule(Ins a, Ins b) {
        return a != null && b != null && a.matricule().equals(b.matricule());
    }
}
