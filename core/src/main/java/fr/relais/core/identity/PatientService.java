package fr.relais.core.identity;

import fr.relais.core.audit.AuditLog;
import fr.relais.core.replication.Outbox;
import fr.relais.core.error.BadInputException;
import fr.relais.core.error.NotFoundException;
import fr.relais.core.session.Permission;
import fr.relais.core.session.UserSession;
import fr.relais.core.store.Database;
import fr.relais.core.time.CareZone;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Patient identity: creation with the RNIV rules and duplicate flags, evidence that changes the status, corrections
 * of strict traits that void earlier checks. Every write is one transaction with its audit record.
 */
public final class PatientService {
    private static final Logger LOG = LoggerFactory.getLogger(PatientService.class);

    private final Database database;
    private final PatientRepository patients;
    /** The outbox kind of a patient record. */
    public static final String RECORD = "Patient";

    private final AuditLog audit;
    private final Outbox outbox;
    private final UserSession session;
    private final Clock clock;

    public PatientService(Database database, PatientRepository patients, AuditLog audit, Outbox outbox, UserSession session,
                          Clock clock) {
        this.database = database;
        this.patients = patients;
        this.audit = audit;
        this.outbox = outbox;
        this.session = session;
        this.clock = clock;
    }

    public Registration register(NewPatient input) {
        session.require(Permission.IDENTITY_WRITE);
        LocalDate today = LocalDate.now(clock.withZone(CareZone.PARIS));
        return database.inTransaction(() -> {
            PatientValidation.validate(input, database.meta().kind(), today);
            IdentityStatus status = IdentityRules.resolve(input.requestedStatus(), input.ins(), input.evidence());
            if (input.ipp() != null && patients.findByIpp(input.ipp()).isPresent()) {
                throw new BadInputException("ipp", "ipp.taken", input.ipp());
            }
            List<IdentityWarning> warnings = input.ins() == null ? List.of()
                    : input.ins().matricule().inconsistenciesWith(input.traits());
            List<DuplicateFlag> duplicates = likelyDuplicates(input.traits(), input.ins());

            Instant now = clock.instant();
            Patient patient = new Patient(UUID.randomUUID(), input.traits(), blankToNull(input.usedFamilyName()),
                    blankToNull(input.usedGivenName()), input.ipp(), input.ins(), status, input.evidence(), now, now, now);
            patients.insert(patient);
            outbox.record(RECORD, patient.id());
            patients.insertIdentityEvent(patient.id(), new IdentityEvent(now, session.actor().userId(), null, status,
                    evidenceText(input.evidence())));
            duplicates.forEach(flag -> patients.insertDuplicate(patient.id(), flag, now));
            audit.record("patient.create", "Patient", patient.id(), patient.id(), "status=" + status + " duplicates=" + duplicates.size());
            LOG.info("Patient {} created with status {}", patient.id(), status);
            return new Registration(patient, warnings, duplicates);
        });
    }

    /** Same INS, or same birth family name + first given name + birth date + sex (compared as {@link NameKey}s). */
    public List<DuplicateFlag> likelyDuplicates(StrictTraits traits, Ins ins) {
        Map<UUID, DuplicateFlag> found = new LinkedHashMap<>();
        if (ins != null) {
            patients.findByInsMatricule(ins.matricule().value())
                    .forEach(p -> found.put(p.id(), new DuplicateFlag(p.id(), DuplicateReason.SAME_INS)));
        }
        String family = NameKey.of(traits.birthFamilyName());
        String given = NameKey.of(traits.firstGivenName());
        for (Patient other : patients.findByBirthDateAndSex(traits.birthDate(), traits.sex())) {
            if (!found.containsKey(other.id()) && NameKey.of(other.traits().birthFamilyName()).equals(family)
                    && NameKey.of(other.traits().firstGivenName()).equals(given)) {
                found.put(other.id(), new DuplicateFlag(other.id(), DuplicateReason.SAME_TRAITS));
            }
        }
        return new ArrayList<>(found.values());
    }

