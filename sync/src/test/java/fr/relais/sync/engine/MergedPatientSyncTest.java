package fr.relais.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.identity.Patient;
import fr.relais.core.measure.MeasureCatalog;
import fr.relais.sync.fhir.ObservationMapper;
import fr.relais.sync.fhir.RelaisFhir;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/**
 * A hospital merges two records of the same patient on the shared server, as FHIR does it: the duplicate gets
 * {@code link} replaced-by the surviving record (and {@code active} false), the survivor {@code link} replaces (and
 * here seealso) the duplicate; ids are the server's. The laptops read both, and nothing recorded on the duplicate is
 * lost or put on another record.
 */
class MergedPatientSyncTest extends ForeignWorldFixture {
    /** The hospital's merge of the duplicate into the survivor: the duplicate now says replaced-by, inactive. */
    private void mergeOnServer(String duplicateId, String survivorId) {
        var duplicate = world.read(org.hl7.fhir.r4.model.Patient.class, duplicateId);
        duplicate.setActive(false);
        duplicate.addLink().setType(org.hl7.fhir.r4.model.Patient.LinkType.REPLACEDBY).setOther(new Reference("Patient/" + survivorId));
        world.client().update().resource(duplicate).execute();
    }

    @Test
    void aPatientTheHospitalMergedIntoAnotherIsReadAsMergedAndKeepsTheWeightRecordedOnIt() {
        String duplicateId = world.create("patient-merge-duplicate.json", Map.of());
        world.create("observation-weight-telemonitoring.json", Map.of("patient", duplicateId, "effective", hoursAgo(5).toString()));
        String survivorId = world.create("patient-merge-survivor.json", Map.of("replaced", duplicateId));
        mergeOnServer(duplicateId, survivorId);

        SyncReport pulled = laptop.sync();

        assertThat(pulled.skipped()).isEmpty();
        assertThat(laptop.core.syncState().unreadCount()).isZero();
        UUID duplicate = ObservationMapper.localId(duplicateId);
        UUID survivor = ObservationMapper.localId(survivorId);
        Patient replaced = laptop.core.patients().get(duplicate);
        assertThat(replaced.replacedBy()).isEqualTo(survivor);
        assertThat(laptop.core.patients().get(survivor).replaces()).containsExactly(duplicate);
        // The weight stays on the record it was taken for: reachable from the merged record, never lost, never
        // attached by Relais to a patient the server did not name.
        assertThat(laptop.core.measures().ofPatient(duplicate, MeasureCatalog.BODY_WEIGHT)).hasSize(1);
        assertThat(laptop.core.measures().ofPatient(survivor, MeasureCatalog.BODY_WEIGHT)).isEmpty();

        // Read, not rewritten: the hospital's links (seealso included) stay as it wrote them.
        SyncReport quiet = laptop.sync();
        assertThat(quiet.pushed()).isZero();
        var onServer = world.read(org.hl7.fhir.r4.model.Patient.class, survivorId);
        assertThat(onServer.getMeta().getVersionId()).isEqualTo("1");
        assertThat(onServer.getLink()).extracting(l -> l.getType().toCode()).containsExactly("replaces", "seealso");
    }

    @Test
    void aPatientMergedIntoARecordThisTeamDoesNotReceiveIsReadAndItsTaskIsStillDue() {
        String duplicateId = world.create("patient-merge-duplicate.json", Map.of());
        // The survivor is another team's: the server holds it, this laptop never receives it.
        String survivorId = world.create("patient-merge-survivor.json", Map.of("replaced", duplicateId),
                new Coding(RelaisFhir.TEAM_TAG_SYSTEM, "another-team-" + UUID.randomUUID(), null));
        mergeOnServer(duplicateId, survivorId);
        world.create("task-hospital-blood-test.json",
                Map.of("patient", duplicateId, "authored", hoursAgo(26).toString(), "due", hoursAgo(-3).toString()));

        SyncReport pulled = laptop.sync();

        assertThat(pulled.skipped()).isEmpty();
        UUID duplicate = ObservationMapper.localId(duplicateId);
        assertThat(laptop.core.patients().get(duplicate).replacedBy()).isEqualTo(ObservationMapper.localId(survivorId));
        assertThat(laptop.core.patients().find(ObservationMapper.localId(survivorId))).isEmpty();
        assertThat(laptop.core.tasks().foreignOf(duplicate)).hasSize(1);
        assertThat(laptop.core.worklist().query(new fr.relais.core.task.WorklistQuery(fr.relais.core.task.DueFilter.ALL, null, null,
                false, null, null, duplicate), 0, 50)).hasSize(1);
    }
}
