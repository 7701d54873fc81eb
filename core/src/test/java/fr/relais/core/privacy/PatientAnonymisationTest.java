package fr.relais.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.core.MutableClock;
import fr.relais.core.TestServices;
import fr.relais.core.error.BadInputException;
import fr.relais.core.identity.IdentityEvidence;
import fr.relais.core.identity.Ins;
import fr.relais.core.identity.InsMatricule;
import fr.relais.core.identity.InsOid;
import fr.relais.core.identity.InsSource;
import fr.relais.core.identity.NewPatient;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.StrictTraits;
import fr.relais.core.identity.Sex;
import fr.relais.core.measure.MeasureSource;
import fr.relais.core.measure.NewMeasure;
import fr.relais.core.session.AccessDeniedException;
import fr.relais.core.session.Actor;
import fr.relais.core.session.Role;
import fr.relais.core.session.UserSession;
import fr.relais.core.store.schema.Tables;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Anonymisation on request and the retention period (issue 9), on a real store scanned table by table afterwards. */
class PatientAnonymisationTest {
    @TempDir
    Path dir;

    /** Every text value of every table that holds {@code needle}, as "table: value". */
    private static List<String> occurrences(TestServices s, String needle) {
        List<String> found = new ArrayList<>();
        for (String table : s.database.dsl().fetch("select name from sqlite_schema where type = 'table'").getValues(0, String.class)) {
            for (Record row : s.database.dsl().fetch("select * from \"" + table + "\"")) {
                for (Object value : row.intoArray()) {
                    if (value instanceof String text && text.contains(needle)) {
                        found.add(table + ": " + text);
                    }
                }
            }
        }
        return found;
    }

    @Test
    void anonymisingRemovesTheIdentityEverywhereAndKeepsTheClinicalRecord() {
        try (TestServices s = new TestServices(dir.resolve("relais.db"))) {
            Patient patient = s.registerPatient("DUPONTEL", "Marguerite", Sex.F, LocalDate.of(1948, 6, 17), "IPP-77");
            s.registerPatient("DUPONTEL", "Marguerite", Sex.F, LocalDate.of(1948, 6, 17), "IPP-78"); // a flagged duplicate
            s.measures.record(new NewMeasure(patient.id(), "29463-7", "61", "kg", s.clock.instant(), MeasureSource.ENTERED));
            assertThat(occurrences(s, "DUPONTEL")).isNotEmpty();

            assertThatThrownBy(() -> s.core.anonymisation().anonymise(patient.id(), " "))
                    .extracting(e -> ((BadInputException) e).reasonKey()).isEqualTo("privacy.reasonRequired");
            Patient anonymous = s.core.anonymisation().anonymise(patient.id(), "demande de la patiente (art. 17 RGPD)");

            assertThat(anonymous.traits().birthFamilyName()).isEqualTo("ANONYME");
            assertThat(anonymous.traits().birthDate()).isEqualTo(LocalDate.of(1948, 1, 1));
            assertThat(anonymous.traits().birthDatePrecision()).as("the year alone, no 1st of January invented")
                    .isEqualTo(fr.relais.core.identity.BirthDatePrecision.YEAR);
            assertThat(anonymous.traits().birthDateShown()).isEqualTo("1948");
            assertThat(anonymous.traits().sex()).isEqualTo(Sex.F);
            assertThat(anonymous.ipp()).isNull();
            assertThat(anonymous.ins()).isNull();
            assertThat(s.measures.ofPatient(patient.id(), null)).hasSize(1);
            assertThat(occurrences(s, "IPP-77")).isEmpty();
            assertThat(occurrences(s, "Marguerite")).as("only the other, distinct patient keeps the name")
                    .allMatch(o -> o.startsWith("patient: "));
            assertThat(s.patients.search("IPP-77", 10)).isEmpty();
            assertThat(s.database.dsl().fetchCount(Tables.AUDIT_EVENT, Tables.AUDIT_EVENT.ACTION.eq("patient.anonymise"))).isEqualTo(1);
            assertThat(s.database.dsl().fetchCount(Tables.OUTBOX)).isPositive();
        }
    }