    /**
     * Records new evidence (an INS returned by INSi, a document seen at the desk) and moves the status to what the
     * evidence now supports.
     */
    public Patient recordEvidence(UUID id, Ins ins, IdentityEvidence evidence, String reason) {
        requireReason(reason);
        return database.inTransaction(() -> {
            Patient current = get(id);
            PatientValidation.validateInsForStore(ins, database.meta().kind());
            IdentityStatus status = IdentityRules.statusFor(ins, evidence);
            Instant now = clock.instant();
            Patient updated = new Patient(id, current.traits(), current.usedFamilyName(), current.usedGivenName(),
                    current.ipp(), ins, status, evidence, status == current.status() ? current.statusChangedAt() : now,
                    current.createdAt(), now);
            patients.update(updated);
            outbox.record(RECORD, id);
            if (status != current.status()) {
                patients.insertIdentityEvent(id, new IdentityEvent(now, session.actor().userId(), current.status(), status,
                        reason + " (" + evidenceText(evidence) + ")"));
            }
            audit.record("patient.identity.evidence", "Patient", id, id, "status=" + current.status() + "->" + status);
            return updated;
        });
    }

    /**
     * Corrects strict traits. Any check made on the old traits (INSi, document) no longer holds, so a RECUP, VALI or
     * QUAL identity drops back to PROV, and the returned warning says so.
     */
    public TraitCorrection correctTraits(UUID id, StrictTraits traits, String reason) {
        session.require(Permission.IDENTITY_WRITE);
        requireReason(reason);
        LocalDate today = LocalDate.now(clock.withZone(CareZone.PARIS));
        PatientValidation.validateTraits(traits, today);
        return database.inTransaction(() -> {
            Patient current = get(id);
            if (current.traits().equals(traits)) {
                return new TraitCorrection(current, List.of());
            }
            Instant now = clock.instant();
            boolean drops = current.status() != IdentityStatus.PROV;
            IdentityEvidence evidence = drops ? IdentityEvidence.NONE : current.evidence();
            Patient updated = new Patient(id, traits, current.usedFamilyName(), current.usedGivenName(), current.ipp(),
                    current.ins(), IdentityStatus.PROV, evidence, drops ? now : current.statusChangedAt(),
                    current.createdAt(), now);
            patients.update(updated);
            outbox.record(RECORD, id);
            List<IdentityWarning> warnings = new ArrayList<>();
            if (drops) {
                patients.insertIdentityEvent(id, new IdentityEvent(now, session.actor().userId(), current.status(),
                        IdentityStatus.PROV, "strict traits corrected: " + reason));
                warnings.add(new IdentityWarning("status", "identityStatus.dropped", current.status().name()));
            }
            audit.record("patient.identity.correct", "Patient", id, id, "status=" + current.status() + "->" + updated.status());
            return new TraitCorrection(updated, warnings);
        });
    }

