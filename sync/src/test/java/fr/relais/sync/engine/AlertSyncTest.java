package fr.relais.sync.engine;

import fr.relais.core.SteadyClock;
import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.alert.Alert;
import fr.relais.core.rule.AlertLevel;
import fr.relais.core.alert.AlertService;
import fr.relais.core.alert.AlertStatus;
import fr.relais.core.identity.Patient;
import fr.relais.core.measure.MeasureCatalog;
import fr.relais.core.measure.MeasureSource;
import fr.relais.core.measure.NewMeasure;
import fr.relais.core.pathway.Enrollment;
import fr.relais.core.replication.Conflict;
import fr.relais.core.task.Task;
import fr.relais.core.task.TaskStatus;
import fr.relais.core.time.CareZone;
import fr.relais.sync.server.JpaFhirServer;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alerts between laptops: each raises the same alert (same id) from the shared measure, only a person's decision is
 * pushed (a DetectedIssue and a Communication), an acknowledgement made on one laptop closes the review task on the
 * other, and two different closings made offline wait in the conflict inbox.
 */
class AlertSyncTest {
    static final JpaFhirServer SERVER = JpaFhirServer.shared();

    @TempDir
    Path dir;

    @Test
    void aDecisionOnOneLaptopReachesTheOthersAndTwoClosingsConflict() {
        String team = "alerts-" + System.nanoTime();
        SyncEngineTestSupport server = new SyncEngineTestSupport(SERVER, team);
        try (Laptop a = new Laptop(dir, "alert-a", SERVER.baseUrl(), team); Laptop b = new Laptop(dir, "alert-b", SERVER.baseUrl(), team)) {
            Patient p = a.register("MARCHAND", "Odette", "AL-" + System.nanoTime());
            Enrollment enrollment = a.core.enrollments().enroll(p.id(), "bpco-exacerbation", 1, SteadyClock.today());
            a.core.measures().record(new NewMeasure(p.id(), MeasureCatalog.SPO2, "88", "%",
                    SteadyClock.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600), MeasureSource.DEVICE));
            Alert raised = a.core.alerts().list(true, p.id()).stream().filter(x -> x.ruleId().equals("spo2")).findFirst().orElseThrow();
            assertThat(raised.level()).isEqualTo(AlertLevel.RED);
            a.sync();
            b.sync();

            // B judged the same measure and raised the same alert, under the same id; nothing to push for that.
            assertThat(b.core.alerts().find(raised.id())).get().extracting(Alert::status).isEqualTo(AlertStatus.OPEN);
            assertThat(b.core.outbox().count()).isZero();
            assertThat(server.count(DetectedIssue.class)).as("raising alone sends nothing").isZero();
            org.hl7.fhir.r4.model.Observation measureOnServer = SERVER.fhirContext().newRestfulGenericClient(SERVER.baseUrl()).search()
                    .forResource(org.hl7.fhir.r4.model.Observation.class).where(org.hl7.fhir.r4.model.Observation.SUBJECT.hasId("Patient/" + p.id()))
                    .returnBundle(org.hl7.fhir.r4.model.Bundle.class).execute().getEntry().stream()
                    .map(e -> (org.hl7.fhir.r4.model.Observation) e.getResource()).findFirst().orElseThrow();
            assertThat(measureOnServer.getInterpretationFirstRep().getCoding()).as("the level it was judged at")
                    .extracting(org.hl7.fhir.r4.model.Coding::getCode).containsExactly("AA", "RED");
            assertThat(openReviews(b, enrollment)).hasSize(1);

            // A acknowledges: B sees who and why, and its review task is closed too.
            a.core.alerts().acknowledge(raised.id(), "patiente rappelée, oxygène augmenté");
            a.sync();
            b.sync();
            Alert onB = b.core.alerts().find(raised.id()).orElseThrow();
            assertThat(onB.status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
            assertThat(onB.statusBy()).isEqualTo("alert-a");
            assertThat(onB.statusReason()).isEqualTo("patiente rappelée, oxygène augmenté");
            assertThat(openReviews(b, enrollment)).as("the review task closes on every laptop").isEmpty();
            assertThat(b.core.alerts().history(raised.id())).anySatisfy(h -> assertThat(h).startsWith("ACKNOWLEDGED"));
            assertThat(b.core.outbox().count()).isZero();
            assertThat(server.count(DetectedIssue.class)).isEqualTo(1);
            assertThat(server.count(Communication.class)).as("the decision as a message to the team").isEqualTo(1);

            // Offline on both: A resolves, B dismisses. B's sync finds two closings: the conflict inbox holds both.
            a.core.alerts().resolve(raised.id(), "saturation remontée à 94 %");
            b.core.alerts().dismiss(raised.id(), "capteur mal placé");
            a.sync();
            SyncReport merge = b.sync();
            assertThat(merge.conflicts()).isEqualTo(1);
            List<Conflict> inbox = b.core.conflicts().list(true);
            assertThat(inbox).singleElement().satisfies(c -> {
                assertThat(c.resourceType()).isEqualTo(AlertService.RECORD);
                assertThat(c.field()).isEqualTo("status");
                assertThat(c.baseValue()).isEqualTo("ACKNOWLEDGED");
                assertThat(c.localValue()).isEqualTo("DISMISSED");
                assertThat(c.remoteValue()).isEqualTo("RESOLVED");
            });
            assertThat(b.core.alerts().find(raised.id())).get().extracting(Alert::status).as("nothing overwritten silently")
                    .isEqualTo(AlertStatus.DISMISSED);

            b.sync.conflictResolver().resolve(inbox.get(0).id(), ConflictResolver.Choice.REMOTE);
            b.sync();
            a.sync();
            assertThat(b.core.alerts().find(raised.id())).get().extracting(Alert::status).isEqualTo(AlertStatus.RESOLVED);
            assertThat(a.core.alerts().find(raised.id())).get().extracting(Alert::status).isEqualTo(AlertStatus.RESOLVED);
            DetectedIssue onServer = SERVER.fhirContext().newRestfulGenericClient(SERVER.baseUrl()).read().resource(DetectedIssue.class)
                    .withId(raised.id().toString()).execute();
            assertThat(onServer.getStatus()).isEqualTo(DetectedIssue.DetectedIssueStatus.FINAL);
            assertThat(onServer.getEvidence()).as("the measure behind it").hasSize(1);
            assertThat(server.count(DetectedIssue.class)).isEqualTo(1);
            assertThat(a.core.outbox().count()).isZero();
            assertThat(b.core.outbox().count()).isZero();
        }
    }

