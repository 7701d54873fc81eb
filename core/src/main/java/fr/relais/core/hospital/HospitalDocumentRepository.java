package fr.relais.core.hospital;

import static fr.relais.core.store.schema.Tables.HOSPITAL_DOCUMENT;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectField;

/** The documents hospitals sent: one row per message, unique per sender and control id, the bytes in the row. */
public final class HospitalDocumentRepository {
    /** Every column but the bytes, and their size: what lists read. */
    private static final List<SelectField<?>> DESCRIBED = List.of(HOSPITAL_DOCUMENT.ID, HOSPITAL_DOCUMENT.SENDER_APPLICATION,
            HOSPITAL_DOCUMENT.SENDER_FACILITY, HOSPITAL_DOCUMENT.CONTROL_ID, HOSPITAL_DOCUMENT.PATIENT_ID, HOSPITAL_DOCUMENT.STAY_ID,
            HOSPITAL_DOCUMENT.STATE, HOSPITAL_DOCUMENT.QUEUE_REASON, HOSPITAL_DOCUMENT.INS, HOSPITAL_DOCUMENT.IDENTITY_STATUS,
            HOSPITAL_DOCUMENT.IPP, HOSPITAL_DOCUMENT.VISIT_NUMBER, HOSPITAL_DOCUMENT.TYPE_CODE, HOSPITAL_DOCUMENT.TYPE_SYSTEM,
            HOSPITAL_DOCUMENT.TITLE, HOSPITAL_DOCUMENT.AUTHOR, HOSPITAL_DOCUMENT.FACILITY, HOSPITAL_DOCUMENT.DOCUMENT_AT,
            HOSPITAL_DOCUMENT.DOCUMENT_NUMBER, HOSPITAL_DOCUMENT.MIME_TYPE, org.jooq.impl.DSL.field("length({0})", Long.class, HOSPITAL_DOCUMENT.CONTENT).as("size"),
            HOSPITAL_DOCUMENT.RECEIVED_AT);

    private final DSLContext dsl;

    public HospitalDocumentRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    void insert(HospitalDocument d, byte[] content) {
        dsl.insertInto(HOSPITAL_DOCUMENT).set(HOSPITAL_DOCUMENT.ID, d.id())
                .set(HOSPITAL_DOCUMENT.SENDER_APPLICATION, d.senderApplication()).set(HOSPITAL_DOCUMENT.SENDER_FACILITY, d.senderFacility())
                .set(HOSPITAL_DOCUMENT.CONTROL_ID, d.controlId()).set(HOSPITAL_DOCUMENT.PATIENT_ID, d.patientId())
                .set(HOSPITAL_DOCUMENT.STAY_ID, d.stayId()).set(HOSPITAL_DOCUMENT.STATE, d.state().name())
                .set(HOSPITAL_DOCUMENT.QUEUE_REASON, d.queueReason() == null ? null : d.queueReason().name())
                .set(HOSPITAL_DOCUMENT.INS, d.ins()).set(HOSPITAL_DOCUMENT.IDENTITY_STATUS, d.identityStatus())
                .set(HOSPITAL_DOCUMENT.IPP, d.ipp()).set(HOSPITAL_DOCUMENT.VISIT_NUMBER, d.visitNumber())
                .set(HOSPITAL_DOCUMENT.TYPE_CODE, d.typeCode()).set(HOSPITAL_DOCUMENT.TYPE_SYSTEM, d.typeSystem())
                .set(HOSPITAL_DOCUMENT.TITLE, d.title()).set(HOSPITAL_DOCUMENT.AUTHOR, d.author())
                .set(HOSPITAL_DOCUMENT.FACILITY, d.facility()).set(HOSPITAL_DOCUMENT.DOCUMENT_AT, d.documentAt())
                .set(HOSPITAL_DOCUMENT.DOCUMENT_NUMBER, d.documentNumber()).set(HOSPITAL_DOCUMENT.MIME_TYPE, d.mimeType())
                .set(HOSPITAL_DOCUMENT.CONTENT, content).set(HOSPITAL_DOCUMENT.RECEIVED_AT, d.receivedAt()).execute();
    }

    void filed(UUID id, UUID patientId, UUID stayId) {
        dsl.update(HOSPITAL_DOCUMENT).set(HOSPITAL_DOCUMENT.PATIENT_ID, patientId).set(HOSPITAL_DOCUMENT.STAY_ID, stayId)
                .set(HOSPITAL_DOCUMENT.STATE, HospitalDocument.State.FILED.name()).setNull(HOSPITAL_DOCUMENT.QUEUE_REASON)
                .where(HOSPITAL_DOCUMENT.ID.eq(id)).execute();
    }