    /** The planner's samples of the store's indexes ({@code sqlite_stat4}), as text. */
    private static List<String> statisticsSamples(TestServices s) {
        return s.database.dsl().fetch("select sample from sqlite_stat4").getValues(0, byte[].class).stream()
                .map(b -> new String(b, StandardCharsets.ISO_8859_1)).toList();
    }

    @Test
    void anAnonymisedPatientsInsAndIppLeaveTheStoreStatisticsAndTheFile() throws Exception {
        Path file = dir.resolve("relais.db");
        String matricule = InsMatricule.withKey("2480629019042").value();
        try (TestServices s = new TestServices(file)) {
            Patient patient = s.patients.register(new NewPatient(new StrictTraits("DUPONTEL", List.of("Marguerite"), Sex.F,
                    LocalDate.of(1948, 6, 17), "29019"), null, null, "IPP-77", new Ins(InsMatricule.parse("ins", matricule), InsOid.NIR),
                    new IdentityEvidence(InsSource.CV, null), null)).patient();
            s.registerPatient("MARTIN", "Paul", Sex.M, LocalDate.of(1950, 3, 2), "IPP-78");
            s.database.dsl().execute("ANALYZE");
            assertThat(statisticsSamples(s)).anyMatch(sample -> sample.contains(matricule)).anyMatch(sample -> sample.contains("IPP-77"));

            s.core.anonymisation().anonymise(patient.id(), "demande de la patiente (art. 17 RGPD)");

            assertThat(statisticsSamples(s)).noneMatch(sample -> sample.contains(matricule) || sample.contains("IPP-77"))
                    .as("the statistics are taken again, not dropped").anyMatch(sample -> sample.contains("IPP-78"));
            // Nor in a free page, the free space of a page or the write-ahead log.
            for (Path part : List.of(file, file.resolveSibling("relais.db-wal"))) {
                if (Files.exists(part)) {
                    assertThat(new String(Files.readAllBytes(part), StandardCharsets.ISO_8859_1)).as(part.toString())
                            .doesNotContain(matricule).doesNotContain("IPP-77");
                }
            }
        }
    }

    @Test
    void onlyAnAdministratorAnonymises() {
        try (TestServices s = new TestServices(dir.resolve("relais.db"))) {
            Patient patient = s.registerPatient("DUPONTEL", "Marguerite", Sex.F, LocalDate.of(1948, 6, 17), "IPP-77");
            s.session.signIn(new Actor("idec", "Claire", "poste"), Set.of(Role.IDEC));
            assertThatThrownBy(() -> s.core.anonymisation().anonymise(patient.id(), "raison")).isInstanceOf(AccessDeniedException.class);
            assertThat(s.patients.get(patient.id()).traits().birthFamilyName()).isEqualTo("DUPONTEL");
        }
    }

    @Test
    void patientsWithoutActivityForTheRetentionPeriodAreListedUntilAnonymised() {
        MutableClock clock = new MutableClock(Instant.parse("2018-03-01T09:00:00Z"));
        try (TestServices s = new TestServices(dir.resolve("relais.db"), clock)) {
            Patient old = s.registerPatient("ANCIEN", "Paul", Sex.M, LocalDate.of(1930, 1, 5), "IPP-1");
            s.measures.record(new NewMeasure(old.id(), "29463-7", "70", "kg", clock.instant(), MeasureSource.ENTERED));
            clock.set(Instant.parse("2026-11-24T08:30:00Z"));
            Patient recent = s.registerPatient("RECENT", "Anne", Sex.F, LocalDate.of(1950, 1, 5), "IPP-2");

            List<PatientAnonymisation.RetentionCandidate> due = s.core.anonymisation().pastRetention(5);
            assertThat(due).extracting(PatientAnonymisation.RetentionCandidate::patientId).containsExactly(old.id());
            assertThat(due.get(0).lastActivity()).isEqualTo(Instant.parse("2018-03-01T09:00:00Z"));
            assertThat(s.core.anonymisation().pastRetention(10)).isEmpty();
            assertThatThrownBy(() -> s.core.anonymisation().pastRetention(0)).isInstanceOf(BadInputException.class);

            s.core.anonymisation().anonymise(old.id(), "fin de la durée de conservation (5 ans)");
            assertThat(s.core.anonymisation().pastRetention(5)).isEmpty();
            assertThat(s.patients.get(recent.id()).traits().birthFamilyName()).isEqualTo("RECENT");
        }
    }
}
