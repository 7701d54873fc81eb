package fr.relais.core.messaging;

import static fr.relais.core.store.schema.Tables.DMP_FILING;

import fr.relais.core.audit.AuditLog;
import fr.relais.core.session.UserSession;
import fr.relais.core.store.Database;
import fr.relais.core.store.schema.tables.records.DmpFilingRecord;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The documents filed in patients' DMP from this store: what the next filing of the same kind replaces, and the
 * record of what left (audited). Only a filing the DMP accepted is recorded.
 */
public final class DmpFilings {
    private final Database database;
    private final AuditLog audit;
    private final UserSession session;
    private final Clock clock;

    public DmpFilings(Database database, AuditLog audit, UserSession session, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.session = session;
        this.clock = clock;
    }

    /** The latest filing of this kind for the patient: the version a new document replaces. */
    public Optional<DmpFiling> latest(UUID patientId, DmpDocumentKind kind) {
        return database.dsl().selectFrom(DMP_FILING).where(DMP_FILING.PATIENT_ID.eq(patientId).and(DMP_FILING.KIND.eq(kind.name())))
                .orderBy(DMP_FILING.FILED_AT.desc(), DMP_FILING.ID).limit(1).fetchOptional(DmpFilings::toFiling);
    }

    /** The patient's filings, newest first. */
    public List<DmpFiling> list(UUID patientId) {
        return database.dsl().selectFrom(DMP_FILING).where(DMP_FILING.PATIENT_ID.eq(patientId))
                .orderBy(DMP_FILING.FILED_AT.desc()).fetch(DmpFilings::toFiling);
    }

    /** Records a filing the DMP accepted. */
    public DmpFiling record(UUID patientId, DmpDocumentKind kind, String documentReference, String replaces, String sha1) {
        DmpFiling f = new DmpFiling(UUID.randomUUID(), patientId, kind, documentReference, replaces, sha1, clock.instant(),
                session.actor().displayName());
        database.inTransaction(() -> {
            database.dsl().insertInto(DMP_FILING).set(DMP_FILING.ID, f.id()).set(DMP_FILING.PATIENT_ID, patientId)
                    .set(DMP_FILING.KIND, kind.name()).set(DMP_FILING.DOCUMENT_REFERENCE, documentReference)
                    .set(DMP_FILING.REPLACES, replaces).set(DMP_FILING.SHA1, sha1).set(DMP_FILING.FILED_AT, f.filedAt())
                    .set(DMP_FILING.FILED_BY, f.filedBy()).execute();
            audit.record("dmp.filed", "DmpFiling", f.id(), patientId, kind.name() + " " + documentReference
                    + (replaces == null ? "" : " replaces " + replaces));
        });
        return f;
    }

    private static DmpFiling toFiling(DmpFilingRecord r) {
        return new DmpFiling(r.getId(), r.getPatientId(), DmpDocumentKind.valueOf(r.getKind()), r.getDocumentReference(),
                r.getReplaces(), r.getSha1(), r.getFiledAt(), r.getFiledBy());
    }
}
