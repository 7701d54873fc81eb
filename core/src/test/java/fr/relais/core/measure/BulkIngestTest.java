package fr.relais.core.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.core.TestServices;
import fr.relais.core.alert.Alert;
import fr.relais.core.audit.AuditEvent;
import fr.relais.core.audit.AuditLog;
import fr.relais.core.consent.Consent;
import fr.relais.core.consent.ConsentScope;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.Sex;
import fr.relais.core.time.CareZone;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bulk path (CSV import, demo): the same alerts as measures recorded one by one, whole batches only, one audit event
 * per batch with its hash and counts.
 */
class BulkIngestTest {
    private static final String[] PATHWAYS = {"insuffisance-cardiaque-sortie", "bpco-exacerbation", "diabete-type-2"};
    /** Enrolled before the change to winter time in Paris (25 October 2026, 03:00 → 02:00), measured across it. */
    private static final LocalDate START = LocalDate.of(2026, 10, 12);

    @TempDir
    Path dir;

    @Test
    void theBulkAndIncrementalPathsRaiseTheSameAlerts() {
        try (TestServices oneByOne = new TestServices(dir.resolve("incremental.db"));
             TestServices bulk = new TestServices(dir.resolve("bulk.db"))) {
            List<NewMeasure> incrementalRows = population(oneByOne);
            List<NewMeasure> bulkRows = population(bulk);
            for (NewMeasure m : incrementalRows) {
                oneByOne.measures.record(m);
            }
            List<BulkIngest.Row> rows = bulkRows.stream().map(m -> new BulkIngest.Row(m, bulk.patients.get(m.patientId()))).toList();
            BulkIngest.Result result = bulk.core.bulkIngest().withBatch(97).ingest("devices.csv", rows);

            assertThat(result.stored()).isEqualTo(bulkRows.size());
            assertThat(result.batches()).isEqualTo((bulkRows.size() + 96) / 97);
            List<String> expected = alerts(oneByOne);
            // The data is drawn so that every kind of value alert is there, at both levels, and some are joined.
            assertThat(expected).anyMatch(a -> a.contains(" RELATIVE RED ")).anyMatch(a -> a.contains(" RELATIVE YELLOW "))
                    .anyMatch(a -> a.contains(" ABSOLUTE RED ")).anyMatch(a -> a.contains(" ABSOLUTE YELLOW "))
                    .anyMatch(a -> a.contains("poids-hausse-1j")).anyMatch(a -> a.contains("glycemie"))
                    .anyMatch(a -> a.contains("frequence-respiratoire"));
            assertThat(expected.size()).isGreaterThan(20);
            assertThat(alerts(bulk)).containsExactlyElementsOf(expected);
            // The patient who withdrew consent: the same device measures held, unjudged, on both paths.
            assertThat(held(bulk)).isEqualTo(held(oneByOne)).isPositive();
        }
    }

