package fr.relais.sync.engine;

import fr.relais.core.SteadyClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.relais.core.alert.Alert;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.PatientService;
import fr.relais.core.measure.MeasureCatalog;
import fr.relais.core.measure.MeasureService;
import fr.relais.core.measure.MeasureSource;
import fr.relais.core.measure.NewMeasure;
import fr.relais.core.replication.SyncRunLog;
import fr.relais.core.rule.AlertLevel;
import fr.relais.sync.server.JpaFhirServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new laptop's first sync as the engine runs it ({@code SyncEngine.run}): through Bulk Data $export when the server
 * offers it, with the sync's own credentials, through a relay that sees every request (and can cut a download), beside
 * a laptop that pages the same team's records.
 */
@org.junit.jupiter.api.parallel.Isolated("FirstSyncByExportTest switches the shared server's $export off for a while")
class FirstSyncByExportInTheSyncTest {
    static final JpaFhirServer SERVER = JpaFhirServer.shared();
    /** Weights per patient: with three patients, more Observations than one batch of the export's storing holds. */
    static final int WEIGHTS = 180;
    static final String TOKEN = "jeton-equipe-nord";

    @TempDir
    Path dir;
    ExportProxy relay;
    Laptop team;
    Laptop byExport;
    Laptop byPaging;
    String tag;
    final List<Patient> patients = new ArrayList<>();

    @BeforeEach
    void aTeamFollowsThreeBpcoPatientsWithAYearOfWeightsAndALowSaturation() throws Exception {
        tag = "team-" + UUID.randomUUID(); // each test sees only its own records on the shared server
        relay = new ExportProxy(SERVER.baseUrl());
        team = new Laptop(dir, "team", SERVER.baseUrl(), tag);
        byPaging = new Laptop(dir, "paging", SERVER.baseUrl(), tag);
        byExport = new Laptop(dir, "export", relay.baseUrl(), tag);
        byExport.settings = SyncSettings.of(relay.baseUrl(), tag, new SyncSettings.Auth.Bearer(TOKEN)).withIpp(byExport.settings.ipp())
                .withRetries(3, Duration.ofMillis(20)).withPageSize(20).withFirstSyncExport(true);
        Instant now = SteadyClock.now().truncatedTo(ChronoUnit.SECONDS);
        List<String> families = List.of("MARTIN", "BERNARD", "PETIT");
        for (int i = 0; i < families.size(); i++) {
            Patient p = team.register(families.get(i), "Louise", "IPP-EXS-" + i + "-" + tag.substring(5, 13));
            patients.add(p);
            team.core.enrollments().enroll(p.id(), "bpco-exacerbation", 1, SteadyClock.today());
            for (int d = WEIGHTS; d >= 1; d--) {
                team.core.measures().record(new NewMeasure(p.id(), MeasureCatalog.BODY_WEIGHT, String.valueOf(70 + i), "kg",
                        now.minus(d, ChronoUnit.HOURS), MeasureSource.DEVICE));
            }
            team.core.measures().record(new NewMeasure(p.id(), MeasureCatalog.SPO2, "88", "%", now.minusSeconds(60), MeasureSource.DEVICE));
        }
        assertThat(team.syncUntilDone(3).pending()).isZero();
    }

    @AfterEach
    void tearDown() {
        team.close();
        byExport.close();
        byPaging.close();
        relay.close();
    }

    @Test
    void anExportRefusedAtKickOffFallsBackToPaging() {
        byPaging.engine.run(byPaging.settings, SyncEngine.Mode.PULL_ONLY, SyncProgress.NONE, () -> false);

        // As the Relais team server answers a team's token: $export is its administrator's.
        relay.refuseExportKickOff(403);

        SyncReport report = pullOnly(byExport, SyncProgress.NONE);

        assertThat(report.state()).isEqualTo(SyncRunLog.State.DONE);
        assertThat(relay.relayed()).filteredOn(e -> e.path().contains("$export?")).extracting(ExportProxy.Exchange::status)
                .isNotEmpty().allMatch(status -> status == 403);
        assertThat(relay.relayed()).noneMatch(ExportProxy.Exchange::isFile);
        assertSameRecords(byExport, byPaging);
        // Paged: the watermark is the newest version pulled, where the paging laptop's stands.
        assertThat(watermark(byExport, "Observation")).isEqualTo(watermark(byPaging, "Observation")).isPresent();
    }

