package fr.relais.core.privacy;

import static fr.relais.core.store.schema.Tables.IDENTITY_EVENT;
import static fr.relais.core.store.schema.Tables.MEASURE;
import static fr.relais.core.store.schema.Tables.OUTGOING_MESSAGE;
import static fr.relais.core.store.schema.Tables.PATIENT;
import static fr.relais.core.store.schema.Tables.PATIENT_DUPLICATE;
import static fr.relais.core.store.schema.Tables.SYNC_LINK;
import static fr.relais.core.store.schema.Tables.TASK;
import static fr.relais.core.store.schema.Tables.URGENT_CARE_PLAN_VERSION;

import fr.relais.core.audit.AuditLog;
import fr.relais.core.careteam.CareTeamService;
import fr.relais.core.error.BadInputException;
import fr.relais.core.identity.BirthDatePrecision;
import fr.relais.core.identity.IdentityEvidence;
import fr.relais.core.identity.IdentityStatus;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.PatientRepository;
import fr.relais.core.identity.PatientService;
import fr.relais.core.identity.StrictTraits;
import fr.relais.core.replication.Outbox;
import fr.relais.core.session.Permission;
import fr.relais.core.session.UserSession;
import fr.relais.core.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.impl.DSL;

/**
 * Removes a patient's identity on request (RGPD) or once the retention period has passed (issue 9), keeping the
 * clinical record for the team's indicators: names become ANONYME, the birth date keeps its year only (age bands),
 * birthplace, IPP and INS go, and so does every place that held the identity in clear (identity history, duplicate
 * flags, messages sent, the urgent care plan with its contacts) and what other systems wrote about the patient
 * ({@link ForeignRecordsErasure}). The change is audited and pushed to the team server like any identity change, with
 * the patient's care team (its relatives removed there too); the other workstations run the same erasure when they
 * receive it ({@link #applyReceived}). It cannot be undone.
 */
public final class PatientAnonymisation {
    public static final String ANONYMOUS = "ANONYME";
    private static final Object WAL_TRUNCATE = new Object();

    private final Database database;
    private final PatientRepository patients;
    private final AuditLog audit;
    private final Outbox outbox;
    private final UserSession session;
    private final Clock clock;

    public PatientAnonymisation(Database database, PatientRepository patients, AuditLog audit, Outbox outbox, UserSession session,
                                Clock clock) {
        this.database = database;
        this.patients = patients;
        this.audit = audit;
        this.outbox = outbox;
        this.session = session;
        this.clock = clock;
    }

    public Patient anonymise(UUID id, String reason) {
        session.require(Permission.WORKSTATION_ADMIN);
        if (reason == null || reason.isBlank()) {
            throw new BadInputException("--reason", "privacy.reasonRequired");
        }
        return database.inTransaction(() -> {
            Patient current = patients.find(id).orElseThrow(() -> new BadInputException(id.toString(), "privacy.unknownPatient", id));
            for (ForeignRecordsErasure.Rewritten record : erase(current)) {
                outbox.record(record.recordType(), record.id());
            }
            outbox.record(PatientService.RECORD, id);
            // The server's care team of the patient names their relatives: pushed again without them (CareTeamSync).
            if (database.dsl().fetchExists(SYNC_LINK, SYNC_LINK.RESOURCE_TYPE.eq(CareTeamService.TEAM_RECORD)
                    .and(SYNC_LINK.LOCAL_ID.eq(id.toString())))) {
                outbox.record(CareTeamService.TEAM_RECORD, id);
            }
            audit.record("patient.anonymise", PatientService.RECORD, id, id, reason.trim());
            return patients.find(id).orElseThrow();
        });
    }

    /**
     * An anonymisation made on another workstation, received from the team server ({@code origin}: the version read):
     * the same erasure here, so that no laptop keeps what the one where it was made erased. Audited as received
     * ({@code patient.anonymise.sync}, never sent back as the team's audit trail already has the original); nothing is
     * pushed (the server holds the anonymised record). A patient already anonymised here, or unknown here, is left
     * alone. Returns whether the erasure ran.
     */
    public boolean applyReceived(UUID id, String origin) {
        return database.inTransaction(() -> {
            Optional<Patient> current = patients.find(id);
            if (current.isEmpty() || isAnonymised(id)) {
                return false;
            }
            erase(current.get()); // what it rewrote is pushed by the laptop where the anonymisation was made
            audit.record("patient.anonymise.sync", PatientService.RECORD, id, id, origin);
            return true;
        });
    }

    /** Whether the patient's identity was removed here (by request, retention, or received from another workstation). */
    public boolean isAnonymised(UUID id) {
        return database.dsl().fetchExists(PATIENT, PATIENT.ID.eq(id).and(PATIENT.ANONYMISED_AT.isNotNull()));
    }

