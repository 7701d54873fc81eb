package fr.relais.core.identity;

import fr.relais.core.audit.AuditLog;
import fr.relais.core.replication.Outbox;
import fr.relais.core.error.BadInputException;
import fr.relais.core.error.NotFoundException;
import fr.relais.core.replication.RecordKind;
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
    private final InsOwnership insOwnership;
    /** The outbox kind of a patient record. */
    public static final String RECORD = RecordKind.PATIENT;

    private final AuditLog audit;
    private final Outbox outbox;
    private final UserSession session;
    private final Clock clock;

    public PatientService(Database database, PatientRepository patients, AuditLog audit, Outbox outbox, UserSession session,
                          Clock clock) {
        this.database = database;
        this.patients = patients;
        this.insOwnership = new InsOwnership(patients);
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
            InsSource.requireTyped("insSource", input.evidence().insSource());
            IdentityStatus status = IdentityRules.resolve(input.requestedStatus(), input.ins(), input.evidence());
            IdentityRules.requireCoherent(input.traits(), input.ins(), status);
            insOwnership.requireFree("ins", input.ins(), null);
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

    /**
     * Same INS (only records received by sync can share one: {@link #applySynced}), or same birth family name + first given name + birth date + sex (compared as {@link NameKey}s). */
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
     * Records evidence a user brings: a high-trust document seen at the desk, and/or an INS read from a card or a
     * Datamatrix (never "from INSi": that is {@link #recordInsiAnswer}). A null {@code ins} keeps the patient's INS.
     * An INSi retrieval of the same INS still holds, so a document seen after it qualifies the identity; a different
     * INS voids it. The status becomes what the evidence now supports, and must be coherent with the traits.
     */
    public Patient recordEvidence(UUID id, Ins ins, IdentityEvidence typed, String reason) {
        session.require(Permission.IDENTITY_WRITE);
        requireReason(reason);
        InsSource.requireTyped("insSource", typed.insSource());
        return database.inTransaction(() -> {
            Patient current = get(id);
            PatientValidation.validateInsForStore(ins, database.meta().kind());
            Ins newIns = ins != null ? ins : current.ins();
            if (!InsOwnership.sameMatricule(ins, current.ins())) {
                insOwnership.requireFree("ins", ins, id);
            }
            boolean retrievalHolds = current.evidence().insSource().nationalService() && Objects.equals(newIns, current.ins());
            InsSource source = retrievalHolds ? current.evidence().insSource() : ins != null ? typed.insSource() : current.evidence().insSource();
            IdentityDocument document = typed.document() != null ? typed.document() : current.evidence().document();
            return applyEvidence(current, newIns, new IdentityEvidence(source, document), reason, current.traits());
        });
    }

    /**
     * Records what the INSi teleservice answered for this patient: its INS, retrieved from the national service (RECUP,
     * or QUAL when a high-trust document was already seen). The answer's traits must be the patient's (compared as
     * identity vigilance compares names); the reference base's spelling is then kept. Different traits are refused:
     * the user corrects the traits first (which voids earlier checks) and asks INSi again.
     */
    public Patient recordInsiAnswer(UUID id, InsiAnswer answer, String reason) {
        session.require(Permission.IDENTITY_WRITE);
        requireReason(reason);
        return database.inTransaction(() -> {
            Patient current = get(id);
            PatientValidation.validateInsForStore(answer.ins(), database.meta().kind());
            if (!sameIdentity(current.traits(), answer.traits())) {
                throw new BadInputException("INSi", "insi.traitsDiffer", describe(answer.traits()), describe(current.traits()));
            }
            if (!InsOwnership.sameMatricule(answer.ins(), current.ins())) {
                insOwnership.requireFree("INSi", answer.ins(), id);
            }
            IdentityEvidence evidence = new IdentityEvidence(answer.source(), current.evidence().document());
            return applyEvidence(current, answer.ins(), evidence, reason, answer.traits());
        });
    }

    private Patient applyEvidence(Patient current, Ins ins, IdentityEvidence evidence, String reason, StrictTraits traits) {
        IdentityStatus status = IdentityRules.statusFor(ins, evidence);
        IdentityRules.requireCoherent(traits, ins, status);
        Instant now = clock.instant();
        UUID id = current.id();
        Patient updated = new Patient(id, traits, current.usedFamilyName(), current.usedGivenName(),
                current.ipp(), ins, status, evidence, status == current.status() ? current.statusChangedAt() : now,
                current.createdAt(), now);
        patients.update(updated);
        outbox.record(RECORD, id);
        patients.insertIdentityEvent(id, new IdentityEvent(now, session.actor().userId(), current.status(), status,
                reason + " (" + evidenceText(evidence) + ")"));
        audit.record("patient.identity.evidence", "Patient", id, id, "status=" + current.status() + "->" + status);
        return updated;
    }

    /** Same strict traits as identity vigilance compares them (case, accents and separators aside). */
    static boolean sameIdentity(StrictTraits a, StrictTraits b) {
        return NameKey.of(a.birthFamilyName()).equals(NameKey.of(b.birthFamilyName()))
                && NameKey.of(a.givenNamesText()).equals(NameKey.of(b.givenNamesText()))
                && a.sex() == b.sex() && a.birthDate().equals(b.birthDate())
                && Objects.equals(a.birthplaceCode(), b.birthplaceCode());
    }

    private static String describe(StrictTraits t) {
        return t.birthFamilyName() + " " + t.givenNamesText() + ", " + t.sex() + ", "
                + t.birthDateShown()
                + (t.birthplaceCode() == null ? "" : ", " + t.birthplaceCode());
    }

    /**
     * Corrects strict traits. Any check made on the old traits (INSi, document) no longer holds, so a RECUP, VALI or
     * QUAL identity drops back to PROV, and the returned warning says so. A correction that makes the traits contradict
     * the INS the identity carries (sex digit, birth year or month) is refused: {@link IdentityRules#requireCorrectionKeepsIns}.
     */
    public TraitCorrection correctTraits(UUID id, StrictTraits traits, String reason) {
        return correctTraits(id, traits, null, reason);
    }

    /**
     * Corrects strict traits and, when the INS was wrong as well ({@code ins} not null), the INS with them: without
     * this, a validated identity whose sex and INS were both wrong could be corrected by neither step alone (the new
     * INS contradicts the old traits, the new traits the old INS). The new INS is typed (the identity is PROV after
     * the correction), must be free ({@link InsOwnership}) and must agree with the corrected traits.
     */
    public TraitCorrection correctTraits(UUID id, StrictTraits traits, Ins ins, String reason) {
        session.require(Permission.IDENTITY_WRITE);
        requireReason(reason);
        LocalDate today = LocalDate.now(clock.withZone(CareZone.PARIS));
        PatientValidation.validateTraits(traits, today);
        return database.inTransaction(() -> {
            Patient current = get(id);
            boolean insChanged = ins != null && !ins.equals(current.ins());
            if (current.traits().equals(traits) && !insChanged) {
                return new TraitCorrection(current, List.of());
            }
            if (insChanged) {
                PatientValidation.validateInsForStore(ins, database.meta().kind());
                insOwnership.requireFree("ins", ins, id);
                IdentityRules.requireCorrectionKeepsIns(ins, null, traits);
            } else {
                IdentityRules.requireCorrectionKeepsIns(current.ins(), current.traits(), traits);
            }
            Instant now = clock.instant();
            boolean drops = current.status() != IdentityStatus.PROV;
            IdentityEvidence evidence = drops || insChanged ? IdentityEvidence.NONE : current.evidence();
            Patient updated = new Patient(id, traits, current.usedFamilyName(), current.usedGivenName(), current.ipp(),
                    insChanged ? ins : current.ins(), IdentityStatus.PROV, evidence, drops ? now : current.statusChangedAt(),
                    current.createdAt(), now);
            patients.update(updated);
            outbox.record(RECORD, id);
            List<IdentityWarning> warnings = new ArrayList<>();
            if (drops) {
                patients.insertIdentityEvent(id, new IdentityEvent(now, session.actor().userId(), current.status(),
                        IdentityStatus.PROV, "strict traits corrected: " + reason));
                warnings.add(new IdentityWarning("status", "identityStatus.dropped." + current.status().name()));
            }
            audit.record("patient.identity.correct", "Patient", id, id, "status=" + current.status() + "->" + updated.status()
                    + (insChanged ? " ins corrected" : ""));
            return new TraitCorrection(updated, warnings);
        });
    }

    /**
     * Stores a patient as the team server has it (created or changed on another workstation), after the sync engine
     * merged it with local changes. The status is not taken as stated: it is re-derived from the evidence received
     * ({@link IdentityRules#receivedStatus}). A strict trait that changed on the server while the evidence stayed the
     * same (no new INSi call, no new document) voids the earlier checks: the identity drops to PROV here, as a local
     * correction would. The identity history and the audit trail say it came from the server.
     */
    public Patient applySynced(Patient incoming, String origin) {
        return database.inTransaction(() -> {
            Instant now = clock.instant();
            var current = patients.find(incoming.id());
            // Another patient here already has this IPP: refused (and reported by the sync) rather than failing the page.
            if (incoming.ipp() != null && patients.findByIpp(incoming.ipp()).filter(other -> !other.id().equals(incoming.id())).isPresent()) {
                throw new BadInputException(origin, "ipp.taken", incoming.ipp());
            }
            IdentityStatus derived = IdentityRules.receivedStatus(incoming.status(), incoming.traits(), incoming.ins(), incoming.evidence());
            IdentityEvidence evidence = incoming.evidence();
            String why = "received from " + origin;
            if (current.isEmpty()) {
                Patient created = new Patient(incoming.id(), incoming.traits(), incoming.usedFamilyName(), incoming.usedGivenName(),
                        incoming.ipp(), incoming.ins(), derived, evidence, now, now, now).withReplacedBy(incoming.replacedBy());
                patients.insert(created);
                patients.insertIdentityEvent(created.id(), new IdentityEvent(now, session.actor().userId(), null,
                        created.status(), why + statedNote(incoming.status(), derived)));
                audit.record("patient.sync.create", "Patient", created.id(), created.id(), origin);
                flagSharedIns(created, now);
                return created;
            }
            Patient before = current.get();
            boolean traitsChangedWithoutCheck = !before.traits().equals(incoming.traits()) && before.status() != IdentityStatus.PROV
                    && derived != IdentityStatus.PROV && evidence.equals(before.evidence());
            if (traitsChangedWithoutCheck) {
                derived = IdentityStatus.PROV;
                evidence = IdentityEvidence.NONE;
                why = "strict traits changed on the server without a new check, " + why;
            }
            Patient updated = new Patient(before.id(), incoming.traits(), incoming.usedFamilyName(), incoming.usedGivenName(),
                    incoming.ipp(), incoming.ins(), derived, evidence,
                    derived == before.status() ? before.statusChangedAt() : now, before.createdAt(), now);
            boolean same = before.traits().equals(updated.traits()) && Objects.equals(before.usedFamilyName(), updated.usedFamilyName())
                    && Objects.equals(before.usedGivenName(), updated.usedGivenName()) && Objects.equals(before.ipp(), updated.ipp())
                    && Objects.equals(before.ins(), updated.ins()) && before.status() == updated.status()
                    && before.evidence().equals(updated.evidence()) && Objects.equals(before.replacedBy(), incoming.replacedBy());
            if (same) {
                return before;
            }
            updated = updated.withReplacedBy(incoming.replacedBy());
            patients.update(updated);
            if (updated.status() != before.status()) {
                patients.insertIdentityEvent(before.id(), new IdentityEvent(now, session.actor().userId(), before.status(),
                        updated.status(), why + statedNote(incoming.status(), updated.status())));
            }
            audit.record("patient.sync.update", "Patient", before.id(), before.id(), origin);
            flagSharedIns(updated, now);
            return updated;
        });
    }

    /**
     * A record received from the team server with an INS another live record here carries is neither refused (the
     * server holds it: refusing would hide it from this workstation) nor merged (only the referent can tell a doublon
     * from an identity collision): it is kept, and both records are flagged as possible duplicates ("même INS"), which
     * the patient file shows as "à vérifier par le référent identitovigilance". The audit trail records the flag.
     */
    private void flagSharedIns(Patient received, Instant now) {
        if (received.replacedBy() != null) {
            return;
        }
        for (Patient other : insOwnership.otherHolders(received.ins(), received.id())) {
            if (patients.duplicatesOf(received.id()).stream().noneMatch(f -> f.otherPatientId().equals(other.id()))) {
                patients.insertDuplicate(received.id(), new DuplicateFlag(other.id(), DuplicateReason.SAME_INS), now);
                audit.record("patient.sync.sameIns", "Patient", received.id(), received.id(), "other=" + other.id());
                LOG.warn("Patient {} received with the INS of patient {}: flagged for the identity referent", received.id(), other.id());
            }
        }
    }

    private static String statedNote(IdentityStatus stated, IdentityStatus derived) {
        return stated == derived ? "" : " (stated " + stated + ", evidence supports " + derived + ")";
    }

    /**
     * Merges two records of the same person (doublon): {@code survivorId} stays, every clinical record of
     * {@code replacedId} moves to it ({@link RecordTransfer}), and the replaced record is kept, marked as replaced (never
     * deleted: its history and audit trail stay readable, and an old reference still leads to the survivor). Both are
     * pushed (FHIR Patient.link replaced-by / replaces). Refused when the two INS differ (two different people), when
     * their strict traits contradict ({@link IdentityRules#samePerson}: the wrong record is corrected first; with one
     * INS shared, it is an identity collision to report, not a doublon), when either was already replaced, and when
     * the replaced record has the stronger identity (keep the better one).
     */
    public MergeOutcome merge(UUID survivorId, UUID replacedId, String reason) {
        session.require(Permission.IDENTITY_WRITE);
        requireReason(reason);
        if (survivorId.equals(replacedId)) {
            throw new BadInputException("--replace", "merge.same", replacedId);
        }
        return database.inTransaction(() -> {
            Patient survivor = get(survivorId);
            Patient replaced = get(replacedId);
            for (Patient p : List.of(survivor, replaced)) {
                if (p.replacedBy() != null) {
                    throw new BadInputException(p.id().equals(survivorId) ? "--keep" : "--replace", "merge.alreadyReplaced",
                            p.displayName(), p.replacedBy());
                }
            }
            if (survivor.ins() != null && replaced.ins() != null
                    && !survivor.ins().matricule().equals(replaced.ins().matricule())) {
                throw new BadInputException("--replace", "merge.differentIns", survivor.ins().matricule().value(),
                        replaced.ins().matricule().value());
            }
            if (!IdentityRules.samePerson(survivor.traits(), replaced.traits())) {
                String key = InsOwnership.sameMatricule(survivor.ins(), replaced.ins()) ? "merge.insCollision" : "merge.traitsDiffer";
                throw new BadInputException("--replace", key, describe(survivor.traits()), describe(replaced.traits()));
            }
            if (strength(replaced.status()) > strength(survivor.status())) {
                throw new BadInputException("--keep", "merge.weakerSurvivor", survivor.status().name(), replaced.status().name());
            }
            RecordTransfer.Moved moved = new RecordTransfer(database.dsl(), outbox).move(replacedId, survivorId);
            Instant now = clock.instant();
            String actor = session.actor().userId();
            patients.update(replaced.withReplacedBy(survivorId));
            patients.deleteDuplicateFlag(survivorId, replacedId);
            patients.insertMerge(replacedId, survivorId, now, actor, reason, moved.moved());
            patients.insertIdentityEvent(replacedId, new IdentityEvent(now, actor, replaced.status(), replaced.status(),
                    "replaced by " + survivorId + " (duplicate merged): " + reason));
            patients.insertIdentityEvent(survivorId, new IdentityEvent(now, actor, survivor.status(), survivor.status(),
                    "replaces " + replacedId + " (duplicate merged): " + reason));
            outbox.record(RECORD, replacedId);
            outbox.record(RECORD, survivorId);
            String detail = "survivor=" + survivorId + " replaced=" + replacedId + " moved=" + moved.moved()
                    + " keptOnReplaced=" + moved.keptOnReplaced();
            audit.record("patient.merge", "Patient", replacedId, replacedId, detail);
            audit.record("patient.merge", "Patient", survivorId, survivorId, detail);
            LOG.info("Patient {} merged into {}: {} records moved", replacedId, survivorId, moved.moved());
            return new MergeOutcome(get(survivorId), get(replacedId), moved.moved(), moved.keptOnReplaced());
        });
    }

    /** How much an identity has been checked: PROV, then RECUP or VALI, then QUAL. */
    private static int strength(IdentityStatus status) {
        return switch (status) {
            case PROV -> 0;
            case RECUP, VALI -> 1;
            case QUAL -> 2;
        };
    }

    public java.util.Optional<Patient> find(UUID id) {
        return patients.find(id);
    }

    public Patient get(UUID id) {
        return patients.find(id).orElseThrow(() -> new NotFoundException("patient", NotFoundException.What.PATIENT, id));
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
            return patients.findByIpp(idOrIpp).orElseThrow(() -> new NotFoundException("patient", NotFoundException.What.PATIENT_ID_OR_IPP, idOrIpp));
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

    /** Names and INS of every patient: identity data, as for a search (issue 23: no administrator lists them). */
    public List<Patient> list(int offset, int limit) {
        session.require(Permission.IDENTITY_READ);
        return patients.list(offset, limit);
    }

    /** The page of the list after {@code after} (the first page when null): the same order and rights as {@link #list}. */
    public List<Patient> listAfter(PatientKey after, int limit) {
        session.require(Permission.IDENTITY_READ);
        return patients.listAfter(after, limit);
    }

    public List<Patient> search(String text, int limit) {
        session.require(Permission.IDENTITY_READ);
        return patients.search(text, limit);
    }

    /** How many patients a search finds in all, when the list shows only its first page. */
    public int countMatching(String text) {
        session.require(Permission.IDENTITY_READ);
        return patients.countMatching(text);
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
