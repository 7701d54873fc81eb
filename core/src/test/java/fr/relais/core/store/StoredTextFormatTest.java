package fr.relais.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.TestServices;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.PatientRepository;
import fr.relais.core.identity.Sex;
import fr.relais.core.measure.Measure;
import fr.relais.core.measure.MeasureRepository;
import fr.relais.core.measure.MeasureSource;
import fr.relais.core.measure.MeasureStatus;
import fr.relais.core.pathway.StoredTemplate;
import fr.relais.core.pathway.TemplateRepository;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The text the store holds is what older versions wrote and what other laptops sync from: ids as lower-case UUIDs,
 * instants as fixed-width UTC with milliseconds, dates as ISO days (ADR 1, ADR 15). The expected texts are written out
 * here by hand and read or written with plain JDBC, so a change in the jOOQ converters cannot move both sides at once.
 */
class StoredTextFormatTest {
    private static final UUID MEASURE_ID = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");

    @TempDir
    Path dir;

    @Test
    void aWeightTakenAtHalfPastEightIsStoredInTheTextOlderVersionsWrote() throws Exception {
        try (TestServices s = new TestServices(dir.resolve("relais.db"))) {
            Patient patient = s.registerPatient("DURAND", "Jeanne", Sex.F, LocalDate.of(1940, 5, 1), null);
            new MeasureRepository(s.database.dsl()).insert(new Measure(MEASURE_ID, patient.id(), "29463-7",
                    new BigDecimal("72.5"), "kg", "72.5", "kg", Instant.parse("2026-11-24T07:30:00Z"), MeasureSource.ENTERED,
                    "idec1", false, MeasureStatus.FINAL, null, TestServices.NOW, Instant.parse("2026-11-24T08:30:00.123456Z")));

            assertThat(row(s.database.dsl(), "SELECT id, patient_id, effective_at, created_at, updated_at FROM measure WHERE id = ?",
                    "0f8fad5b-d9cb-469f-a165-70867728950e")).containsExactly("0f8fad5b-d9cb-469f-a165-70867728950e",
                    patient.id().toString(), "2026-11-24T07:30:00.000Z", "2026-11-24T08:30:00.000Z", "2026-11-24T08:30:00.123Z");
            assertThat(row(s.database.dsl(), "SELECT birth_date, created_at FROM patient WHERE id = ?", patient.id().toString()))
                    .containsExactly("1940-05-01", "2026-11-24T08:30:00.000Z");
        }
    }

    @Test
    void aMeasureAndAPatientWrittenByAnOlderVersionReadTheSame() throws Exception {
        try (TestServices s = new TestServices(dir.resolve("relais.db"))) {
            Patient patient = s.registerPatient("MARTIN", "Paul", Sex.M, LocalDate.of(1950, 3, 3), null);
            // As versions before the converters wrote it; the second instant without milliseconds, as a hand edit or an
            // older import could leave it: both must read as the same instants.
            s.database.dsl().execute("INSERT INTO measure (id, patient_id, code, value, unit, original_value, original_unit,"
                    + " effective_at, source, recorded_by, unusual, status, error_reason, created_at, updated_at, preliminary)"
                    + " VALUES ('0f8fad5b-d9cb-469f-a165-70867728950e', ?, '8867-4', '88', '/min', '88', '/min',"
                    + " '2026-11-23T21:05:09.007Z', 'DEVICE', 'idec1', 0, 'FINAL', NULL, '2026-11-23T21:06:00Z',"
                    + " '2026-11-23T21:06:00.000Z', 0)", patient.id().toString());

            Measure read = new MeasureRepository(s.database.dsl()).find(MEASURE_ID).orElseThrow();
            assertThat(read.id()).isEqualTo(MEASURE_ID);
            assertThat(read.patientId()).isEqualTo(patient.id());
            assertThat(read.effectiveAt()).isEqualTo(Instant.parse("2026-11-23T21:05:09.007Z"));
            assertThat(read.createdAt()).isEqualTo(Instant.parse("2026-11-23T21:06:00Z"));
            assertThat(read.updatedAt()).isEqualTo(read.createdAt());
            Patient again = new PatientRepository(s.database.dsl()).find(patient.id()).orElseThrow();
            assertThat(again.traits().birthDate()).isEqualTo(LocalDate.of(1950, 3, 3));
            assertThat(again.createdAt()).isEqualTo(TestServices.NOW);
        }
    }

    @Test
    void theBuiltInPathwaysOfTheTemplateStoreReadAsImportedAtItsTime() throws Exception {
        try (TestServices s = new TestServices(dir.resolve("relais.db"))) {
            List<StoredTemplate> templates = new TemplateRepository(s.database.dsl()).all();
            assertThat(templates).isNotEmpty().allSatisfy(t -> assertThat(t.importedAt()).isEqualTo(TestServices.NOW));
            assertThat(column(s.database.dsl(), "SELECT DISTINCT imported_at FROM pathway_template"))
                    .containsExactly("2026-11-24T08:30:00.000Z");
        }
    }

    private static List<String> row(DSLContext dsl, String sql, String key) {
        return dsl.connectionResult(c -> {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                st.setString(1, key);
                try (ResultSet rs = st.executeQuery()) {
                    List<String> values = new ArrayList<>();
                    if (rs.next()) {
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            values.add(rs.getString(i));
                        }
                    }
                    return values;
                }
            }
        });
    }

    private static List<String> column(DSLContext dsl, String sql) {
        return dsl.connectionResult(c -> {
            try (PreparedStatement st = c.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
                List<String> values = new ArrayList<>();
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
                return values;
            }
        });
    }
}