    /**
     * The erasure itself, in the caller's transaction. What it deletes is zeroed in the file ({@code secure_delete},
     * set on every connection: StoreConnector); the planner's samples of the patient table ({@code sqlite_stat4},
     * which copy INS, IPP and birth dates) are taken again without the erased values, and the write-ahead log, which
     * keeps earlier versions of the pages, is truncated once the erasure is committed.
     */
    private List<ForeignRecordsErasure.Rewritten> erase(Patient current) {
        UUID id = current.id();
        Instant now = clock.instant();
        // What names the patient in other systems' text, taken while the identity is still here.
        IdentifyingText words = identifyingText(current);
        // The year alone, and said to be the year alone: nothing shows or sends "01/01" as a day of birth.
        StrictTraits anonymous = new StrictTraits(ANONYMOUS, List.of(ANONYMOUS), current.traits().sex(),
                LocalDate.of(current.traits().birthDate().getYear(), 1, 1), null, BirthDatePrecision.YEAR);
        patients.update(new Patient(id, anonymous, null, null, null, null, IdentityStatus.PROV, IdentityEvidence.NONE, now,
                current.createdAt(), now));
        database.dsl().update(PATIENT).set(PATIENT.ANONYMISED_AT, now).where(PATIENT.ID.eq(id)).execute();
        database.dsl().deleteFrom(IDENTITY_EVENT).where(IDENTITY_EVENT.PATIENT_ID.eq(id)).execute();
        database.dsl().deleteFrom(PATIENT_DUPLICATE).where(PATIENT_DUPLICATE.PATIENT_ID.eq(id)
                .or(PATIENT_DUPLICATE.OTHER_PATIENT_ID.eq(id))).execute();
        database.dsl().deleteFrom(OUTGOING_MESSAGE).where(OUTGOING_MESSAGE.PATIENT_ID.eq(id)).execute();
        database.dsl().deleteFrom(URGENT_CARE_PLAN_VERSION).where(URGENT_CARE_PLAN_VERSION.PATIENT_ID.eq(id)).execute();
        // What other systems wrote about the patient (relatives' names, plans, answers, unread records): gone too.
        String serverId = database.dsl().select(SYNC_LINK.SERVER_ID).from(SYNC_LINK)
                .where(SYNC_LINK.RESOURCE_TYPE.eq(PatientService.RECORD).and(SYNC_LINK.LOCAL_ID.eq(id.toString())))
                .fetchOptional(SYNC_LINK.SERVER_ID).orElse(id.toString());
        List<ForeignRecordsErasure.Rewritten> rewritten = new ForeignRecordsErasure(database.dsl()).erase(id, serverId, words);
        // Statistics exist only once ANALYZE ran (PRAGMA optimize on open may run it): then re-sampled, patient
        // table only (the one table whose indexes hold identity values), so no sample keeps an erased value.
        if (database.dsl().fetchExists(DSL.selectOne().from(DSL.table("sqlite_schema")).where(DSL.field("name").eq("sqlite_stat1")))) {
            database.dsl().execute("ANALYZE patient");
        }
        // Earlier versions of the pages stay in the write-ahead log until it is overwritten: emptied once committed.
        database.afterCommit(WAL_TRUNCATE, () -> database.dsl().fetch("PRAGMA wal_checkpoint(TRUNCATE)"));
        return rewritten;
    }

    /**
     * The patient's names (birth and used, each given name), IPP, INS matricule and day of birth (as FHIR and as a
     * French date), and what the server's Patient holds besides (another system's identifiers, names, phones, address
     * lines): what may name them in text other systems wrote.
     */
    private IdentifyingText identifyingText(Patient current) {
        List<String> words = new java.util.ArrayList<>();
        words.add(current.traits().birthFamilyName());
        current.traits().birthGivenNames().forEach(given -> words.addAll(List.of(given.split("[\\s,]+"))));
        words.add(current.usedFamilyName());
        words.add(current.usedGivenName());
        words.add(current.ipp());
        if (current.ins() != null) {
            words.add(current.ins().matricule().value());
        }
        if (current.traits().birthDatePrecision() == BirthDatePrecision.DAY) {
            words.add(current.traits().birthDate().toString());
            words.add(current.traits().birthDate().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        }
        database.dsl().select(SYNC_LINK.BASE).from(SYNC_LINK)
                .where(SYNC_LINK.RESOURCE_TYPE.eq(PatientService.RECORD).and(SYNC_LINK.LOCAL_ID.eq(current.id().toString())))
                .fetchOptional(SYNC_LINK.BASE).filter(java.util.Objects::nonNull)
                .ifPresent(base -> words.addAll(IdentifyingText.inPatient(base)));
        words.remove(ANONYMOUS);
        return IdentifyingText.of(words.stream().filter(java.util.Objects::nonNull).toList());
    }

    /**
     * The patients whose record has seen nothing (identity change, measure, task) for {@code years} years and who
     * still carry an identity: those the retention period says to anonymise.
     */
    public List<RetentionCandidate> pastRetention(int years) {
        session.require(Permission.WORKSTATION_ADMIN);
        if (years < 1 || years > 100) {
            throw new BadInputException("--years", "privacy.retentionYears", years);
        }
        Instant limit = clock.instant().atZone(ZoneOffset.UTC).minusYears(years).toInstant();
        var lastMeasure = DSL.select(DSL.max(MEASURE.CREATED_AT)).from(MEASURE).where(MEASURE.PATIENT_ID.eq(PATIENT.ID)).asField("m");
        var lastTask = DSL.select(DSL.max(TASK.UPDATED_AT)).from(TASK).where(TASK.PATIENT_ID.eq(PATIENT.ID)).asField("t");
        return database.dsl().select(PATIENT.ID, PATIENT.UPDATED_AT, lastMeasure, lastTask).from(PATIENT)
                .where(PATIENT.ANONYMISED_AT.isNull()).fetch().stream()
                .map(r -> new RetentionCandidate(r.value1(), latest(r.value2(), (Instant) r.value3(), (Instant) r.value4())))
                .filter(c -> c.lastActivity().compareTo(limit) < 0)
                .toList();
    }

    private static Instant latest(Instant... stamps) {
        Instant latest = null;
        for (Instant s : stamps) {
            if (s != null && (latest == null || s.compareTo(latest) > 0)) {
                latest = s;
            }
        }
        return latest;
    }

    /** A patient past the retention period, and the date of the last thing that happened in the record. */
    public record RetentionCandidate(UUID patientId, Instant lastActivity) {
    }
}
