package fr.relais.core.hospital;

import fr.relais.core.audit.AuditLog;
import fr.relais.core.error.BadInputException;
import fr.relais.core.error.NotFoundException;
import fr.relais.core.identity.PatientService;
import fr.relais.core.session.Permission;
import fr.relais.core.session.UserSession;
import fr.relais.core.store.Database;
import fr.relais.core.store.RowIds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Documents hospitals send about a patient, the discharge letter first (issue 28, docs/hospital-events.md, "The
 * discharge letter"): each stored once per sender and control id, its patient decided by the same identity vigilance as
 * the ADT messages ({@link HospitalIdentity}: INS when qualified, else the sender's IPP, never the name), filed with the
 * stay it belongs to when one matches, and every decision in the audit trail. A document nobody matches waits in the
 * identity queue until a person links it. Reading one is a consultation, written to the audit trail.
 */
public final class HospitalDocuments {
    /** The largest document accepted, in bytes: a discharge letter is a few hundred kilobytes; 20 MB is far above. */
    public static final int MAX_BYTES = 20 * 1024 * 1024;
    /** A letter dated up to this long after a discharge belongs to that stay (letters follow the discharge). */
    static final Duration AFTER_DISCHARGE = Duration.ofDays(30);

    private final Database database;
    private final HospitalDocumentRepository documents;
    private final HospitalStayRepository stays;
    private final HospitalEventRepository events;
    private final HospitalPatientLinks links;
    private final HospitalIdentity identity;
    private final HospitalEvents hospitalEvents;
    private final PatientService patients;
    private final AuditLog audit;
    private final UserSession session;
    private final Clock clock;

    public HospitalDocuments(Database database, HospitalDocumentRepository documents, HospitalStayRepository stays,
                             HospitalEventRepository events, HospitalPatientLinks links, HospitalIdentity identity,
                             HospitalEvents hospitalEvents, PatientService patients, AuditLog audit, UserSession session, Clock clock) {
        this.database = database;
        this.documents = documents;
        this.stays = stays;
        this.events = events;
        this.links = links;
        this.identity = identity;
        this.hospitalEvents = hospitalEvents;
        this.patients = patients;
        this.audit = audit;
        this.session = session;
        this.clock = clock;
    }

    /**
     * Stores {@code message}'s document and files it with its patient, in one transaction committed when this returns
     * (the listener acknowledges only then). The same sender and control id again is a duplicate: stored once.
     * {@code localIpp}: the IPP namespaces (OIDs) the organisation reads as its own.
     */
    public Receipt receive(HospitalDocumentMessage message, Set<String> localIpp) {
        if (message.content().length == 0 || message.content().length > MAX_BYTES) {
            throw new IllegalArgumentException("document of " + message.content().length + " bytes");
        }
        return database.inTransaction(() -> {
            Optional<HospitalDocument> existing = documents.find(message.senderApplication(), message.senderFacility(), message.controlId());
            if (existing.isPresent()) {
                HospitalDocument d = existing.get();
                audit.record("hospital.document.duplicate", "HospitalDocument", d.id(), d.patientId(), d.controlId());
                return new Receipt(d.id(), true, d.state());
            }
            HospitalDocument stored = new HospitalDocument(RowIds.next(), message.senderApplication(), message.senderFacility(),
                    message.controlId(), null, null, HospitalDocument.State.QUEUED, null,
                    message.ins().map(i -> i.value() + "^" + i.authority()).orElse(null),
                    message.identityStatus().isEmpty() ? null : String.join("~", message.identityStatus()),
                    message.ipp().map(PatientIdentifier::stored).orElse(null), message.visitNumber(), message.typeCode(),
                    message.typeSystem(), message.title(), message.author(), message.facility(), message.documentAt(),
                    message.documentNumber(), message.mimeType(), message.content().length, clock.instant());
            documents.insert(stored, message.content());
            return new Receipt(stored.id(), false, decide(stored, localIpp, message.admittedAt()));
        });
    }

    /** Identity vigilance on a stored document, then filed with its patient when one is found; every decision audited. */
    private HospitalDocument.State decide(HospitalDocument document, Set<String> localIpp, Instant admittedAt) {
        HospitalIdentity.Decision decision = identity.decide(PatientIdentifier.insFromStored(document.ins()),
                document.identityStatus() == null ? List.of() : List.of(document.identityStatus().split("~")),
                Optional.ofNullable(document.ippIdentifier()), localIpp);
        if (!decision.matched()) {
            documents.queued(document.id(), decision.queued());
            audit.record("hospital.identity.queued", "HospitalDocument", document.id(), null, "document " + decision.queued());
            return HospitalDocument.State.QUEUED;
        }
        audit.record("hospital.identity.matched", "HospitalDocument", document.id(), decision.patientId(), "document by " + decision.how());
        file(document, decision.patientId(), admittedAt);
        return HospitalDocument.State.FILED;
    }

    private void file(HospitalDocument document, UUID patientId, Instant admittedAt) {
        UUID stay = stayOf(document, patientId, admittedAt).map(HospitalStay::id).orElse(null);
        documents.filed(document.id(), patientId, stay);
        audit.record("hospital.document.filed", "HospitalDocument", document.id(), patientId, stay == null ? "no stay" : "stay " + stay);
    }

    /**
     * The stay a document belongs to: the one whose admission message carried the same visit number (PV1-19), else the
     * one admitted at the time the document's PV1-44 gives, else the latest stay under way on the document's date or
     * ended at most {@link #AFTER_DISCHARGE} before it.
     */
    private Optional<HospitalStay> stayOf(HospitalDocument document, UUID patientId, Instant admittedAt) {
        List<HospitalStay> all = stays.ofPatient(patientId);
        if (document.visitNumber() != null) {
            for (HospitalStay stay : all) {
                String visit = events.find(stay.admissionEventId()).map(e -> VisitNumber.of(e.raw())).orElse(null);
                if (document.visitNumber().equals(visit)) {
                    return Optional.of(stay);
                }
            }
        }
        if (admittedAt != null) {
            Optional<HospitalStay> same = all.stream().filter(s -> s.admittedAt().equals(admittedAt)).findFirst();
            if (same.isPresent()) {
                return same;
            }
        }
        Instant at = document.documentAt();
        return all.stream().filter(s -> !s.admittedAt().isAfter(at)
                && (s.open() || !s.dischargedAt().plus(AFTER_DISCHARGE).isBefore(at))).findFirst();
    }

    /** The documents waiting for a person to say who they concern, oldest first. */
    public List<HospitalDocument> queue() {
        session.require(Permission.IDENTITY_READ);
        return documents.queued();
    }

    /**
     * A person says who a queued document concerns: it is filed with that patient, the sender's IPP is linked to them
     * for the next messages, and the queued documents and ADT events with that IPP are decided again.
     */
    public HospitalDocument link(UUID documentId, UUID patientId, Set<String> localIpp) {
        session.require(Permission.IDENTITY_WRITE);
        return database.inTransaction(() -> {
            HospitalDocument document = documents.find(documentId)
                    .orElseThrow(() -> new NotFoundException("document", NotFoundException.What.HOSPITAL_EVENT, documentId));
            if (document.state() != HospitalDocument.State.QUEUED) {
                throw new BadInputException("document", "hospital.notQueued", documentId);
            }
            patients.get(patientId);
            PatientIdentifier ipp = document.ippIdentifier();
            links.linkFromQueue(ipp, patientId, clock.instant(), session.actor().userId());
            audit.record("hospital.identity.linked", "HospitalDocument", documentId, patientId, ipp == null ? "document" : "IPP " + ipp.stored());
            // The hospital's queued admissions and discharges first: the stay they open is the one the letter belongs to.
            hospitalEvents.decideQueued(ipp, localIpp);
            file(document, patientId, null);
            decideQueued(ipp, localIpp);
            return documents.find(documentId).orElseThrow();
        });
    }

    /**
     * The queued documents with this IPP decided again (after a person linked it, from an event of the queue or a
     * document), in the order received. Does nothing for a null IPP.
     */
    public void decideQueued(PatientIdentifier ipp, Set<String> localIpp) {
        session.require(Permission.IDENTITY_WRITE);
        if (ipp == null) {
            return;
        }
        database.inTransaction(() -> {
            for (HospitalDocument other : documents.queued()) {
                if (ipp.stored().equals(other.ipp())) {
                    decide(other, localIpp, null);
                }
            }
        });
    }

    /** A patient's documents, the latest first (without their bytes). */
    public List<HospitalDocument> ofPatient(UUID patientId) {
        session.require(Permission.CLINICAL_READ);
        return documents.ofPatient(patientId);
    }

    /** The document's bytes, to show it: a consultation of the patient's file, written to the audit trail. */
    public byte[] read(UUID documentId) {
        session.require(Permission.CLINICAL_READ);
        return database.inTransaction(() -> {
            HospitalDocument document = documents.find(documentId).filter(d -> d.state() == HospitalDocument.State.FILED)
                    .orElseThrow(() -> new NotFoundException("document", NotFoundException.What.HOSPITAL_EVENT, documentId));
            audit.record("hospital.document.read", "HospitalDocument", documentId, document.patientId(), document.mimeType());
            return documents.content(documentId).orElseThrow();
        });
    }

    /** What became of a document: its row, whether it was a duplicate, and its state (for the acknowledgement). */
    public record Receipt(UUID documentId, boolean duplicate, HospitalDocument.State state) {
    }
}