    @Test
    void theWatermarkMovesOnlyAfterTheWholeExportIsStored() throws Exception {
        List<String> seenWhileStoring = new ArrayList<>();
        SyncReport report = pullOnly(byExport, (phase, done) ->
                seenWhileStoring.add(phase + " " + done + " " + watermark(byExport, "Patient") + " " + watermark(byExport, "Observation")));

        assertThat(report.state()).isEqualTo(SyncRunLog.State.DONE);
        // Every progress step of the pull (each committed batch of the export, each page of the paged kinds) saw no
        // watermark for the exported kinds: they move together, once, at the end.
        assertThat(seenWhileStoring).anyMatch(s -> s.startsWith("pull Observation " + (3 * (WEIGHTS + 1))))
                .allMatch(s -> s.endsWith("Optional.empty Optional.empty"));
        Instant transactionTime = transactionTime();
        assertThat(watermark(byExport, "Patient")).contains(transactionTime);
        assertThat(watermark(byExport, "Observation")).contains(transactionTime);
        // The export went with the sync's credentials, every request of it.
        assertThat(relay.relayed()).filteredOn(e -> e.path().contains("export") || e.isFile()).isNotEmpty()
                .allMatch(e -> ("Bearer " + TOKEN).equals(e.authorization()));
        assertThat(relay.relayed()).filteredOn(e -> e.path().contains("$export?")).singleElement()
                .satisfies(e -> assertThat(java.net.URLDecoder.decode(e.path(), java.nio.charset.StandardCharsets.UTF_8))
                        .contains("_typeFilter=Observation?_tag=" + fr.relais.sync.fhir.RelaisFhir.TEAM_TAG_SYSTEM + "|"));
    }

    @Test
    void anExportCutMidDownloadRestartsWithoutLossOrDuplicate() {
        // The file of Observations is cut after 95 % of its bytes: more than one batch of them was read.
        relay.cutOnce(e -> e.isFile() && e.body().contains("\"resourceType\":\"Observation\""), 0.95);

        assertThatThrownBy(() -> pullOnly(byExport, SyncProgress.NONE)).isInstanceOf(SyncFailedException.class)
                .satisfies(e -> assertThat(((SyncFailedException) e).refused()).isFalse());

        // Nothing half-applied: the patients' file was whole, of the measures only whole batches (each measure stored
        // with its link), and no watermark moved.
        assertThat(byExport.sync.stores().syncState().serverIds(PatientService.RECORD)).hasSize(3);
        int storedBeforeTheCut = measureCount(byExport);
        assertThat(storedBeforeTheCut % FirstSyncByExport.BATCH).isZero();
        assertThat(storedBeforeTheCut).isLessThan(3 * (WEIGHTS + 1));
        assertThat(byExport.sync.stores().syncState().serverIds(fr.relais.core.measure.MeasureService.RECORD)).hasSize(storedBeforeTheCut);
        assertThat(watermark(byExport, "Patient")).isEmpty();
        assertThat(watermark(byExport, "Observation")).isEmpty();
        assertThat(byExport.core.syncRuns().recent(1).get(0).state()).isEqualTo(SyncRunLog.State.FAILED);

        SyncReport again = pullOnly(byExport, SyncProgress.NONE);

        assertThat(again.state()).isEqualTo(SyncRunLog.State.DONE);
        assertThat(relay.relayed()).filteredOn(e -> e.path().contains("$export?")).hasSize(2); // it exported again
        SyncReport paged = byPaging.engine.run(byPaging.settings, SyncEngine.Mode.PULL_ONLY, SyncProgress.NONE, () -> false);
        assertSameRecords(byExport, byPaging);
        assertThat(measureCount(byExport)).isEqualTo(3 * (WEIGHTS + 1));
        // The second run applied only what the first had not stored: together, once each, what paging pulled.
        int cutRunPulled = byExport.core.syncRuns().recent(2).get(1).pulled();
        assertThat(cutRunPulled + again.pulled()).isEqualTo(paged.pulled());
        assertThat(watermark(byExport, "Observation")).contains(transactionTime());
    }