    /**
     * Stores a patient as the team server has it (created or changed on another workstation), after the sync engine
     * merged it with local changes. The identity history and the audit trail say it came from the server.
     */
    public Patient applySynced(Patient incoming, String origin) {
        return database.inTransaction(() -> {
            Instant now = clock.instant();
            var current = patients.find(incoming.id());
            // Another patient here already has this IPP: refused (and reported by the sync) rather than failing the page.
            if (incoming.ipp() != null && patients.findByIpp(incoming.ipp()).filter(other -> !other.id().equals(incoming.id())).isPresent()) {
                throw new BadInputException(origin, "ipp.taken", incoming.ipp());
            }
            if (current.isEmpty()) {
                Patient created = new Patient(incoming.id(), incoming.traits(), incoming.usedFamilyName(), incoming.usedGivenName(),
                        incoming.ipp(), incoming.ins(), incoming.status(), incoming.evidence(), now, now, now);
                patients.insert(created);
                patients.insertIdentityEvent(created.id(), new IdentityEvent(now, session.actor().userId(), null,
                        created.status(), "received from " + origin));
                audit.record("patient.sync.create", "Patient", created.id(), created.id(), origin);
                return created;
            }
            Patient before = current.get();
            Patient updated = new Patient(before.id(), incoming.traits(), incoming.usedFamilyName(), incoming.usedGivenName(),
                    incoming.ipp(), incoming.ins(), incoming.status(), incoming.evidence(),
                    incoming.status() == before.status() ? before.statusChangedAt() : now, before.createdAt(), now);
            boolean same = before.traits().equals(updated.traits()) && Objects.equals(before.usedFamilyName(), updated.usedFamilyName())
                    && Objects.equals(before.usedGivenName(), updated.usedGivenName()) && Objects.equals(before.ipp(), updated.ipp())
                    && Objects.equals(before.ins(), updated.ins()) && before.status() == updated.status()
                    && before.evidence().equals(updated.evidence());
            if (same) {
                return before;
            }
            patients.update(updated);
            if (updated.status() != before.status()) {
                patients.insertIdentityEvent(before.id(), new IdentityEvent(now, session.actor().userId(), before.status(),
                        updated.status(), "received from " + origin));
            }
            audit.record("patient.sync.update", "Patient", before.id(), before.id(), origin);
            return updated;
        });
    }

    public java.util.Optional<Patient> find(UUID id) {
        return patients.find(id);
    }

    public Patient get(UUID id) {
        return patients.find(id).orElseThrow(() -> new NotFoundException("patient", "patient", id));
    }

    /**
     * The patient whose file a person opens: the opening is recorded in the audit trail (who, when, from which
     * workstation), as medical secrecy requires of every read of a file. Searches and lists are not file reads.
     */
    public Patient openFile(UUID id, String where) {
        session.require(Permission.IDENTITY_READ);
        return database.inTransaction(() -> {
            Patient patient = get(id);
            audit.record("patient.read", "Patient", id, id, where);
            return patient;
        });
    }

    /** A patient by id or by IPP, as the command line accepts either. */
    public Patient resolve(String idOrIpp) {
        try {
            return get(UUID.fromString(idOrIpp));
        } catch (IllegalArgumentException notAUuid) {
            return patients.findByIpp(idOrIpp).orElseThrow(() -> new NotFoundException("patient", "patient", idOrIpp));
        }
    }

    /** The patient an import row names: by IPP first, else by INS matricule when exactly one patient has it. */
    public java.util.Optional<Patient> findByIppOrIns(String key) {
        if (key == null || key.isBlank()) {
            return java.util.Optional.empty();
        }
        var byIpp = patients.findByIpp(key.trim());
        if (byIpp.isPresent()) {
            return byIpp;
        }
        List<Patient> byIns = patients.findByInsMatricule(key.replace(" ", "").toUpperCase(java.util.Locale.ROOT));
        return byIns.size() == 1 ? java.util.Optional.of(byIns.get(0)) : java.util.Optional.empty();
    }

    public List<Patient> list(int offset, int limit) {
        return patients.list(offset, limit);
    }

    public List<Patient> search(String text, int limit) {
        session.require(Permission.IDENTITY_READ);
        return patients.search(text, limit);
    }

    public int count() {
        return patients.count();
    }

    public List<IdentityEvent> identityHistory(UUID id) {
        return patients.identityEvents(id);
    }

    public List<DuplicateFlag> duplicatesOf(UUID id) {
        return patients.duplicatesOf(id);
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new BadInputException("reason", "reason.missing");
        }
    }

    private static String evidenceText(IdentityEvidence evidence) {
        return "source=" + evidence.insSource() + (evidence.document() == null ? "" : " document=" + evidence.document().code());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
