package fr.relais.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.app.gui.hospital.HospitalisationRow;
import fr.relais.app.gui.hospital.HospitalisationsViewModel;
import fr.relais.app.gui.patients.CurrentPatient;
import fr.relais.app.gui.task.DirectExecutor;
import fr.relais.app.wording.Messages;
import fr.relais.core.hospital.HospitalEffect;
import fr.relais.core.hospital.HospitalEventType;
import fr.relais.core.hospital.HospitalEvents;
import fr.relais.core.hospital.HospitalStay;
import fr.relais.core.hospital.StoredHospitalEvent;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The Hospitalisations screen's model on a small fake of what it reads: Sunday 6 December 2026, 11:00 in Paris. */
class HospitalisationsViewModelTest {
    static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    final Localization texts = Localization.of(Messages.BUNDLE, Language.FR);
    final FakeHospital hospital = new FakeHospital();
    final CurrentPatient current = new CurrentPatient();
    final HospitalisationsViewModel model = new HospitalisationsViewModel(hospital, new DirectExecutor(), texts, Language.FR,
            Clock.fixed(NOW, ZoneOffset.UTC), current);

    /** Stays, names, nurses and proposals held in memory; {@code dischargedSince} filters as the store does. */
    static final class FakeHospital implements HospitalisationsViewModel.Source {
        final List<HospitalStay> stays = new ArrayList<>();
        final Map<UUID, String> names = new HashMap<>();
        final Map<UUID, String> nurses = new HashMap<>();
        final Map<UUID, List<HospitalEvents.Proposal>> proposals = new HashMap<>();

        HospitalStay stay(String name, String nurse, String admitted, String location, LocalDate expected, String discharged) {
            UUID patient = UUID.randomUUID();
            names.put(patient, name);
            if (nurse != null) {
                nurses.put(patient, nurse);
            }
            HospitalStay stay = new HospitalStay(UUID.randomUUID(), patient, UUID.randomUUID(), Instant.parse(admitted), "CHU-RENNES",
                    location, expected, discharged == null ? null : UUID.randomUUID(), discharged == null ? null : Instant.parse(discharged));
            stays.add(stay);
            return stay;
        }

        void proposes(HospitalStay stay, String target) {
            StoredHospitalEvent discharge = new StoredHospitalEvent(stay.dischargeEventId(), "SIH", "CHU-RENNES^1.2.250.1.999.29^ISO", "MSG",
                    HospitalEventType.A03, "MVT", "INSERT", stay.dischargedAt(), "I", stay.location(), null, List.of(), "VALI", null, "IPP^OID",
                    stay.patientId(), StoredHospitalEvent.State.APPLIED, null, "MSH|...", stay.dischargedAt());
            proposals.computeIfAbsent(stay.patientId(), k -> new ArrayList<>()).add(new HospitalEvents.Proposal(
                    new HospitalEffect(UUID.randomUUID(), discharge.id(), HospitalEffect.Kind.PROPOSAL, target, HospitalEffect.State.PROPOSED),
                    discharge));
        }

        @Override
        public List<HospitalStay> inHospital() {
            return stays.stream().filter(HospitalStay::open).toList();
        }

        @Override
        public List<HospitalStay> dischargedSince(Instant since) {
            return stays.stream().filter(s -> !s.open() && !s.dischargedAt().isBefore(since)).toList();
        }

        @Override
        public String patientName(UUID patientId) {
            return names.get(patientId);
        }

        @Override
        public Optional<String> referent(UUID patientId) {
            return Optional.ofNullable(nurses.get(patientId));
        }

        @Override
        public List<HospitalEvents.Proposal> proposals(UUID patientId) {
            return proposals.getOrDefault(patientId, List.of());
        }

        @Override
        public String pathwayTitle(String templateId) {
            return templateId.equals("insuffisance-cardiaque-sortie") ? "Insuffisance cardiaque — sortie d'hospitalisation" : templateId;
        }
    }