    @Test
    void aFirstSyncCutByTheNetworkHalfwayFinishesWithEveryRecordOnce() {
        var server = new SyncEngineTestSupport(SERVER, tag);
        relay.cutOnce(e -> e.isFile() && e.body().contains("\"resourceType\":\"Observation\""), 0.95);
        assertThatThrownBy(byExport::sync).isInstanceOf(SyncFailedException.class);
        Set<String> storedBeforeTheCut = byExport.sync.stores().syncState().serverIds(MeasureService.RECORD);
        assertThat(storedBeforeTheCut).hasSize(FirstSyncByExport.BATCH);
        Instant cutExport = transactionTime();

        // Before the nurse syncs again: she weighs Mrs MARTIN on this laptop; another system deletes a weight this laptop
        // already stored; the team records a new weight of Mrs PETIT.
        Patient martin = patients.get(0);
        Instant now = SteadyClock.now().truncatedTo(ChronoUnit.SECONDS);
        var weighedHere = byExport.core.measures().record(new NewMeasure(martin.id(), MeasureCatalog.BODY_WEIGHT, "68.4", "kg",
                now.minusSeconds(30), MeasureSource.ENTERED));
        String deletedOnServer = storedBeforeTheCut.stream().sorted().findFirst().orElseThrow();
        SERVER.deleteDespiteReferences("Observation", deletedOnServer);
        var weighedByTheTeam = team.core.measures().record(new NewMeasure(patients.get(2).id(), MeasureCatalog.BODY_WEIGHT, "73", "kg",
                now.minusSeconds(20), MeasureSource.DEVICE));
        assertThat(team.sync().pending()).isZero();

        SyncReport again = byExport.sync();

        assertThat(again.state()).isEqualTo(SyncRunLog.State.DONE);
        assertThat(relay.relayed()).filteredOn(e -> e.path().contains("$export?")).hasSize(2); // a new export, as designed
        // Every record once, by type and by id, against the server: the patients, the measures (the one deleted there
        // kept here struck out, linked to its deletion), the nurse's weight now on the server too.
        var links = byExport.sync.stores().syncState();
        assertThat(links.serverIds(PatientService.RECORD)).isEqualTo(server.ids(org.hl7.fhir.r4.model.Patient.class)).hasSize(3);
        Set<String> onServer = server.ids(org.hl7.fhir.r4.model.Observation.class);
        assertThat(onServer).hasSize(3 * (WEIGHTS + 1) + 2 - 1).doesNotContain(deletedOnServer);
        Set<String> expected = new java.util.HashSet<>(onServer);
        expected.add(deletedOnServer);
        assertThat(links.serverIds(MeasureService.RECORD)).isEqualTo(expected);
        assertThat(byExport.core.database().dsl().fetchCount(fr.relais.core.store.schema.Tables.MEASURE)).isEqualTo(expected.size());
        assertThat(byExport.core.patients().count()).isEqualTo(3);
        // Nothing the nurse entered is lost: her weight is stored as she entered it and sent.
        assertThat(byExport.core.measures().find(weighedHere.id())).get()
                .satisfies(m -> assertThat(m.value()).isEqualByComparingTo("68.4"))
                .satisfies(m -> assertThat(m.status()).isEqualTo(fr.relais.core.measure.MeasureStatus.FINAL));
        assertThat(links.link(MeasureService.RECORD, weighedHere.id())).isPresent();
        assertThat(byExport.core.outbox().count()).isZero();
        assertThat(byExport.core.measures().find(weighedByTheTeam.id())).isPresent();
        // The weight deleted on the server between the two runs is struck out here, though the new export did not hold it.
        UUID deletedHere = links.linkByServerId(MeasureService.RECORD, deletedOnServer).orElseThrow().localId();
        assertThat(byExport.core.measures().find(deletedHere)).get()
                .satisfies(m -> assertThat(m.status()).isEqualTo(fr.relais.core.measure.MeasureStatus.ENTERED_IN_ERROR));
        // The watermarks stand at the new export's instant, after the cut one's.
        assertThat(watermark(byExport, "Observation")).contains(transactionTime()).get().matches(at -> at.isAfter(cutExport));
        assertThat(watermark(byExport, "Patient")).contains(transactionTime());
    }

