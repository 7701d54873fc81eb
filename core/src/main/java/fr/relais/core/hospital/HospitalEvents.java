package fr.relais.core.hospital;

import fr.relais.core.audit.AuditLog;
import fr.relais.core.error.BadInputException;
import fr.relais.core.error.NotFoundException;
import fr.relais.core.identity.PatientService;
import fr.relais.core.pathway.EnrollmentService;
import fr.relais.core.session.Permission;
import fr.relais.core.session.UserSession;
import fr.relais.core.store.Database;
import fr.relais.core.store.RowIds;
import fr.relais.core.time.CareZone;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Hospital admissions and discharges (issue 28, docs/hospital-events.md): each message stored once per sender and
 * control id, its patient decided by identity vigilance ({@link HospitalIdentity}), its effects applied
 * ({@link HospitalEffects}) in the same transaction, and each decision in the audit trail. A message nobody matches
 * waits in the identity queue until a person links it; a discharge's proposals wait for the nurse.
 *
 * <p>{@code localIpp} in the methods: the IPP namespaces (OIDs) the organisation reads as its own IPP, from its settings
 * (RELAIS_IPP_OID and the hospital systems read as IPP).
 */
public final class HospitalEvents {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HospitalEvents.class);

    private final Database database;
    private final HospitalEventRepository events;
    private final HospitalStayRepository stays;
    private final HospitalEffectRepository effects;
    private final HospitalPatientLinks links;
    private final HospitalIdentity identity;
    private final HospitalEffects effectsApplied;
    private final PatientService patients;
    private final EnrollmentService enrollments;
    private final AuditLog audit;
    private final UserSession session;
    private final Clock clock;

    public HospitalEvents(Database database, HospitalEventRepository events, HospitalStayRepository stays,
                          HospitalEffectRepository effects, HospitalPatientLinks links, HospitalIdentity identity,
                          HospitalEffectsWiring wiring, PatientService patients, EnrollmentService enrollments, AuditLog audit,
                          UserSession session, Clock clock) {
        this.database = database;
        this.events = events;
        this.stays = stays;
        this.effects = effects;
        this.links = links;
        this.identity = identity;
        this.effectsApplied = new HospitalEffects(wiring.enrollments(), wiring.templates(), wiring.tasks(),
                new HospitalTasks(wiring.tasks(), wiring.careTeam(), wiring.outbox()), stays, effects, events);
        this.patients = patients;
        this.enrollments = enrollments;
        this.audit = audit;
        this.session = session;
        this.clock = clock;
    }

    /**
     * Stores {@code message} and applies it, all in one transaction that has committed when this returns (the
     * listener acknowledges only then). The same sender and control id again is a duplicate: acknowledged, never
     * applied twice. When applying fails, the message is still kept, as failed, for a person to look at.
     */
    public Receipt receive(HospitalMessage message, Set<String> localIpp) {
        return receive(message, localIpp, Optional.empty());
    }

    /**
     * Stores and applies several messages in one transaction, each as {@link #receive(HospitalMessage, Set)} would
     * (its own savepoint: one that cannot be applied is kept as failed without undoing the others), committed once
     * before this returns but synced to the disk only by {@link Database.Committed#awaitDurable} (ADR 0029): the
     * listener's group commit, which commits under its lock, syncs after releasing it, and acknowledges each message
     * only once that sync has returned. The receipts are in the order of {@code messages}; a repeat within the batch is
     * a duplicate of the first.
     */
    public Database.Committed<List<Receipt>> receiveAll(List<HospitalMessage> messages, Set<String> localIpp) {
        // First without a savepoint a message: almost every group applies whole, and a savepoint each (its begin, its
        // release, the page images SQLite keeps to roll back to it) was about a tenth of the group's work under the
        // listener's lock. When a message cannot be applied, that attempt is rolled back whole (nothing of it stays, in
        // the store or in the transaction's memory) and the group is stored again a savepoint a message, as before.
        boolean[] oneFailed = {false};
        try {
            return database.inTransactionSyncedLater(() -> messages.stream().map(m -> {
                try {
                    return storeAndApply(m, localIpp, Optional.empty());
                } catch (RuntimeException e) {
                    oneFailed[0] = true;
                    throw e;
                }
            }).toList());
        } catch (RuntimeException e) {
            if (!oneFailed[0]) {
                throw e; // the transaction itself failed (its begin or its commit): the senders are told, nothing is stored
            }
            LOG.debug("A message of a group of {} could not be applied; storing the group again, a savepoint each", messages.size(), e);
            return database.inTransactionSyncedLater(() -> messages.stream().map(m -> receive(m, localIpp, Optional.empty())).toList());
        }
    }

    /**
     * Stores and applies a hospital event the team server's sync read (a FHIR Encounter, docs/hospital-events.md),
     * exactly as {@link #receive(HospitalMessage, Set)} does an ADT message, except for who it concerns: the patient the
     * sync link of the Encounter's subject names ({@code syncLinked}), else the identity queue. Runs in the caller's
     * transaction when there is one (the pull's page).
     */
    public Receipt receiveSynced(HospitalMessage message, Optional<UUID> syncLinked) {
        return receive(message, Set.of(), syncLinked);
    }

    private Receipt receive(HospitalMessage message, Set<String> localIpp, Optional<UUID> syncLinked) {
        try {
            return database.inTransaction(() -> storeAndApply(message, localIpp, syncLinked));
        } catch (RuntimeException e) {
            LOG.error("Hospital message {} from {}/{} ({}) could not be applied; kept as failed", message.controlId(),
                    message.senderApplication(), message.senderFacility(), message.type(), e);
            return database.inTransaction(() -> {
                StoredHospitalEvent failed = stored(message, StoredHospitalEvent.State.FAILED);
                events.insert(failed);
                audit.record("hospital.event.failed", "HospitalEvent", failed.id(), null, message.type() + " " + message.controlId());
                return new Receipt(failed.id(), false, StoredHospitalEvent.State.FAILED);
            });
        }
    }

    /**
     * Stores {@code message}, decides who it concerns and applies it, in the caller's transaction; a repeat of a stored
     * message is audited and changes nothing. Throws when it cannot be applied: the caller rolls back what it wrote.
     */
    private Receipt storeAndApply(HospitalMessage message, Set<String> localIpp, Optional<UUID> syncLinked) {
        StoredHospitalEvent stored = stored(message, StoredHospitalEvent.State.QUEUED);
        if (!events.insertIfNew(stored)) { // the same sender and control id already stored: a duplicate
            StoredHospitalEvent e = events.find(message.senderApplication(), message.senderFacility(), message.controlId()).orElseThrow();
            audit.record("hospital.event.duplicate", "HospitalEvent", e.id(), e.patientId(), e.type() + " " + e.controlId());
            return new Receipt(e.id(), true, e.state());
        }
        return new Receipt(stored.id(), false, syncLinked.isPresent()
                ? decided(stored, identity.bySyncLink(syncLinked.get())) : decide(stored, localIpp));
    }

    /** Identity vigilance on a stored event, then its effects when one patient is found; every decision audited. */
    private StoredHospitalEvent.State decide(StoredHospitalEvent event, Set<String> localIpp) {
        return decided(event, identity.decide(insOf(event), statusOf(event), Optional.ofNullable(event.ippIdentifier()), localIpp));
    }

    private StoredHospitalEvent.State decided(StoredHospitalEvent event, HospitalIdentity.Decision decision) {
        if (!decision.matched()) {
            events.decided(event.id(), null, StoredHospitalEvent.State.QUEUED, decision.queued());
            audit.record("hospital.identity.queued", "HospitalEvent", event.id(), null, event.type() + " " + decision.queued());
            return StoredHospitalEvent.State.QUEUED;
        }
        return apply(event, decision.patientId(),
                audit.line("hospital.identity.matched", "HospitalEvent", event.id(), decision.patientId(), event.type() + " by " + decision.how()));
    }

    /**
     * Applies {@code event}'s effects to the patient; {@code decision}, the audit line of who decided it concerns them,
     * is written with the outcome's in one statement (the effects write no audit line, so the trail's order is kept).
     */
    private StoredHospitalEvent.State apply(StoredHospitalEvent event, UUID patientId, AuditLog.Line decision) {
        StoredHospitalEvent.State state = effectsApplied.apply(withPatient(event, patientId), patientId, clock.instant(), session.actor().userId());
        events.decided(event.id(), patientId, state, null);
        audit.record(List.of(decision, audit.line("hospital.event." + state.name().toLowerCase(java.util.Locale.ROOT), "HospitalEvent",
                event.id(), patientId, event.type().name())));
        return state;
    }

    /** The events waiting for a person to say who they concern, oldest first. */
    public List<StoredHospitalEvent> queue() {
        session.require(Permission.IDENTITY_READ);
        return events.queued();
    }

    /**
     * A person says who a queued event concerns: the event is applied to that patient, the sender's IPP is linked to
     * them for the next messages, and the other queued events with that IPP are decided again, in the order received.
     */
    public StoredHospitalEvent link(UUID eventId, UUID patientId, Set<String> localIpp) {
        session.require(Permission.IDENTITY_WRITE);
        return database.inTransaction(() -> {
            StoredHospitalEvent event = events.find(eventId).orElseThrow(() -> new NotFoundException("event", NotFoundException.What.HOSPITAL_EVENT, eventId));
            if (event.state() != StoredHospitalEvent.State.QUEUED) {
                throw new BadInputException("event", "hospital.notQueued", eventId);
            }
            patients.get(patientId);
            PatientIdentifier ipp = event.ippIdentifier();
            links.linkFromQueue(ipp, patientId, clock.instant(), session.actor().userId());
            apply(event, patientId, audit.line("hospital.identity.linked", "HospitalEvent", eventId, patientId,
                    ipp == null ? event.type().name() : "IPP " + ipp.stored()));
            decideQueued(ipp, localIpp);
            return events.find(eventId).orElseThrow();
        });
    }

    /**
     * The queued events with this IPP decided again, in the order received: after a person linked the IPP to a patient
     * (from an event of the queue, or from a document the same hospital sent, {@link HospitalDocuments#link}).
     */
    void decideQueued(PatientIdentifier ipp, Set<String> localIpp) {
        if (ipp == null) {
            return;
        }
        for (StoredHospitalEvent other : events.queued()) {
            if (ipp.stored().equals(other.ipp())) {
                decide(other, localIpp);
            }
        }
    }

    /** The proposals of a patient's discharges still waiting for the nurse. */
    public List<Proposal> proposals(UUID patientId) {
        session.require(Permission.CLINICAL_READ);
        return events.ofPatient(patientId).stream().filter(e -> e.type() == HospitalEventType.A03)
                .flatMap(e -> effects.ofEvent(e.id()).stream()
                        .filter(f -> f.kind() == HospitalEffect.Kind.PROPOSAL && f.state() == HospitalEffect.State.PROPOSED)
                        .map(f -> new Proposal(f, e)))
                .toList();
    }

    /**
     * The nurse confirms a proposal: the pathway held during the stay resumes (its held tasks back in the worklist),
     * or the patient is enrolled in the pathway proposed from the discharge day (the enrolment's own rules apply:
     * a telemonitoring pathway still needs the patient's consent).
     */
    public void confirm(UUID proposalId) {
        session.require(Permission.CLINICAL_WRITE);
        database.inTransaction(() -> {
            Proposal proposal = pending(proposalId);
            Instant now = clock.instant();
            String actor = session.actor().userId();
            UUID patientId = proposal.discharge().patientId();
            if (proposal.effect().resumedEnrollment() != null) {
                HospitalStay stay = stays.byDischarge(proposal.discharge().id()).orElseThrow();
                effectsApplied.resume(stay.admissionEventId(), proposal.effect().resumedEnrollment(), now, actor);
            } else {
                enrollments.enroll(patientId, proposal.effect().proposedTemplate(), null,
                        proposal.discharge().eventAt().atZone(CareZone.PARIS).toLocalDate());
                effectsApplied.cancelCall(proposal.discharge().id(), now, actor);
            }
            effects.state(proposalId, HospitalEffect.State.CONFIRMED, now, actor);
            audit.record("hospital.proposal.confirmed", "HospitalEvent", proposal.discharge().id(), patientId, proposal.effect().target());
        });
    }

    /** The nurse declines a proposal: nothing resumes, nobody is enrolled; held tasks stay for her to handle. */
    public void decline(UUID proposalId) {
        session.require(Permission.CLINICAL_WRITE);
        database.inTransaction(() -> {
            Proposal proposal = pending(proposalId);
            effects.state(proposalId, HospitalEffect.State.DECLINED, clock.instant(), session.actor().userId());
            audit.record("hospital.proposal.declined", "HospitalEvent", proposal.discharge().id(), proposal.discharge().patientId(),
                    proposal.effect().target());
        });
    }

    private Proposal pending(UUID proposalId) {
        HospitalEffect effect = effects.find(proposalId).filter(f -> f.kind() == HospitalEffect.Kind.PROPOSAL)
                .orElseThrow(() -> new NotFoundException("proposal", NotFoundException.What.DISCHARGE_PROPOSAL, proposalId));
        if (effect.state() != HospitalEffect.State.PROPOSED) {
            throw new BadInputException("proposal", "hospital.proposalDecided", proposalId);
        }
        return new Proposal(effect, events.find(effect.eventId()).orElseThrow());
    }

    /** The start of the day: tasks planned since an admission are held as the admission held the others. */
    public int holdDuringStays() {
        return database.inTransaction(() -> effectsApplied.holdDuringStays(clock.instant(), session.actor().userId()));
    }

    /** Who is in hospital now, the longest stay first. */
    public List<HospitalStay> inHospital() {
        session.require(Permission.CLINICAL_READ);
        return stays.open();
    }

    /** The stays that ended at or after {@code since} (the Hospitalisations screen's recent discharges), latest first. */
    public List<HospitalStay> dischargedSince(Instant since) {
        session.require(Permission.CLINICAL_READ);
        return stays.dischargedSince(since);
    }

    /** A patient's hospital events, in the order they happened. */
    public List<StoredHospitalEvent> history(UUID patientId) {
        session.require(Permission.CLINICAL_READ);
        return events.ofPatient(patientId);
    }

    public List<HospitalStay> staysOf(UUID patientId) {
        session.require(Permission.CLINICAL_READ);
        return stays.ofPatient(patientId);
    }

    public List<HospitalEffect> effectsOf(UUID eventId) {
        return effects.ofEvent(eventId);
    }

    private StoredHospitalEvent stored(HospitalMessage m, StoredHospitalEvent.State state) {
        return new StoredHospitalEvent(RowIds.next(), m.senderApplication(), m.senderFacility(), m.controlId(), m.type(),
                m.movementId(), m.movementAction(), m.eventAt(), m.patientClass(), m.location(), m.expectedDischarge(), m.diagnoses(),
                m.identityStatus().isEmpty() ? null : String.join("~", m.identityStatus()),
                m.ins().map(i -> i.value() + "^" + i.authority()).orElse(null), m.ipp().map(PatientIdentifier::stored).orElse(null),
                null, state, null, m.raw(), clock.instant());
    }

    private static Optional<PatientIdentifier> insOf(StoredHospitalEvent e) {
        return PatientIdentifier.insFromStored(e.ins());
    }

    private static List<String> statusOf(StoredHospitalEvent e) {
        return e.identityStatus() == null ? List.of() : List.of(e.identityStatus().split("~"));
    }

    private static StoredHospitalEvent withPatient(StoredHospitalEvent e, UUID patientId) {
        return new StoredHospitalEvent(e.id(), e.senderApplication(), e.senderFacility(), e.controlId(), e.type(), e.movementId(),
                e.movementAction(), e.eventAt(), e.patientClass(), e.location(), e.expectedDischarge(), e.diagnoses(), e.identityStatus(),
                e.ins(), e.ipp(), patientId, e.state(), e.queueReason(), e.raw(), e.receivedAt());
    }

    /** What became of a message: its event, whether it was a duplicate, and its state (for the acknowledgement). */
    public record Receipt(UUID eventId, boolean duplicate, StoredHospitalEvent.State state) {
    }

    /** A proposal a discharge made, with that discharge. */
    public record Proposal(HospitalEffect effect, StoredHospitalEvent discharge) {
    }
}