    @Test
    void theImportIsRecordedInTheAuditTrailWithItsHashAndCounts() throws Exception {
        try (TestServices s = new TestServices(dir.resolve("relais.db"))) {
            Patient jeanne = s.registerPatient("DURAND", "Jeanne", Sex.F, LocalDate.of(1940, 5, 1), "IPP-7");
            s.measureImport.importCsv("avant.csv", new StringReader("patient,code,value,unit,effective\n"
                    + "IPP-7,29463-7,70.0,kg,2026-11-10T08:00:00+01:00\n"), false);
            String csv = """
                    patient;code;value;unit;effective
                    IPP-7;29463-7;70;kg;2026-11-10T08:00:00+01:00
                    IPP-7;29463-7;70,4;kg;2026-11-11T08:00:00+01:00
                    IPP-7;29463-7;70,9;kg;2026-11-12T08:00:00+01:00
                    IPP-7;29463-7;71,3;kg;2026-11-13T08:00:00+01:00
                    IPP-7;29463-7;71,3;kg;2026-11-13T08:00:00+01:00
                    IPP-7;29463-7;250;kg;2026-11-14T08:00:00+01:00
                    IPP-7;59408-5;95;%;2026-11-14T08:05:00+01:00
                    """;
            long before = lastSeq(s.audit);
            MeasureCsvImport smallBatches = new MeasureCsvImport(s.measures, s.patients, s.core.bulkIngest().withBatch(3));
            ImportReport report = smallBatches.importCsv("pesees.csv", new StringReader(csv), false);

            assertThat(report.imported()).isEqualTo(5);
            assertThat(report.alreadyPresent()).isEqualTo(2);
            List<AuditEvent> imports = s.audit.after(before, 100).stream().map(AuditLog.Chained::event)
                    .filter(e -> e.action().equals(BulkIngest.AUDIT_ACTION)).toList();
            assertThat(imports).hasSize(3);
            assertThat(imports).extracting(AuditEvent::entityId).containsOnly(imports.get(0).entityId());
            assertThat(imports).extracting(AuditEvent::actor).containsOnly("idec1");
            String id = jeanne.id().toString();
            String[] lines = {
                    id + "|29463-7|70|kg|2026-11-10T07:00:00Z|IMPORTED\n",
                    id + "|29463-7|70,4|kg|2026-11-11T07:00:00Z|IMPORTED\n",
                    id + "|29463-7|70,9|kg|2026-11-12T07:00:00Z|IMPORTED\n",
                    id + "|29463-7|71,3|kg|2026-11-13T07:00:00Z|IMPORTED\n",
                    id + "|29463-7|71,3|kg|2026-11-13T07:00:00Z|IMPORTED\n",
                    id + "|29463-7|250|kg|2026-11-14T07:00:00Z|IMPORTED\n",
                    id + "|59408-5|95|%|2026-11-14T07:05:00Z|IMPORTED\n"};
            // The first row is the weighing already imported from avant.csv; the fifth repeats the fourth.
            assertThat(imports.get(0).detail()).isEqualTo("source=pesees.csv batch=1/3 rows=3 stored=2 present=1 held=0 unusual=0 sha256="
                    + sha256(lines[0], lines[1], lines[2]));
            assertThat(imports.get(1).detail()).isEqualTo("source=pesees.csv batch=2/3 rows=3 stored=2 present=1 held=0 unusual=1 sha256="
                    + sha256(lines[3], lines[4], lines[5]));
            assertThat(imports.get(2).detail()).isEqualTo("source=pesees.csv batch=3/3 rows=1 stored=1 present=0 held=0 unusual=0 sha256="
                    + sha256(lines[6]));
            // One event per batch, none per measure, and the trail still verifies.
            assertThat(s.audit.after(before, 100)).extracting(c -> c.event().action()).doesNotContain("measure.create");
            assertThat(s.audit.verify().intact()).isTrue();
            // Each stored measure waits in the outbox for the team server, as one typed by hand does.
            assertThat(s.measures.ofPatient(jeanne.id(), null)).hasSize(6)
                    .allSatisfy(m -> assertThat(s.core.outbox().isPending(MeasureService.RECORD, m.id())).isTrue());
        }
    }

    @Test
    void aCancelledImportKeepsOnlyWholeBatches() {
        try (TestServices s = new TestServices(dir.resolve("relais.db"))) {
            Patient jeanne = s.registerPatient("DURAND", "Jeanne", Sex.F, LocalDate.of(1940, 5, 1), "IPP-7");
            s.core.consents().add(jeanne.id(), ConsentScope.TELEMONITORING, "IDEC", START);
            s.enrollments.enroll(jeanne.id(), PATHWAYS[0], null, START);
            StringBuilder csv = new StringBuilder("patient,code,value,unit,effective\n");
            for (int day = 0; day < 10; day++) {
                // the last three days gain 1.5 kg a day: the second batch holds the gain that raises the alerts
                csv.append("IPP-7,29463-7,").append(day < 7 ? "70.0" : String.valueOf(70 + 1.5 * (day - 6))).append(",kg,")
                        .append(START.plusDays(20 + day).atTime(8, 0).atZone(CareZone.PARIS).toInstant()).append('\n');
            }
            MeasureCsvImport smallBatches = new MeasureCsvImport(s.measures, s.patients, s.core.bulkIngest().withBatch(4));
            List<Integer> written = new ArrayList<>();
            AtomicInteger asked = new AtomicInteger();

            assertThatThrownBy(() -> smallBatches.importCsv("pesees.csv", new StringReader(csv.toString()), false, rows -> { },
                    written::add, () -> asked.incrementAndGet() > 1))
                    .isInstanceOfSatisfying(ImportCancelledException.class, c -> {
                        assertThat(c.stored()).isEqualTo(4);
                        assertThat(c.rowsDone()).isEqualTo(4);
                        assertThat(c.rows()).isEqualTo(10);
                    });

            // Asked before each batch: the first is written and committed, the second is never started.
            assertThat(written).containsExactly(4);
            assertThat(s.measures.ofPatient(jeanne.id(), null)).extracting(Measure::originalValue)
                    .containsExactly("70.0", "70.0", "70.0", "70.0");
            assertThat(s.alerts.list(false, jeanne.id())).isEmpty();
            assertThat(s.audit.after(0, 1000)).filteredOn(c -> c.event().action().equals(BulkIngest.AUDIT_ACTION)).hasSize(1);

            ImportReport again = smallBatches.importCsv("pesees.csv", new StringReader(csv.toString()), false);
            assertThat(again.imported()).isEqualTo(6);
            assertThat(again.alreadyPresent()).isEqualTo(4);
            assertThat(s.measures.ofPatient(jeanne.id(), null)).hasSize(10);
            assertThat(s.alerts.list(true, jeanne.id())).extracting(Alert::ruleId).contains("poids-hausse-1j", "poids-hausse-3j");
        }
    }