    @Test
    void aFirstSyncByExportGivesTheSameAlertsAsPaging() {
        byPaging.engine.run(byPaging.settings, SyncEngine.Mode.PULL_ONLY, SyncProgress.NONE, () -> false);

        SyncReport report = pullOnly(byExport, SyncProgress.NONE);

        assertThat(report.state()).isEqualTo(SyncRunLog.State.DONE);
        assertThat(relay.relayed()).filteredOn(ExportProxy.Exchange::isFile).isNotEmpty(); // the export it was
        assertSameRecords(byExport, byPaging);
        for (Patient p : patients) {
            List<String> alerts = alertsOf(byExport, p);
            assertThat(alerts).as("alerts of " + p.traits().birthFamilyName()).isEqualTo(alertsOf(byPaging, p))
                    .anyMatch(a -> a.contains(" spo2 " + AlertLevel.RED + " "));
        }
        assertThat(byExport.core.outbox().count()).isEqualTo(byPaging.core.outbox().count());
    }

    private static SyncReport pullOnly(Laptop laptop, SyncProgress progress) {
        return laptop.engine.run(laptop.settings, SyncEngine.Mode.PULL_ONLY, progress, () -> false);
    }

    /** The manifest's {@code transactionTime} of the last export the relay saw completed. */
    private Instant transactionTime() throws RuntimeException {
        String manifest = relay.relayed().stream().filter(e -> e.status() == 200 && e.body().contains("\"transactionTime\""))
                .reduce((a, b) -> b).orElseThrow().body();
        try {
            return Instant.parse(new ObjectMapper().readTree(manifest).path("transactionTime").asText());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static java.util.Optional<Instant> watermark(Laptop laptop, String key) {
        return laptop.sync.stores().syncState().watermark(key);
    }

    private void assertSameRecords(Laptop laptop, Laptop reference) {
        for (Patient p : patients) {
            assertThat(laptop.core.patients().get(p.id()).traits()).isEqualTo(reference.core.patients().get(p.id()).traits());
            assertThat(measuresOf(laptop, p)).hasSize(WEIGHTS + 1).isEqualTo(measuresOf(reference, p));
        }
        var links = laptop.sync.stores().syncState();
        var referenceLinks = reference.sync.stores().syncState();
        for (var kind : SyncEngine.kinds(laptop.sync.stores())) {
            assertThat(links.serverIds(kind.recordType())).as(kind.recordType()).isEqualTo(referenceLinks.serverIds(kind.recordType()));
        }
    }

    private int measureCount(Laptop laptop) {
        return patients.stream().mapToInt(p -> laptop.core.measures().ofPatient(p.id(), null).size()).sum();
    }

    private static List<String> measuresOf(Laptop laptop, Patient p) {
        return laptop.core.measures().ofPatient(p.id(), null).stream()
                .map(m -> m.id() + " " + m.code() + " " + m.value().stripTrailingZeros().toPlainString() + " " + m.unit() + " "
                        + m.effectiveAt() + " " + m.status())
                .sorted().toList();
    }

    private static List<String> alertsOf(Laptop laptop, Patient p) {
        return laptop.core.alerts().list(false, p.id()).stream()
                .map(a -> a.id() + " " + a.ruleId() + " " + a.level() + " " + a.status() + " " + a.enrollmentId())
                .sorted().toList();
    }
}