    void queued(UUID id, StoredHospitalEvent.QueueReason reason) {
        dsl.update(HOSPITAL_DOCUMENT).set(HOSPITAL_DOCUMENT.QUEUE_REASON, reason.name()).where(HOSPITAL_DOCUMENT.ID.eq(id)).execute();
    }

    public Optional<HospitalDocument> find(UUID id) {
        return dsl.select(DESCRIBED).from(HOSPITAL_DOCUMENT).where(HOSPITAL_DOCUMENT.ID.eq(id)).fetchOptional(HospitalDocumentRepository::toDocument);
    }

    /** The document a sender already sent under this control id (MSH-10), if any. */
    public Optional<HospitalDocument> find(String application, String facility, String controlId) {
        return dsl.select(DESCRIBED).from(HOSPITAL_DOCUMENT).where(HOSPITAL_DOCUMENT.SENDER_APPLICATION.eq(application)
                        .and(HOSPITAL_DOCUMENT.SENDER_FACILITY.eq(facility)).and(HOSPITAL_DOCUMENT.CONTROL_ID.eq(controlId)))
                .fetchOptional(HospitalDocumentRepository::toDocument);
    }

    /** The bytes of a document, as received. */
    public Optional<byte[]> content(UUID id) {
        return dsl.select(HOSPITAL_DOCUMENT.CONTENT).from(HOSPITAL_DOCUMENT).where(HOSPITAL_DOCUMENT.ID.eq(id)).fetchOptional(r -> r.value1());
    }

    /** The documents waiting in the identity queue, oldest first. */
    public List<HospitalDocument> queued() {
        return dsl.select(DESCRIBED).from(HOSPITAL_DOCUMENT).where(HOSPITAL_DOCUMENT.STATE.eq(HospitalDocument.State.QUEUED.name()))
                .orderBy(HOSPITAL_DOCUMENT.RECEIVED_AT, HOSPITAL_DOCUMENT.ID).fetch(HospitalDocumentRepository::toDocument);
    }

    /** A patient's documents, the latest first. */
    public List<HospitalDocument> ofPatient(UUID patientId) {
        return dsl.select(DESCRIBED).from(HOSPITAL_DOCUMENT).where(HOSPITAL_DOCUMENT.PATIENT_ID.eq(patientId))
                .orderBy(HOSPITAL_DOCUMENT.DOCUMENT_AT.desc(), HOSPITAL_DOCUMENT.RECEIVED_AT.desc()).fetch(HospitalDocumentRepository::toDocument);
    }

    private static HospitalDocument toDocument(Record r) {
        String reason = r.get(HOSPITAL_DOCUMENT.QUEUE_REASON);
        Number size = (Number) r.get("size");
        return new HospitalDocument(r.get(HOSPITAL_DOCUMENT.ID), r.get(HOSPITAL_DOCUMENT.SENDER_APPLICATION),
                r.get(HOSPITAL_DOCUMENT.SENDER_FACILITY), r.get(HOSPITAL_DOCUMENT.CONTROL_ID), r.get(HOSPITAL_DOCUMENT.PATIENT_ID),
                r.get(HOSPITAL_DOCUMENT.STAY_ID), HospitalDocument.State.valueOf(r.get(HOSPITAL_DOCUMENT.STATE)),
                reason == null ? null : StoredHospitalEvent.QueueReason.valueOf(reason), r.get(HOSPITAL_DOCUMENT.INS),
                r.get(HOSPITAL_DOCUMENT.IDENTITY_STATUS), r.get(HOSPITAL_DOCUMENT.IPP), r.get(HOSPITAL_DOCUMENT.VISIT_NUMBER),
                r.get(HOSPITAL_DOCUMENT.TYPE_CODE), r.get(HOSPITAL_DOCUMENT.TYPE_SYSTEM), r.get(HOSPITAL_DOCUMENT.TITLE),
                r.get(HOSPITAL_DOCUMENT.AUTHOR), r.get(HOSPITAL_DOCUMENT.FACILITY), r.get(HOSPITAL_DOCUMENT.DOCUMENT_AT),
                r.get(HOSPITAL_DOCUMENT.DOCUMENT_NUMBER), r.get(HOSPITAL_DOCUMENT.MIME_TYPE), size == null ? 0 : size.longValue(),
                r.get(HOSPITAL_DOCUMENT.RECEIVED_AT));
    }
}
