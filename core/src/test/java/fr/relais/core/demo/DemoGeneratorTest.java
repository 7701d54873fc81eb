package fr.relais.core.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.core.TestServices;
import fr.relais.core.careteam.CareRole;
import fr.relais.core.error.BadInputException;
import fr.relais.core.identity.IdentityStatus;
import fr.relais.core.identity.InsOid;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.StrictTraits;
import fr.relais.core.store.StoreKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoGeneratorTest {
    @TempDir
    Path dir;

    private static DemoGenerator generator(TestServices s) {
        return s.core.demo();
    }

    @Test
    void aSeedAlwaysGivesTheSamePopulationWithEveryStatusAndACareTeam() {
        List<StrictTraits> first;
        List<Integer> progress = new ArrayList<>();
        try (TestServices s = new TestServices(dir.resolve("a.db"))) {
            DemoSummary summary = generator(s).generate(300, 7, progress::add);
            assertThat(summary.patients()).isEqualTo(300);
            assertThat(summary.alreadyPresent()).isFalse();
            assertThat(s.database.meta().kind()).isEqualTo(StoreKind.DEMO);

            List<Patient> all = s.patients.list(0, 1000);
            assertThat(all).hasSize(300);
            Set<IdentityStatus> statuses = EnumSet.noneOf(IdentityStatus.class);
            all.forEach(p -> statuses.add(p.status()));
            assertThat(statuses).containsExactlyInAnyOrder(IdentityStatus.values());
            assertThat(all).filteredOn(p -> p.ins() != null).allSatisfy(p -> {
                assertThat(p.ins().oid()).isEqualTo(InsOid.NIR_TEST);
                assertThat(p.ins().matricule().inconsistenciesWith(p.traits())).isEmpty();
            });
            assertThat(all).anySatisfy(p -> assertThat(p.traits().birthplaceCode()).startsWith("2A"));
            assertThat(all).allSatisfy(p -> assertThat(s.careTeam.teamOf(p.id()))
                    .anySatisfy(m -> assertThat(m.role()).isEqualTo(CareRole.IDEC)));
            assertThat(all).anySatisfy(p -> assertThat(s.patients.duplicatesOf(p.id())).isNotEmpty());
            assertThat(progress).containsExactly(250, 300);
            assertThat(all).allSatisfy(p -> assertThat(s.enrollments.ofPatient(p.id())).isNotEmpty());
            // Devices sent measures, and some patients drift: the alert engine raised value alerts, not only missing data.
            assertThat(all).anySatisfy(p -> assertThat(s.measures.ofPatient(p.id(), null)).isNotEmpty());
            assertThat(s.alerts.list(true, null)).anySatisfy(a -> assertThat(a.kind()).isIn("ABSOLUTE", "RELATIVE"));
            var worklist = s.worklist.counts(fr.relais.core.task.WorklistQuery.all());
            assertThat(worklist.all()).isPositive();
            assertThat(worklist.overdue()).isPositive();
            first = all.stream().map(Patient::traits).toList();
        }
        try (TestServices s = new TestServices(dir.resolve("b.db"))) {
            generator(s).generate(300, 7, n -> { });
            assertThat(s.patients.list(0, 1000)).extracting(Patient::traits).containsExactlyInAnyOrderElementsOf(first);
        }
    }

    @Test
    void runningItAgainLeavesTheStoreAsItIs() {
        try (TestServices s = new TestServices(dir.resolve("a.db"))) {
            generator(s).generate(20, 1, n -> { });
            DemoSummary again = generator(s).generate(20, 1, n -> { });
            assertThat(again.alreadyPresent()).isTrue();
            assertThat(s.patients.count()).isEqualTo(20);
        }
    }

    @Test
    void refusesAStoreWithRealPatients() {
        try (TestServices s = new TestServices(dir.resolve("a.db"))) {
            s.patients.register(new fr.relais.core.identity.NewPatient(new StrictTraits("DURAND", List.of("Marie"),
                    fr.relais.core.identity.Sex.F, java.time.LocalDate.of(1950, 1, 1), null), null, null, null, null, null, null));
            assertThatThrownBy(() -> generator(s).generate(5, 1, n -> { }))
                    .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.reasonKey()).isEqualTo("demo.realStore"));
            assertThat(s.patients.count()).isEqualTo(1);
            assertThat(s.database.meta().kind()).isEqualTo(StoreKind.PRODUCTION);
        }
    }

    @Test
    void theDemoHasThreePatientsInHospitalAndADischargeOfThreeDaysAgoWaitingForTheNurse() {
        // Monday 7 December 2026, 08:00 in Paris.
        var clock = new fr.relais.core.MutableClock(java.time.Instant.parse("2026-12-07T07:00:00Z"));
        try (TestServices s = new TestServices(dir.resolve("stays.db"), clock)) {
            generator(s).generate(30, 5, n -> { });
            var hospital = s.core.hospitalEvents();

            assertThat(hospital.inHospital()).extracting(st -> st.admittedAt().toString(), st -> st.location()).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("2026-12-02T08:40:00Z", "PNEUMO / 7 / "),
                    org.assertj.core.groups.Tuple.tuple("2026-12-05T13:20:00Z", "CARDIO / 12 / 1"),
                    org.assertj.core.groups.Tuple.tuple("2026-12-06T21:05:00Z", "URGENCES /  / "));
            var discharged = hospital.dischargedSince(clock.instant().minus(java.time.Duration.ofDays(7)));
            assertThat(discharged).singleElement().satisfies(st -> {
                assertThat(st.dischargedAt()).isEqualTo(java.time.Instant.parse("2026-12-04T15:30:00Z"));
                assertThat(s.patients.get(st.patientId()).ipp()).isEqualTo("DEMO000011");
                assertThat(hospital.proposals(st.patientId())).isNotEmpty();
            });
        }
    }

    @Test
    void theDemoPatientDischargedThreeDaysAgoHasTheDischargeItemOpenAndNoLongerTheAdmissionItem() {
        var clock = new fr.relais.core.MutableClock(java.time.Instant.parse("2026-12-07T07:00:00Z"));
        try (TestServices s = new TestServices(dir.resolve("discharged.db"), clock)) {
            generator(s).generate(30, 5, n -> { });
            var hospital = s.core.hospitalEvents();
            var stay = hospital.dischargedSince(clock.instant().minus(java.time.Duration.ofDays(7))).get(0);

            // The coordinator's items of the stay, by the event that created them.
            java.util.Map<fr.relais.core.hospital.HospitalEventType, List<fr.relais.core.task.TaskStatus>> items = new java.util.TreeMap<>();
            for (var event : hospital.history(stay.patientId())) {
                for (var effect : hospital.effectsOf(event.id())) {
                    if (effect.kind() == fr.relais.core.hospital.HospitalEffect.Kind.TASK_CREATED) {
                        var task = s.core.tasks().get(java.util.UUID.fromString(effect.target()));
                        if (!task.kind().equals("HOSPITAL_CALL")) {
                            items.computeIfAbsent(event.type(), t -> new ArrayList<>()).add(task.status());
                        }
                    }
                }
            }
            assertThat(items).containsExactly(
                    java.util.Map.entry(fr.relais.core.hospital.HospitalEventType.A01, List.of(fr.relais.core.task.TaskStatus.COMPLETED)),
                    java.util.Map.entry(fr.relais.core.hospital.HospitalEventType.A03, List.of(fr.relais.core.task.TaskStatus.REQUESTED)));
            // The patients still in hospital keep their admission item for the IDEC.
            for (var inside : hospital.inHospital()) {
                assertThat(hospital.effectsOf(inside.admissionEventId())).filteredOn(e -> e.kind() == fr.relais.core.hospital.HospitalEffect.Kind.TASK_CREATED)
                        .singleElement().satisfies(e -> assertThat(s.core.tasks().get(java.util.UUID.fromString(e.target())).status())
                                .isEqualTo(fr.relais.core.task.TaskStatus.REQUESTED));
            }
        }
    }
}
