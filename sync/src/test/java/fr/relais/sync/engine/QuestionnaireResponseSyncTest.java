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
}
