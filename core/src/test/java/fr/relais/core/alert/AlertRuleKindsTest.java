package fr.relais.core.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.core.careteam.CareRole;
import fr.relais.core.careteam.Profession;
import fr.relais.core.error.InvalidDefinitionException;
import fr.relais.core.identity.Sex;
import fr.relais.core.measure.MeasureCatalog;
import fr.relais.core.measure.MeasureSource;
import fr.relais.core.measure.NewMeasure;
import fr.relais.core.rule.AlertLevel;
import fr.relais.core.task.DueFilter;
import fr.relais.core.task.Task;
import fr.relais.core.task.WorklistItem;
import fr.relais.core.task.WorklistQuery;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Trend rules, hysteresis, significant answers and the escalation chain. */
class AlertRuleKindsTest extends AlertFixture {
    static final LocalDate START = AlertServiceTest.START;


    @BeforeEach
    void setUp() {
        open(AlertServiceTest.at(START, 8), "MARTIN", "Paul", Sex.M, LocalDate.of(1948, 3, 9));
    }

    /** A one-step pathway carrying the given rules (and escalation chain, when not null). */
    private void pathway(String id, String rules, String escalation) {
        s.pathways.importTemplate(id + ".json", """
                { "id": "%s", "version": 1, "title": { "fr": "Test" }, "description": { "fr": "Test" }, "source": "test",
                  "duration": "P90D",
                  "steps": [ { "id": "visite", "kind": "HOME_VISIT", "role": "IDEC", "title": { "fr": "Visite" }, "offset": "P1D" } ],
                  "alertRules": %s %s }""".formatted(id, rules, escalation == null ? "" : ", \"escalation\": " + escalation));
        s.enrollments.enroll(patient.id(), id, 1, START);
    }

    private void weight(String value, int day) {
        Instant when = AlertServiceTest.at(START.plusDays(day), 8);
        clock.set(when.plusSeconds(60));
        s.measures.record(new NewMeasure(patient.id(), MeasureCatalog.BODY_WEIGHT, value, "kg", when, MeasureSource.DEVICE));
    }

    private List<Alert> open() {
        return s.alerts.list(true, patient.id());
    }