    /**
     * A few dozen patients (heart failure, COPD, diabetes) with five weeks of device measures around the change to
     * winter time, a sixth of them drifting into alerts; one heart-failure patient withdrew telemonitoring consent.
     * The same seed in every store: the same patients (by IPP) and rows, in time order across patients.
     */
    private static List<NewMeasure> population(TestServices s) {
        Random random = new Random(20261025L);
        List<NewMeasure> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Patient p = s.registerPatient("PATIENT" + (char) ('A' + i / 26) + (char) ('A' + i % 26), "Test", i % 2 == 0 ? Sex.F : Sex.M,
                    LocalDate.of(1940 + i, 1 + i % 12, 1 + i % 28), "IPP-" + i);
            String pathway = PATHWAYS[i % PATHWAYS.length];
            Consent consent = s.core.consents().add(p.id(), ConsentScope.TELEMONITORING, "IDEC", START);
            s.enrollments.enroll(p.id(), pathway, null, START);
            if (i == 3) {
                s.core.consents().withdraw(consent.id(), "ne souhaite plus");
            }
            boolean drifting = i % 6 == 0 || i % 6 == 1 || i % 6 == 5;
            for (int day = 0; day < 40; day++) {
                LocalDate date = START.plusDays(1 + day);
                // around 08:00 in Paris, a few minutes either way, through the clock change
                Instant at = date.atTime(LocalTime.of(7, 30)).plusMinutes(random.nextInt(60)).atZone(CareZone.PARIS).toInstant();
                boolean excursion = drifting && random.nextInt(5) == 0;
                switch (pathway) {
                    case "insuffisance-cardiaque-sortie" -> rows.add(m(p, MeasureCatalog.BODY_WEIGHT,
                            70 + random.nextGaussian() * 0.4 + (excursion ? 1.3 + random.nextInt(3) : 0), 1, "kg", at));
                    case "bpco-exacerbation" -> {
                        rows.add(m(p, MeasureCatalog.SPO2, 95 + random.nextInt(3) - (excursion ? 3 + random.nextInt(4) : 0), 0, "%", at));
                        rows.add(m(p, MeasureCatalog.RESPIRATORY_RATE, 18 + random.nextInt(4) + (excursion ? 6 : 0), 0, "/min",
                                at.plusSeconds(60)));
                    }
                    default -> {
                        rows.add(m(p, MeasureCatalog.GLUCOSE, 1.2 + random.nextGaussian() * 0.15 - (excursion ? 0.6 : 0), 2, "g/L", at));
                        rows.add(m(p, MeasureCatalog.GLUCOSE, excursion && random.nextBoolean() ? 2.7 : 1.4, 2, "g/L",
                                at.plusSeconds(6 * 3600)));
                    }
                }
            }
        }
        rows.sort(java.util.Comparator.comparing(NewMeasure::effectiveAt)); // as devices send them, all patients mixed
        return rows;
    }

    private static NewMeasure m(Patient p, String code, double value, int scale, String unit, Instant at) {
        return new NewMeasure(p.id(), code, BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP).toPlainString(), unit, at,
                MeasureSource.DEVICE);
    }

    /** Every alert as a nurse sees it: patient, rule, kind, level, status, explanation, opening time, history, evidence. */
    private static List<String> alerts(TestServices s) {
        List<String> all = new ArrayList<>();
        for (Alert a : s.alerts.list(false, null)) {
            List<String> evidence = s.alerts.evidence(a.id()).stream().map(id -> s.measures.find(id).orElseThrow())
                    .map(m -> m.code() + "@" + m.effectiveAt() + "=" + m.value().toPlainString()).sorted().toList();
            all.add(s.patients.get(a.patientId()).ipp() + " " + a.ruleId() + " " + a.kind() + " " + a.level() + " " + a.status()
                    + " " + a.explanation() + " opened " + a.openedAt() + " history " + s.alerts.history(a.id()) + " evidence " + evidence);
        }
        all.sort(String::compareTo);
        return all;
    }

    private static int held(TestServices s) {
        return s.patients.list(0, 100).stream().mapToInt(p -> s.measures.heldIds(p.id()).size()).sum();
    }

    private static long lastSeq(AuditLog audit) {
        List<AuditLog.Chained> all = audit.after(0, Integer.MAX_VALUE);
        return all.isEmpty() ? 0 : all.get(all.size() - 1).event().seq();
    }

    private static String sha256(String... lines) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (String line : lines) {
            digest.update(line.getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
