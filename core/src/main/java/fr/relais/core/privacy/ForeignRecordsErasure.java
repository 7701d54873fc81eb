package fr.relais.core.privacy;

import static fr.relais.core.store.schema.Tables.CARE_TEAM_OTHER_PARTICIPANT;
import static fr.relais.core.store.schema.Tables.FOREIGN_CARE_PLAN;
import static fr.relais.core.store.schema.Tables.FOREIGN_CARE_PLAN_ACTIVITY;
import static fr.relais.core.store.schema.Tables.FOREIGN_RESPONSE;
import static fr.relais.core.store.schema.Tables.FOREIGN_RESPONSE_ANSWER;
import static fr.relais.core.store.schema.Tables.FOREIGN_TASK_CARE_PLAN;
import static fr.relais.core.store.schema.Tables.RELATED_PERSON;
import static fr.relais.core.store.schema.Tables.SYNC_CONFLICT;
import static fr.relais.core.store.schema.Tables.SYNC_LINK;
import static fr.relais.core.store.schema.Tables.SYNC_UNREAD;
import static fr.relais.core.store.schema.Tables.TASK;

import fr.relais.core.careteam.CareTeamService;
import fr.relais.core.careteam.Relatives;
import fr.relais.core.identity.PatientService;
import fr.relais.core.replication.RecordKind;
import java.util.ArrayList;
import fr.relais.core.task.Task;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * What other systems wrote about a patient that can identify them, removed from this workstation when the patient is
 * anonymised (the caller's transaction): the other participants of their care team (relatives' names), other systems'
 * care plans with their activities, responses to questionnaires Relais does not ship with their answers, the server's
 * copies kept as the base of those records (emptied), the identifying text of the care team's and the patient's bases ({@link CareTeamScrub}, {@link PatientScrub}), open
 * conflicts on the identity, and the records received but not read yet ({@code sync_unread}) that name
 * the patient. Clinical records Relais models (measures, tasks, scored responses) stay: the indicators need them.
 */
final class ForeignRecordsErasure {
    private final DSLContext dsl;

