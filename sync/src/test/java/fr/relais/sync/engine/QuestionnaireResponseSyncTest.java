package fr.relais.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.alert.Alert;
import fr.relais.core.alert.AlertStatus;
import fr.relais.core.identity.Patient;
import fr.relais.sync.server.JpaFhirServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Questionnaire responses between laptops: append-only, judged by each laptop's rules, entered-in-error wins. */
class QuestionnaireResponseSyncTest {
    static final JpaFhirServer SERVER = JpaFhirServer.shared();

    @TempDir
    Path dir;

    @Test
    void aResponseTravelsRaisesItsAlertOnTheOtherLaptopAndIsWithdrawnEverywhereWhenEnteredInError() {
        String team = "qr-" + System.nanoTime();
        try (Laptop a = new Laptop(dir, "qr-a", SERVER.baseUrl(), team); Laptop b = new Laptop(dir, "qr-b", SERVER.baseUrl(), team)) {
            Patient p = a.register("ROBIN", "Odette", "QR-" + System.nanoTime());
            var answered = a.core.questionnaires().answer(p.id(), "PHQ-9", List.of(1, 1, 1, 0, 0, 0, 0, 0, 2), null);
            assertThat(a.core.alerts().list(true, p.id())).isNotEmpty();
            a.sync();
            SyncReport received = b.sync();
            assertThat(received.skipped()).isEmpty();

            assertThat(b.core.questionnaires().responses(p.id(), "PHQ-9")).singleElement().satisfies(r -> {
                assertThat(r.id()).isEqualTo(answered.response().id());
                assertThat(r.answers()).containsExactly(1, 1, 1, 0, 0, 0, 0, 0, 2);
                assertThat(r.score()).isEqualByComparingTo("5");
            });
            assertThat(b.core.measures().find(answered.response().scoreMeasureId())).as("the score, as its own Observation").isPresent();
            List<Alert> onB = b.core.alerts().list(true, p.id());
            assertThat(onB).as("B judges the answers itself").anyMatch(al -> al.ruleId().startsWith("answer:PHQ-9:9"));
            assertThat(b.core.outbox().count()).as("nothing to send back").isZero();

            b.core.questionnaires().markEnteredInError(answered.response().id(), "mauvais patient");
            b.sync();
            a.sync();
            assertThat(a.core.questionnaires().find(answered.response().id())).get().satisfies(s -> {
                assertThat(s.enteredInError()).isTrue();
                assertThat(s.errorReason()).isEqualTo("mauvais patient");
            });
            assertThat(a.core.questionnaires().responses(p.id(), "PHQ-9")).isEmpty();
            assertThat(a.core.alerts().list(false, p.id())).filteredOn(al -> al.ruleId().startsWith("answer:PHQ-9:9"))
                    .allSatisfy(al -> assertThat(al.status()).isEqualTo(AlertStatus.WITHDRAWN));
            a.sync();
            assertThat(a.core.outbox().count()).isZero();
        }
    }

    /** A questionnaire an administrator imported on one workstation reaches the others with the responses to it. */
    @Test
    void anImportedQuestionnaireTravelsBeforeTheResponsesToIt() throws Exception {
        String team = "q-def-" + System.nanoTime();
        String id = "WHO-5-CPTS-" + (System.nanoTime() % 100_000);
        String definition = new String(fr.relais.core.questionnaire.QuestionnaireLibrary.class
                .getResourceAsStream("library/who-5.json").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"WHO-5\"", "\"" + id + "\"");
        try (Laptop a = new Laptop(dir, "qd-a", SERVER.baseUrl(), team); Laptop b = new Laptop(dir, "qd-b", SERVER.baseUrl(), team)) {
            a.core.questionnaires().importDefinition(id + ".json", definition);
            Patient p = a.register("LAMBERT", "Rose", "QD-" + System.nanoTime());
            var answered = a.core.questionnaires().answer(p.id(), id, List.of(3, 3, 2, 2, 3), null);
            a.sync();

            SyncReport received = b.sync();

            assertThat(received.skipped()).isEmpty();
            assertThat(b.core.questionnaires().get(id)).isEqualTo(a.core.questionnaires().get(id));
            assertThat(b.core.questionnaires().responses(p.id(), id)).singleElement().satisfies(r -> {
                assertThat(r.id()).isEqualTo(answered.response().id());
                assertThat(r.score()).isEqualByComparingTo(answered.response().score());
            });
            assertThat(b.core.outbox().count()).as("nothing to send back").isZero();
            assertThat(SERVER.fhirContext().newRestfulGenericClient(SERVER.baseUrl()).search()
                    .forResource(org.hl7.fhir.r4.model.Questionnaire.class)
                    .where(org.hl7.fhir.r4.model.Questionnaire.URL.matches().value(fr.relais.sync.fhir.QuestionnaireResponseMapper.canonical(id)))
                    .returnBundle(org.hl7.fhir.r4.model.Bundle.class).execute().getEntry()).hasSize(1);
        }
    }
}
