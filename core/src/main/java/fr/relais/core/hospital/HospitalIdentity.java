package fr.relais.core.hospital;

import fr.relais.core.identity.InsOid;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.PatientRepository;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Identity vigilance on receipt (docs/hospital-events.md): who a hospital message concerns, never guessed.
 * <ul>
 *   <li>By INS only when the sender says the identity is qualified (PID-32 {@code QUAL}) and the INS carries a
 *   production OID (NIR or NIA): a provisional identity's INS, or a test INS, is not evidence.</li>
 *   <li>By the sender's IPP in the sender's namespace: the IPP Relais holds when that namespace is the one the
 *   organisation reads as its own (its IPP OID, or a hospital's it was told to read as IPP), else an IPP a person
 *   already linked to a patient from the identity queue.</li>
 *   <li>Never by name or birth date.</li>
 * </ul>
 * One patient found: that patient. None: unmatched. More than one (the INS and the IPP disagree): ambiguous.
 */
public final class HospitalIdentity {
    private final PatientRepository patients;
    private final HospitalPatientLinks links;

    public HospitalIdentity(PatientRepository patients, HospitalPatientLinks links) {
        this.patients = patients;
        this.links = links;
    }

    /** The decision for an event's identifiers; {@code localIpp}: the IPP namespaces (OIDs) read as the store's own. */
    public Decision decide(Optional<PatientIdentifier> ins, List<String> identityStatus, Optional<PatientIdentifier> ipp,
                           Set<String> localIpp) {
        Set<UUID> found = new LinkedHashSet<>();
        String how = null;
        if (ins.isPresent() && identityStatus.contains("QUAL")) {
            InsOid oid = ins.get().insOid().orElseThrow();
            if (!oid.fictitious()) {
                for (Patient p : patients.findByInsMatricule(ins.get().value())) {
                    if (p.ins() != null && p.ins().oid() == oid) {
                        found.add(survivor(p));
                        how = "INS";
                    }
                }
            }
        }
        if (ipp.isPresent()) {
            PatientIdentifier id = ipp.get();
            HospitalPatientLinks.IppHolders holders = links.holdersOf(id.authority(), id.value());
            Optional<UUID> linked = holders.linked();
            if (linked.isPresent()) {
                found.add(linked.get());
                how = how == null ? "IPP linked" : how + " + IPP linked";
            } else if (localIpp.contains(id.authority())) {
                Optional<UUID> local = holders.holder();
                if (local.isPresent()) {
                    found.add(local.get());
                    how = how == null ? "IPP" : how + " + IPP";
                }
            }
        }
        if (found.size() == 1) {
            return new Decision(found.iterator().next(), null, how);
        }
        return new Decision(null, found.isEmpty() ? StoredHospitalEvent.QueueReason.UNMATCHED : StoredHospitalEvent.QueueReason.AMBIGUOUS,
                found.size() + " patients");
    }

    /**
     * The decision for a message received through the team server's sync (a FHIR Encounter): its subject is a server
     * Patient this store holds through its sync link, the same patient the rest of the sync applies to. A patient merged
     * since is found as the one that replaced them; a link to a patient no longer here decides nothing.
     */
    public Decision bySyncLink(UUID patientId) {
        return patients.find(patientId).map(p -> new Decision(survivor(p), null, "sync link"))
                .orElseGet(() -> new Decision(null, StoredHospitalEvent.QueueReason.UNMATCHED, "0 patients"));
    }

    /** A patient merged into another is found as the one that replaced them. */
    private static UUID survivor(Patient p) {
        return p.replacedBy() != null ? p.replacedBy() : p.id();
    }

    /** Who the event concerns, or why it waits; {@code how} says which identifier decided, for the audit trail. */
    public record Decision(UUID patientId, StoredHospitalEvent.QueueReason queued, String how) {
        public boolean matched() {
            return patientId != null;
        }
    }
}
