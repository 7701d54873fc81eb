package fr.relais.sync.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.PerformanceOptionsEnum;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/**
 * The FHIR contexts scan the model lazily (a first sync scans the few types it exchanges), and a context that has
 * scanned nothing yet reads and writes correctly when several threads meet each type for the first time together, as
 * a sync's pull reads its next page on another thread while this one is written (hapi-fhir#3046).
 */
class RelaisFhirTest {

    private static Bundle page(int n) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        Patient patient = new Patient();
        patient.setId("p" + n);
        patient.addName().setFamily("DURAND").addGiven("Jeanne" + n);
        List<Resource> resources = List.of(patient,
                new CarePlan().setStatus(CarePlan.CarePlanStatus.ACTIVE).setIntent(CarePlan.CarePlanIntent.PLAN).setTitle("BPCO " + n),
                new Task().setStatus(Task.TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER).setDescription("Appel J+2 " + n),
                new Observation().setStatus(Observation.ObservationStatus.FINAL).setValue(new org.hl7.fhir.r4.model.Quantity(90 + n)),
                new QuestionnaireResponse().setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED)
                        .setQuestionnaire("urn:relais:questionnaire:PHQ-9"));
        resources.forEach(r -> bundle.addEntry().setResource(r));
        return bundle;
    }

    @Test
    void everyContextReliesOnLazyModelScanning() {
        assertThat(RelaisFhir.CONTEXT.getPerformanceOptions()).contains(PerformanceOptionsEnum.DEFERRED_MODEL_SCANNING);
        assertThat(RelaisFhir.newContext().getPerformanceOptions()).contains(PerformanceOptionsEnum.DEFERRED_MODEL_SCANNING);
    }

    @Test
    void aFirstSyncReadingPagesOnSeveralThreadsAtOnceReadsEveryRecordWhole() throws Exception {
        // What each thread must read back, written by a context of its own (not the one under test).
        FhirContext reference = FhirContext.forR4();
        int threads = 6;
        List<String> pages = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            pages.add(reference.newJsonParser().encodeResourceToString(page(i)));
        }
        for (int round = 0; round < 5; round++) {
            FhirContext fresh = RelaisFhir.newContext(); // nothing scanned yet: every thread meets every type first
            CyclicBarrier start = new CyclicBarrier(threads);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<String>> read = new ArrayList<>();
                for (String page : pages) {
                    read.add(pool.submit(() -> {
                        start.await();
                        Bundle parsed = fresh.newJsonParser().parseResource(Bundle.class, page);
                        return fresh.newJsonParser().encodeResourceToString(parsed);
                    }));
                }
                for (int i = 0; i < threads; i++) {
                    assertThat(read.get(i).get()).as("page %d, round %d", i, round).isEqualTo(pages.get(i));
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