    @Test
    void aTrendFiresOnTheCountThConsecutiveRiseAndNotBefore() {
        pathway("tendance", """
                [ { "id": "poids-monte", "kind": "trend", "code": "29463-7", "count": 3, "level": "YELLOW" } ]""", null);
        weight("70", 0);
        weight("70.2", 1);
        weight("70.4", 2);
        assertThat(open()).as("two rises are not three").isEmpty();
        weight("70.4", 3);
        assertThat(open()).as("an equal value breaks the run").isEmpty();
        weight("70.5", 4);
        weight("70.6", 5);
        assertThat(open()).isEmpty();
        weight("70.7", 6);
        assertThat(open()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo("TREND");
            assertThat(a.explanation()).contains("\"values\":[\"70.4\",\"70.5\",\"70.6\",\"70.7\"]", "\"count\":3");
        });
    }

    @Test
    void aFallingTrendAndItsDefinitionErrors() {
        pathway("baisse", """
                [ { "id": "poids-baisse", "kind": "trend", "code": "29463-7", "count": 2, "direction": "fall", "level": "RED" } ]""", null);
        weight("70", 0);
        weight("69", 1);
        weight("68", 2);
        assertThat(open()).singleElement().satisfies(a -> assertThat(a.level()).isEqualTo(AlertLevel.RED));

        assertThatThrownBy(() -> s.pathways.importTemplate("bad.json", """
                { "id": "bad", "version": 1, "title": { "fr": "T" }, "description": { "fr": "T" }, "source": "t", "duration": "P9D",
                  "steps": [ { "id": "v", "kind": "HOME_VISIT", "role": "IDEC", "title": { "fr": "V" }, "offset": "P1D" } ],
                  "alertRules": [ { "id": "t", "kind": "trend", "code": "29463-7", "count": 1, "direction": "up", "level": "RED" } ],
                  "escalation": [ "PATIENT" ] }"""))
                .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> assertThat(e.lines(fr.relais.core.i18n.Language.EN))
                        .containsExactlyInAnyOrder("alertRules[0].count: \"1\" is not a trend count (an integer from 2 to 30)",
                                "alertRules[0].direction: \"up\" is not an allowed value (rise, fall)",
                                "escalation[0]: \"PATIENT\" cannot be in the escalation chain (the patient, or a role named twice)"));
    }

    /**
     * Hysteresis: a value hovering around a bound must not make alerts flap. The open alert stays until a human
     * decides; values back to normal do not close it and values across the bound again do not open a second one.
     */
    @Test
    void aValueHoveringAroundTheBoundKeepsOneAlertUntilSomeoneDecides() {
        pathway("hyst", """
                [ { "id": "poids-haut", "kind": "absolute", "code": "29463-7", "yellow": { "above": 80 } } ]""", null);
        for (int day = 0; day < 6; day++) {
            weight(day % 2 == 0 ? "80.1" : "79.9", day);
        }
        assertThat(s.alerts.list(false, patient.id())).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(AlertStatus.OPEN));
        Alert alert = open().get(0);
        s.alerts.resolve(alert.id(), "poids stable, sans signe de congestion");
        weight("79.9", 6);
        assertThat(open()).isEmpty();
        weight("80.1", 7);
        assertThat(open()).singleElement().satisfies(a -> assertThat(a.id()).isNotEqualTo(alert.id()));
    }

    @Test
    void aMeasureArrivingLateIsJudgedAgainstWhatCameBeforeItAndRerunAgrees() {
        pathway("tard", """
                [ { "id": "hausse", "kind": "relative", "code": "29463-7", "window": "P2D", "rise": 1.5, "level": "RED" } ]""", null);
        weight("72", 1);
        weight("72.2", 2);
        assertThat(open()).isEmpty();
        // A reading of day 0 synced late: the later readings now rise 2 kg over it.
        weight("70.5", 0);
        assertThat(open()).singleElement().satisfies(a -> assertThat(a.explanation()).contains("\"baseline\":\"70.5\""));
        List<String> incremental = describe();
        s.alerts.evaluateAll();
        assertThat(describe()).isEqualTo(incremental);
    }

    private List<String> describe() {
        return s.alerts.list(false, patient.id()).stream().map(a -> a.ruleId() + " " + a.level() + " " + a.status()).toList();
    }

    @Test
    void phq9ItemNineAlertsRedEvenForAPatientInNoPathway() {
        s.questionnaires.answer(patient.id(), "PHQ-9", List.of(0, 0, 0, 0, 0, 0, 0, 0, 1), null);
        Alert alert = open().get(0);
        assertThat(open()).hasSize(1);
        assertThat(alert.enrollmentId()).isNull();
        assertThat(alert.kind()).isEqualTo("ANSWER");
        assertThat(alert.level()).isEqualTo(AlertLevel.RED);
        assertThat(alert.explanation()).contains("\"questionnaire\":\"PHQ-9\"", "\"item\":\"9\"", "\"answer\":1");
        assertThat(reviewTasks()).singleElement().satisfies(t -> {
            assertThat(t.enrollmentId()).isNull();
            assertThat(t.role()).isEqualTo(CareRole.IDEC);
            assertThat(Duration.between(alert.openedAt(), t.dueAt())).isEqualTo(Duration.ofHours(4));
        });
        // A second worrying answer attaches to the open alert: no storm.
        clock.advance(Duration.ofHours(1));
        s.questionnaires.answer(patient.id(), "PHQ-9", List.of(0, 0, 0, 0, 0, 0, 0, 0, 3), null);
        assertThat(open()).hasSize(1);
        s.alerts.acknowledge(alert.id(), "appel de la patiente, médecin prévenu");
        assertThat(reviewTasks()).isEmpty();
        // A reassuring answer raises nothing.
        s.questionnaires.answer(patient.id(), "PHQ-9", List.of(1, 1, 0, 0, 0, 0, 0, 0, 0), null);
        assertThat(s.alerts.list(false, patient.id())).hasSize(1);
    }

    @Test
    void aResponseEnteredInErrorWithdrawsItsAnswerAlertAndItsScore() {
        var answered = s.questionnaires.answer(patient.id(), "PHQ-9", List.of(0, 0, 0, 0, 0, 0, 0, 0, 1), null);
        Alert alert = open().get(0);
        s.questionnaires.markEnteredInError(answered.response().id(), "réponses d'un autre patient");
        assertThat(s.alerts.get(alert.id()).status()).isEqualTo(AlertStatus.WITHDRAWN);
        assertThat(reviewTasks()).isEmpty();
        assertThat(s.measures.find(answered.response().scoreMeasureId()).orElseThrow().status())
                .isEqualTo(fr.relais.core.measure.MeasureStatus.ENTERED_IN_ERROR);
        assertThat(s.questionnaires.responses(patient.id(), "PHQ-9")).isEmpty();
        assertThatThrownBy(() -> s.questionnaires.markEnteredInError(answered.response().id(), "encore"))
                .isInstanceOfSatisfying(fr.relais.core.error.BadInputException.class,
                        e -> assertThat(e.reasonKey()).isEqualTo("questionnaire.alreadyInError"));
    }

    private List<Task> reviewTasks() {
        return s.worklist.query(new WorklistQuery(DueFilter.ALL, null, null, false, null, null, patient.id()), 0, 100).stream()
                .map(WorklistItem::task).filter(t -> t.kind().startsWith("ALERT_")).toList();
    }

    @Test
    void anUnacknowledgedAlertWalksTheEscalationChainOneStepPerDelay() {
        var gp = s.careTeam.addProfessional("LEGRAND", "Monique", Profession.MEDECIN, null, null, null);
        var cardio = s.careTeam.addProfessional("NGUYEN", "Linh", Profession.MEDECIN, null, null, null);
        s.careTeam.assign(patient.id(), gp.id(), CareRole.MEDECIN_TRAITANT, START);
        s.careTeam.assign(patient.id(), cardio.id(), CareRole.MEDECIN_SPECIALISTE, START);
        pathway("chaine", """
                [ { "id": "poids-haut", "kind": "absolute", "code": "29463-7", "yellow": { "above": 80 } } ]""",
                "[ \"MEDECIN_TRAITANT\", \"MEDECIN_SPECIALISTE\" ]");
        weight("81", 0);
        Alert alert = open().get(0);
        clock.set(alert.openedAt().plus(Duration.ofHours(24)));
        assertThat(s.alerts.escalateOverdue()).as("exactly at the deadline is still in time").isZero();
        clock.set(alert.openedAt().plus(Duration.ofHours(24)).plusSeconds(1));
        assertThat(s.alerts.escalateOverdue()).isEqualTo(1);
        clock.advance(Duration.ofHours(23));
        assertThat(s.alerts.escalateOverdue()).as("the second step waits a full delay").isZero();
        clock.advance(Duration.ofHours(2));
        assertThat(s.alerts.escalateOverdue()).isEqualTo(1);
        clock.advance(Duration.ofDays(3));
        assertThat(s.alerts.escalateOverdue()).as("the chain has two steps").isZero();
        assertThat(reviewTasks()).filteredOn(t -> t.kind().equals("ALERT_ESCALATION")).extracting(Task::assigneeId)
                .containsExactlyInAnyOrder(gp.id(), cardio.id());
        assertThat(s.alerts.history(alert.id())).containsExactly("OPEN YELLOW",
                "OPEN YELLOW escalated to MEDECIN_TRAITANT (1/2)", "OPEN YELLOW escalated to MEDECIN_SPECIALISTE (2/2)");
        s.alerts.acknowledge(alert.id(), "vu en consultation");
        assertThat(reviewTasks()).isEmpty();
    }
}
