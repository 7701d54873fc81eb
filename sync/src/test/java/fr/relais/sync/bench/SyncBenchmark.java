package fr.relais.sync.bench;

import fr.relais.sync.composition.SyncModule;
import ca.uhn.fhir.rest.api.CacheControlDirective;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import fr.relais.core.RelaisCore;
import fr.relais.core.session.Actor;
import fr.relais.core.session.UserSession;
import fr.relais.sync.engine.SyncEngine;
import fr.relais.sync.engine.SyncProgress;
import fr.relais.sync.engine.SyncReport;
import fr.relais.sync.engine.SyncSettings;
import fr.relais.sync.fhir.RelaisFhir;
import fr.relais.sync.server.JpaFhirServerMain;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Sync benchmark (not a test): starts the HAPI FHIR JPA test server in its own JVM, loads RESOURCES resources (a fifth
 * patients, the rest weight observations, in transactions of 50 like Relais' pushes), then times (1) paging through the team's searches over HTTP without storing anything,
 * (2) Relais' initial pull of the same into a fresh SQLite store, by paging, (3) the same initial pull by Bulk Data
 * {@code $export} into another fresh store (HAPI's export job included), (4) an incremental sync with nothing new. Usage
 * (after {@code ./mvnw -q -pl sync -am install -DskipTests}):
 * {@code java -Xmx3g -cp "sync/target/test-classes:sync/target/classes:$(cat /tmp/sync-cp.txt)" fr.relais.sync.bench.SyncBenchmark 100000}
 * with the classpath from {@code ./mvnw -q -pl sync dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/sync-cp.txt}.
 */
public final class SyncBenchmark {
    private static final int PAGE = 100;

    private SyncBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        long t0 = System.nanoTime();
        Process serverProcess = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g",
                "-cp", System.getProperty("java.class.path"), JpaFhirServerMain.class.getName())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String baseUrl = null;
        var lines = new java.io.BufferedReader(new java.io.InputStreamReader(serverProcess.getInputStream()));
        while (baseUrl == null) {
            String line = lines.readLine();
            if (line == null) {
                break;
            }
            baseUrl = line.startsWith("URL ") ? line.substring(4) : null;
        }
        Thread drain = new Thread(() -> lines.lines().forEach(l -> { }), "server-log-drain"); // keep the pipe flowing
        drain.setDaemon(true);
        drain.start();
        if (baseUrl == null) {
            throw new IllegalStateException("the JPA test server did not start");
        }
        Server server = new Server(baseUrl);
        System.out.printf("JPA test server (own JVM) started in %.1f s%n", seconds(t0));
        String team = "bench-" + UUID.randomUUID();
        long t1 = System.nanoTime();
        load(server, team, total);
        double loaded = seconds(t1);
        System.out.printf("Loaded %d resources in %.1f s%n%n", total, loaded);

        long t2 = System.nanoTime();
        int paged = page(server, team, Patient.class) + page(server, team, Observation.class);
        double raw = seconds(t2);

        Path db = Files.createTempDirectory("relais-sync-bench").resolve("pull.db");
        try (RelaisCore core = RelaisCore.open(db, Clock.systemUTC(), new UserSession(new Actor("bench", null, null)))) {
            SyncSettings settings = SyncSettings.of(server.baseUrl(), team, null).withIpp(new fr.relais.sync.fhir.IppNamespace("1.2.250.1.999.99.1")).withPageSize(PAGE)
                    .withFirstSyncExport(false);
            SyncEngine engine = new SyncModule(core).engine();
            long t3 = System.nanoTime();
            SyncReport pulled = engine.run(settings, SyncEngine.Mode.PULL_ONLY, SyncProgress.NONE, () -> false);
            double pull = seconds(t3);
            // The same first sync by Bulk Data $export (ADR 0019), into another fresh store, against the same server.
            double byExport;
            try (RelaisCore fresh = RelaisCore.open(db.resolveSibling("export.db"), Clock.systemUTC(),
                    new UserSession(new Actor("bench", null, null)))) {
                long t = System.nanoTime();
                SyncReport exported = new SyncModule(fresh).engine().run(settings.withFirstSyncExport(true), SyncEngine.Mode.PULL_ONLY,
                        SyncProgress.NONE, () -> false);
                byExport = seconds(t);
                if (exported.pulled() != pulled.pulled()) {
                    throw new IllegalStateException("the export stored " + exported.pulled() + " resources, paging " + pulled.pulled());
                }
            }
            // Untimed: the first full sync also sends this laptop's own audit trail (alerts raised on the measures...).
            engine.run(settings, SyncEngine.Mode.BOTH, SyncProgress.NONE, () -> false);
            long t4 = System.nanoTime();
            SyncReport again = engine.run(settings, SyncEngine.Mode.BOTH, SyncProgress.NONE, () -> false);
            double incremental = seconds(t4);
            System.out.printf("| step | resources | seconds | resources/s |%n|---|---|---|---|%n");
            System.out.printf("| paging the searches over HTTP, nothing stored | %d | %.1f | %.0f |%n", paged, raw, paged / raw);
            System.out.printf("| Relais initial pull (stored, linked, measures judged) | %d | %.1f | %.0f |%n", pulled.pulled(), pull,
                    pulled.pulled() / pull);
            System.out.printf("| Relais initial pull by $export (stored, linked, measures judged) | %d | %.1f | %.0f |%n", pulled.pulled(),
                    byExport, pulled.pulled() / byExport);
            System.out.printf("| incremental sync, nothing new | %d | %.2f | |%n%n", again.pulled() + again.pushed(), incremental);
            System.out.printf("First sync by $export: %.2f× faster than by paging (target at least 3× on 100,000 resources)%n", pull / byExport);
            long t5 = System.nanoTime();
            Instant now = Instant.now();
            RelaisFhir.CONTEXT.newRestfulGenericClient(server.baseUrl()).search().forResource(Observation.class)
                    .withTag(RelaisFhir.TEAM_TAG_SYSTEM, team).lastUpdated(new ca.uhn.fhir.rest.param.DateRangeParam(Date.from(now), null))
                    .sort().ascending("_lastUpdated").count(PAGE).cacheControl(new CacheControlDirective().setNoCache(true))
                    .returnBundle(Bundle.class).execute();
            double emptySearch = seconds(t5);
            System.out.printf("One empty incremental search (Observation, _lastUpdated >= now): %.0f ms%n", emptySearch * 1000);
            System.out.printf("Ratio pull / paging: %.2f (target at most 1.5); store %d MB%n", pull / raw,
                    Files.size(db) / (1024 * 1024));
            // Push batches (ADR 0018): the same number of new weights pushed one per request, then in Bundles of the
            // default size.
            double oneByOne = push(core, engine, settings.withPushBatch(1), PUSHED);
            double batched = push(core, engine, settings, PUSHED);
            System.out.printf("Push of %d weights: one per request %.0f records/s, in Bundles of %d %.0f records/s (×%.1f)%n",
                    PUSHED, oneByOne, settings.pushBatch(), batched, batched / oneByOne);
            // For the harness (the benchmarks module's BenchmarkHarness): one machine-readable line, last.
            System.out.printf(java.util.Locale.ROOT,
                    "RESULT paging=%.0f pull=%.0f ratio=%.2f exportPull=%.0f exportSpeedup=%.2f incremental=%.2f pushOne=%.0f pushBatched=%.0f"
                            + " emptySearch=%.3f plainTransactions=%.0f%n",
                    paged / raw, pulled.pulled() / pull, pull / raw, pulled.pulled() / byExport, pull / byExport, incremental, oneByOne, batched,
                    emptySearch, total / loaded);
        }
        serverProcess.getOutputStream().close();
        serverProcess.destroy();
        System.exit(0);
    }

    /** New weights pushed per push figure. */
    private static final int PUSHED = 500;

    /**
     * Records {@code count} weights for the pulled patients (untimed), then times a push-only sync of them: records per
     * second sent and acknowledged, sync links stored.
     */
    private static double push(RelaisCore core, SyncEngine engine, SyncSettings settings, int count) {
        java.util.List<UUID> patients = core.patients().list(0, 50).stream().map(fr.relais.core.identity.Patient::id).toList();
        Instant at = Instant.now().minus(1, ChronoUnit.DAYS);
        for (int i = 0; i < count; i++) {
            core.measures().record(new fr.relais.core.measure.NewMeasure(patients.get(i % patients.size()), "29463-7",
                    String.valueOf(60 + i % 20), "kg", at.plusSeconds(i), fr.relais.core.measure.MeasureSource.DEVICE));
        }
        long t = System.nanoTime();
        SyncReport pushed = engine.run(settings, SyncEngine.Mode.PUSH_ONLY, SyncProgress.NONE, () -> false);
        double seconds = seconds(t);
        if (pushed.pushed() < count) {
            throw new IllegalStateException("only " + pushed.pushed() + " of " + count + " weights pushed");
        }
        return pushed.pushed() / seconds;
    }

    /** Where the server listens. */
    private record Server(String baseUrl) {
    }

    private static void load(Server server, String team, int total) {
        // A loaded machine (2 cores shared) stores a transaction of 50 in more than the client's default 10 s: loading
        // is not what is measured, so it waits (the sync sets its own timeout afterwards).
        RelaisFhir.CONTEXT.getRestfulClientFactory().setSocketTimeout(600_000);
        IGenericClient client = RelaisFhir.CONTEXT.newRestfulGenericClient(server.baseUrl());
        int patients = total / 5;
        int perPatient = (total - patients) / patients;
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        Instant start = Instant.now().minus(30, ChronoUnit.DAYS);
        for (int p = 0; p < patients; p++) {
            String pid = UUID.randomUUID().toString();
            Patient patient = new Patient();
            patient.setId(pid);
            patient.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily("BENCH").addGiven("Patient");
            patient.setGender(Enumerations.AdministrativeGender.FEMALE).setBirthDate(Date.from(Instant.parse("1950-01-01T00:00:00Z")));
            add(bundle, patient, team);
            for (int o = 0; o < perPatient; o++) {
                Observation obs = new Observation();
                obs.setId(UUID.randomUUID().toString());
                obs.setStatus(Observation.ObservationStatus.FINAL);
                obs.setCode(new CodeableConcept(new Coding(RelaisFhir.LOINC, "29463-7", null)));
                obs.setSubject(new Reference("Patient/" + pid));
                obs.setEffective(new DateTimeType(Date.from(start.plus(o, ChronoUnit.HOURS))));
                obs.setValue(new Quantity().setValue(BigDecimal.valueOf(60 + o % 20)).setUnit("kg").setSystem(RelaisFhir.UCUM).setCode("kg"));
                add(bundle, obs, team);
            }
            if (bundle.getEntry().size() >= 50 || p == patients - 1) { // Relais pushes 50 per transaction too
                client.transaction().withBundle(bundle).execute();
                bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
            }
        }
    }

    private static void add(Bundle bundle, Resource r, String team) {
        r.getMeta().addTag(RelaisFhir.TEAM_TAG_SYSTEM, team, null);
        String url = r.fhirType() + "/" + r.getIdElement().getIdPart();
        bundle.addEntry().setFullUrl(url).setResource(r).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl(url);
    }

    /** The same searches as the sync, pages followed, nothing stored. */
    private static int page(Server server, String team, Class<? extends Resource> type) {
        IGenericClient client = RelaisFhir.CONTEXT.newRestfulGenericClient(server.baseUrl());
        Bundle page = client.search().forResource(type).withTag(RelaisFhir.TEAM_TAG_SYSTEM, team).sort().ascending("_lastUpdated")
                .count(PAGE).cacheControl(new CacheControlDirective().setNoCache(true)).returnBundle(Bundle.class).execute();
        int n = 0;
        while (true) {
            n += page.getEntry().size();
            if (page.getLink(Bundle.LINK_NEXT) == null) {
                return n;
            }
            page = client.loadPage().next(page).execute();
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
