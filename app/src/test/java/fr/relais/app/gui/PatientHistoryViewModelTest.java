package fr.relais.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.app.gui.history.PatientHistoryViewModel;
import fr.relais.app.gui.history.PatientHistoryViewModel.TimelineRow;
import fr.relais.app.gui.task.DirectExecutor;
import fr.relais.app.wording.Messages;
import fr.relais.core.hospital.HospitalEventType;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.identity.NewPatient;
import fr.relais.core.identity.Sex;
import fr.relais.core.identity.StrictTraits;
import fr.relais.core.measure.MeasureSource;
import fr.relais.core.measure.NewMeasure;
import fr.relais.core.session.Actor;
import fr.relais.core.task.Milestone;
import fr.relais.core.time.CareZone;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The patient file's history tab without the toolkit: timeline states, scores, alert decisions and the team's notes. */
class PatientHistoryViewModelTest extends CoreStoreTest {
    @Test
    void aPathwayReadsAsATimelineWithScoresAlertDecisionsAndTheTeamsNotes() {
        open(new Actor("idec", "IDEC", "poste"));
        UUID patient = core.patients().register(new NewPatient(new StrictTraits("MARTIN", List.of("Claire"), Sex.F,
                LocalDate.of(1950, 3, 14), null), null, null, "P1", null, null, null)).patient().id();
        var enrollment = core.enrollments().enroll(patient, "bpco-exacerbation", 1, LocalDate.now(CLOCK.withZone(CareZone.PARIS)).minusDays(10));
        List<Milestone> before = core.tasks().timeline(enrollment.id());
        assertThat(before).isNotEmpty().anyMatch(m -> m.state() == Milestone.State.UPCOMING);
        var first = before.get(0).task();
        core.tasks().complete(first.id(), null, "appel fait, patiente essoufflée à l'effort");
        core.measures().record(new NewMeasure(patient, "59408-5", "88", "%", null, MeasureSource.DEVICE));
        core.questionnaires().answer(patient, "PHQ-9", List.of(1, 1, 0, 0, 0, 0, 0, 0, 0), null);
        var alert = core.alerts().list(true, patient).get(0);
        core.alerts().acknowledge(alert.id(), "médecin prévenu");

        PatientHistoryViewModel model = historyOf(patient);

        assertThat(model.timelineProperty()).anySatisfy(r -> {
            assertThat(r.step()).isEqualTo(first.title(Language.FR));
            assertThat(r.stateLabel()).isEqualTo("fait");
            assertThat(r.note()).contains("essoufflée");
        });
        assertThat(model.timelineProperty()).extracting(TimelineRow::pathway).allMatch(p -> p.startsWith("BPCO"));
        List<Milestone> after = core.tasks().timeline(enrollment.id());
        long done = after.stream().filter(m -> m.state() == Milestone.State.DONE).count();
        long overdue = after.stream().filter(m -> m.state() == Milestone.State.OVERDUE).count();
        long upcoming = after.stream().filter(m -> m.state() == Milestone.State.UPCOMING).count();
        assertThat(done).isGreaterThanOrEqualTo(1);
        assertThat(overdue).as("a pathway started 10 days ago has late steps").isPositive();
        assertThat(model.summaryProperty().get())
                .isEqualTo("1 parcours : " + (done == 1 ? "1 étape faite" : done + " étapes faites") + ", " + overdue + " en retard, " + upcoming + " à venir");
        assertThat(model.timelineProperty()).hasSize(after.size()).filteredOn(r -> r.state().equals("OVERDUE")).hasSize((int) overdue);
        assertThat(model.scoresProperty()).singleElement().satisfies(s -> {
            assertThat(s.questionnaire()).contains("PHQ-9");
            assertThat(s.score()).isEqualTo("2");
        });
        assertThat(model.alertsProperty()).anySatisfy(a -> {
            assertThat(a.level()).isEqualTo("Rouge");
            assertThat(a.rule()).isNotBlank().doesNotContain("{", "answer:", "RED");
            assertThat(a.status()).isEqualTo("prise en compte");
            assertThat(a.decision()).isEqualTo("idec : médecin prévenu");
        });
        assertThat(model.journalProperty()).extracting(PatientHistoryViewModel.JournalRow::text)
                .containsExactly("médecin prévenu", "appel fait, patiente essoufflée à l'effort");
        assertThat(model.journalProperty()).allSatisfy(j -> assertThat(j.who()).isEqualTo("idec"));
    }

    private UUID registerClaire() {
        open(new Actor("idec", "IDEC", "poste"));
        return core.patients().register(new NewPatient(new StrictTraits("MARTIN", List.of("Claire"), Sex.F,
                LocalDate.of(1950, 3, 14), null), null, null, "P1", null, null, null)).patient().id();
    }

    private void hospitalSays(HospitalEventType type, String controlId, String at, String location) {
        HospitalSays.event(core, "P1", type, controlId, at, location);
    }

    private PatientHistoryViewModel historyOf(UUID patient) {
        PatientHistoryViewModel model = new PatientHistoryViewModel(core.enrollments(), core.tasks(), core.alertQueries(), core.questionnaires(),
                core.hospitalEvents(), new DirectExecutor(), Localization.of(Messages.BUNDLE, Language.FR), Language.FR);
        model.show(patient);
        return model;
    }

    @Test
    void anAdmissionAndItsDischargeReadAsSentencesWithTheHospitalAndTheWardNewestFirst() {
        UUID patient = registerClaire();
        hospitalSays(HospitalEventType.A01, "MSG1", "2026-12-03T13:20:00Z", "CARDIO / 12 / 1");
        hospitalSays(HospitalEventType.A03, "MSG2", "2026-12-06T09:00:00Z", "CARDIO / 12 / 1");

        assertThat(historyOf(patient).hospitalProperty()).extracting(PatientHistoryViewModel.HospitalRow::event).containsExactly(
                "Sortie de l'hôpital le 06/12/2026 à 10:00 : CH-SAINT-MALO, service CARDIO, chambre 12, lit 1",
                "Admission à l'hôpital le 03/12/2026 à 14:20 : CH-SAINT-MALO, service CARDIO, chambre 12, lit 1");
    }

    @Test
    void anAdmissionTheHospitalCancelledSaysSoAndNeverShowsTheSendersOid() {
        UUID patient = registerClaire();
        hospitalSays(HospitalEventType.A01, "MSG1", "2026-12-03T13:20:00Z", "CARDIO");
        hospitalSays(HospitalEventType.A11, "MSG2", "2026-12-03T15:05:00Z", null);

        List<String> events = historyOf(patient).hospitalProperty().stream().map(PatientHistoryViewModel.HospitalRow::event).toList();
        assertThat(events).containsExactly("Admission annulée par l'hôpital le 03/12/2026 à 16:05 : CH-SAINT-MALO",
                "Admission à l'hôpital le 03/12/2026 à 14:20 : CH-SAINT-MALO, service CARDIO (mouvement annulé ensuite par l'hôpital)");
        assertThat(String.join(" ", events)).doesNotContain("1.2.250", "A01", "A11", "MVT-P1", "Hospitalisé");
    }
}