    ForeignRecordsErasure(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A record whose server copy the erasure rewrote: pushed again so the server loses the same words. */
    record Rewritten(String recordType, UUID id) {
    }

    /**
     * {@code serverId}: the patient's id on the team server (its local id when it was never synced); {@code words}: what
     * names the patient in text, taken before the identity was erased. Returns the records whose server copy now
     * differs from the server's and must be pushed (the patient's relatives, other systems' tasks that named them).
     */
    List<Rewritten> erase(UUID patientId, String serverId, IdentifyingText words) {
        List<Rewritten> rewritten = new ArrayList<>();
        String patient = patientId.toString();
        dsl.deleteFrom(CARE_TEAM_OTHER_PARTICIPANT).where(CARE_TEAM_OTHER_PARTICIPANT.PATIENT_ID.eq(patientId)).execute();

        List<UUID> plans = dsl.select(FOREIGN_CARE_PLAN.ID).from(FOREIGN_CARE_PLAN).where(FOREIGN_CARE_PLAN.PATIENT_ID.eq(patientId))
                .fetch(FOREIGN_CARE_PLAN.ID);
        var foreignTasks = DSL.select(TASK.ID).from(TASK).where(TASK.PATIENT_ID.eq(patientId).and(TASK.KIND.eq(Task.FOREIGN)));
        dsl.deleteFrom(FOREIGN_TASK_CARE_PLAN).where(FOREIGN_TASK_CARE_PLAN.CARE_PLAN_ID.in(plans)
                .or(FOREIGN_TASK_CARE_PLAN.TASK_ID.in(foreignTasks))).execute();
        dsl.deleteFrom(FOREIGN_CARE_PLAN_ACTIVITY).where(FOREIGN_CARE_PLAN_ACTIVITY.CARE_PLAN_ID.in(plans)).execute();
        dsl.deleteFrom(FOREIGN_CARE_PLAN).where(FOREIGN_CARE_PLAN.ID.in(plans)).execute();

        List<UUID> responses = dsl.select(FOREIGN_RESPONSE.ID).from(FOREIGN_RESPONSE).where(FOREIGN_RESPONSE.PATIENT_ID.eq(patientId))
                .fetch(FOREIGN_RESPONSE.ID);
        dsl.deleteFrom(FOREIGN_RESPONSE_ANSWER).where(FOREIGN_RESPONSE_ANSWER.RESPONSE_ID.in(responses)).execute();
        dsl.deleteFrom(FOREIGN_RESPONSE).where(FOREIGN_RESPONSE.ID.in(responses)).execute();

        // The server's copies of those records (the base a sync link keeps) hold the same words: emptied. The link
        // itself stays (server id, version), so that the version erased is not read again when pages overlap; a newer
        // version the other system writes later is read as any other.
        emptyBase(plans, "CarePlan");
        emptyBase(responses, "QuestionnaireResponse");
        // The patient's care team and the patient are Relais's own records: their bases are needed (memberships merge
        // against it, what other systems wrote is kept from it), so only what identifies the patient goes.
        scrubBase(CareTeamService.TEAM_RECORD, patient, team -> CareTeamScrub.anonymised(team, words));
        scrubBase(PatientService.RECORD, patient, PatientScrub::anonymised);
        // Tasks keep their structure and their clinical words; a title that names the patient ("Passage IDE Mme
        // KERBRAT") loses the name here, and another system's Task is pushed again with the same text scrubbed.
        for (var task : dsl.select(TASK.ID, TASK.TITLE_FR, TASK.TITLE_EN, TASK.KIND).from(TASK).where(TASK.PATIENT_ID.eq(patientId)).fetch()) {
            if (words.names(task.value2()) || words.names(task.value3())) {
                dsl.update(TASK).set(TASK.TITLE_FR, words.redact(task.value2())).set(TASK.TITLE_EN, words.redact(task.value3()))
                        .where(TASK.ID.eq(task.value1())).execute();
            }
            if (Task.FOREIGN.equals(task.value4()) && scrubBase(RecordKind.TASK, task.value1().toString(), words::scrubbed)) {
                rewritten.add(new Rewritten(RecordKind.TASK, task.value1()));
            }
        }
        // The relatives: their names here go, and the server's RelatedPerson is pushed without name, phone or address
        // (the resource itself is the other system's and stays).
        for (String relative : dsl.select(RELATED_PERSON.ID).from(RELATED_PERSON).where(RELATED_PERSON.PATIENT_ID.eq(patient)).fetch(RELATED_PERSON.ID)) {
            dsl.update(RELATED_PERSON).setNull(RELATED_PERSON.NAME).where(RELATED_PERSON.ID.eq(relative)).execute();
            if (scrubBase(Relatives.RECORD, relative, RelatedPersonScrub::anonymised)) {
                rewritten.add(new Rewritten(Relatives.RECORD, UUID.fromString(relative)));
            }
        }
        // A conflict on the identity keeps the names of both sides: gone, the erasure settles it.
        dsl.deleteFrom(SYNC_CONFLICT).where(SYNC_CONFLICT.RESOURCE_TYPE.eq(PatientService.RECORD).and(SYNC_CONFLICT.LOCAL_ID.eq(patient)))
                .execute();

        // Kept raw because unreadable yet: those that name the patient ("Patient/1001", with or without a version).
        dsl.deleteFrom(SYNC_UNREAD).where(SYNC_UNREAD.RESOURCE.contains("Patient/" + serverId + "\"")
                .or(SYNC_UNREAD.RESOURCE.contains("Patient/" + serverId + "/"))
                .or(SYNC_UNREAD.RESOURCE_TYPE.eq("Patient").and(SYNC_UNREAD.SERVER_ID.eq(serverId)))).execute();
        return rewritten;
    }

    /** Scrubs the base a sync link keeps; returns whether it changed (so the server's copy still holds the words). */
    private boolean scrubBase(String recordType, String localId, UnaryOperator<String> scrub) {
        var link = SYNC_LINK.RESOURCE_TYPE.eq(recordType).and(SYNC_LINK.LOCAL_ID.eq(localId));
        var base = dsl.select(SYNC_LINK.BASE).from(SYNC_LINK).where(link).fetchOptional(SYNC_LINK.BASE);
        if (base.isEmpty() || base.get() == null) {
            return false;
        }
        String scrubbed = scrub.apply(base.get());
        if (scrubbed.equals(FhirJsonEdit.edit(base.get(), unchanged -> { }))) { // compared as written by the same hand
            return false;
        }
        dsl.update(SYNC_LINK).set(SYNC_LINK.BASE, scrubbed).where(link).execute();
        return true;
    }

    private void emptyBase(List<UUID> localIds, String fhirType) {
        dsl.update(SYNC_LINK).set(SYNC_LINK.BASE, DSL.concat(DSL.inline("{\"resourceType\":\"" + fhirType + "\",\"id\":\""),
                SYNC_LINK.SERVER_ID, DSL.inline("\"}"))).where(SYNC_LINK.LOCAL_ID.in(localIds.stream().map(UUID::toString).toList())).execute();
    }
}