    @Test
    void anAlertClosedElsewhereIsReceivedClosedAndNotRaisedAgain() {
        String team = "alerts-late-" + System.nanoTime();
        try (Laptop a = new Laptop(dir, "late-a", SERVER.baseUrl(), team); Laptop b = new Laptop(dir, "late-b", SERVER.baseUrl(), team)) {
            Patient p = a.register("ROUSSEL", "Jeanne", "AL-" + System.nanoTime());
            a.core.enrollments().enroll(p.id(), "bpco-exacerbation", 1, SteadyClock.today());
            a.core.measures().record(new NewMeasure(p.id(), MeasureCatalog.SPO2, "91", "%",
                    SteadyClock.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(300), MeasureSource.DEVICE));
            Alert raised = a.core.alerts().list(true, p.id()).stream().filter(x -> x.ruleId().equals("spo2")).findFirst().orElseThrow();
            a.core.alerts().dismiss(raised.id(), "mesure prise après effort");
            a.sync();

            // B's first sync brings the measure (B raises the alert) and then A's dismissal: one alert, dismissed.
            b.sync();
            assertThat(b.core.alerts().list(false, p.id())).singleElement().satisfies(x -> {
                assertThat(x.id()).isEqualTo(raised.id());
                assertThat(x.status()).isEqualTo(AlertStatus.DISMISSED);
            });
            // A full re-evaluation on B does not raise the handled measure again.
            b.core.alerts().evaluateAll();
            assertThat(b.core.alerts().list(true, p.id())).noneMatch(x -> x.ruleId().equals("spo2"));
        }
    }

    @Test
    void anEscalatedAlertThisLaptopDidNotRaiseItselfStillPutsAReviewInItsWorklist() {
        String team = "alerts-prescribed-" + System.nanoTime();
        String rpps = String.valueOf(10_000_000_000L + System.nanoTime() % 1_000_000_000L);
        try (Laptop a = new Laptop(dir, "rx-a", SERVER.baseUrl(), team); Laptop b = new Laptop(dir, "rx-b", SERVER.baseUrl(), team)) {
            Patient p = a.register("GARNIER", "Lucie", "AL-" + System.nanoTime());
            Enrollment enrollment = a.core.enrollments().enroll(p.id(), "bpco-exacerbation", 1, SteadyClock.today());
            a.core.careTeam().addProfessional("Blanc", "Hugo", fr.relais.core.careteam.Profession.MEDECIN, rpps, null, null);
            // The pulmonologist's threshold for this patient is recorded on A only: B judges with the pathway's own.
            a.core.thresholds().change(p.id(), "bpco-exacerbation", "spo2", java.util.Map.of("yellow.below", "96"), rpps,
                    "BPCO sévère : surveiller dès 95 %");
            a.core.measures().record(new NewMeasure(p.id(), MeasureCatalog.SPO2, "95", "%", SteadyClock.now(), MeasureSource.DEVICE));
            Alert raised = a.core.alerts().list(true, p.id()).stream().filter(x -> x.ruleId().equals("spo2")).findFirst().orElseThrow();
            a.core.alerts().escalate(raised.id(), "pas de réponse de la patiente");
            a.sync();

            b.sync();

            Alert onB = b.core.alerts().find(raised.id()).orElseThrow();
            assertThat(onB.status()).isEqualTo(AlertStatus.OPEN);
            assertThat(onB.escalationStep()).isEqualTo(1);
            assertThat(onB.openedAt()).isCloseTo(raised.openedAt(), org.assertj.core.api.Assertions.within(1, ChronoUnit.SECONDS));
            assertThat(openReviews(b, enrollment)).as("the open alert is in B's worklist too").singleElement().satisfies(t -> {
                assertThat(t.kind()).isEqualTo("ALERT_REVIEW");
                // Yellow: due the next day from when reading of it starts, within the team's reading hours (issue 21).
                assertThat(t.dueAt()).as("due from when it was opened on A").isEqualTo(fr.relais.core.alert.ReadingHours.DEFAULT
                        .firstReadingAt(onB.openedAt()).atZone(fr.relais.core.time.CareZone.PARIS).plusDays(1).toInstant());
            });
            assertThat(b.core.outbox().count()).as("receiving it sends nothing back").isZero();

            // A's acknowledgement closes it on B as for any alert.
            a.core.alerts().acknowledge(raised.id(), "patiente rappelée");
            a.sync();
            b.sync();
            assertThat(openReviews(b, enrollment)).isEmpty();
        }
    }

    private static List<Task> openReviews(Laptop laptop, Enrollment e) {
        return laptop.core.enrollments().tasksOf(e.id()).stream()
                .filter(t -> t.kind().startsWith("ALERT") && t.status() != TaskStatus.COMPLETED && t.status() != TaskStatus.CANCELLED).toList();
    }
}