    @Test
    void aPatientInHospitalIsShownWithSinceWhenWhereTheExpectedDischargeAndTheCoordinatingNurse() {
        hospital.stay("MARTIN Louise", "Renée ROUX", "2026-12-03T13:20:00Z", "CARDIO / 12 / 1", LocalDate.of(2026, 12, 8), null);
        hospital.stay("DURAND Paul", null, "2026-12-05T22:05:00Z", null, null, null);
        hospital.stay("BLANC Berthe", "Renée ROUX", "2026-11-20T08:00:00Z", "PNEUMO / 3 / ", null, "2026-12-04T15:00:00Z");

        model.refresh();

        assertThat(model.rowsProperty()).extracting(HospitalisationRow::patient, HospitalisationRow::since, HospitalisationRow::where,
                HospitalisationRow::expectedDischarge, HospitalisationRow::referent).containsExactly(
                org.assertj.core.groups.Tuple.tuple("MARTIN Louise", "03/12/2026 14:20", "CHU-RENNES, service CARDIO, chambre 12, lit 1",
                        "08/12/2026", "Renée ROUX"),
                // Admitted at 23:05 Paris time: the day is Paris's, not UTC's.
                org.assertj.core.groups.Tuple.tuple("DURAND Paul", "05/12/2026 23:05", "CHU-RENNES", "non communiquée", "aucune"));
        assertThat(model.summaryProperty().get()).isEqualTo("2 patients à l'hôpital d'après les messages des établissements.");
    }

    @Test
    void recentDischargesSayWhichDecisionsStillWaitAndLeaveOutThoseOlderThanAWeek() {
        HospitalStay waiting = hospital.stay("MARTIN Louise", "Renée ROUX", "2026-11-28T09:00:00Z", "CARDIO / 12 / 1", null,
                "2026-12-04T15:00:00Z");
        hospital.proposes(waiting, "resume:" + UUID.randomUUID());
        hospital.proposes(waiting, "enrol:insuffisance-cardiaque-sortie");
        hospital.stay("DURAND Paul", "Renée ROUX", "2026-11-25T09:00:00Z", null, null, "2026-11-30T10:00:00Z"); // 6 days 23 h ago
        hospital.stay("BLANC Berthe", null, "2026-11-20T09:00:00Z", null, null, "2026-11-29T09:59:00Z"); // a week and a minute ago
        hospital.stay("LEROY Marthe", null, "2026-12-05T09:00:00Z", null, null, null); // still in

        model.filterProperty().set(HospitalisationsViewModel.Filter.RECENT_DISCHARGES);

        assertThat(model.rowsProperty()).extracting(HospitalisationRow::patient, HospitalisationRow::discharged, HospitalisationRow::pending)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("MARTIN Louise", "04/12/2026 16:00",
                                "reprendre le parcours suspendu pendant le séjour ; inscrire dans le parcours « Insuffisance cardiaque — sortie d'hospitalisation »"),
                        org.assertj.core.groups.Tuple.tuple("DURAND Paul", "30/11/2026 11:00", "aucune"));
        assertThat(model.summaryProperty().get()).isEqualTo("2 sorties d'hospitalisation ces 7 derniers jours, 1 en attente de décision.");

        model.filterProperty().set(HospitalisationsViewModel.Filter.IN_HOSPITAL);
        assertThat(model.rowsProperty()).extracting(HospitalisationRow::patient).containsExactly("LEROY Marthe");
    }

    @Test
    void openingARowMakesItsPatientTheWindowsCurrentPatient() {
        HospitalStay stay = hospital.stay("MARTIN Louise", null, "2026-12-03T13:20:00Z", null, null, null);
        model.refresh();

        model.openPatient(model.rowsProperty().get(0));

        assertThat(current.id()).isEqualTo(stay.patientId());
    }

    @Test
    void nobodyInHospitalSaysSo() {
        model.refresh();
        assertThat(model.rowsProperty()).isEmpty();
        assertThat(model.summaryProperty().get()).isEqualTo("Aucun patient à l'hôpital d'après les messages des établissements.");
    }
}
