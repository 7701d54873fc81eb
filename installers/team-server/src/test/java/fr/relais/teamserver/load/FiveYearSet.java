package fr.relais.teamserver.load;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import fr.relais.core.RelaisCore;
import fr.relais.core.StoreTemplate;
import fr.relais.core.measure.MeasureSource;
import fr.relais.core.measure.NewMeasure;
import fr.relais.core.session.Actor;
import fr.relais.core.session.UserSession;
import fr.relais.sync.composition.SyncModule;
import fr.relais.sync.engine.SyncEngine;
import fr.relais.sync.engine.SyncProgress;
import fr.relais.sync.engine.SyncReport;
import fr.relais.sync.engine.SyncSettings;
import fr.relais.sync.fhir.IppNamespace;
import fr.relais.sync.fhir.RelaisFhir;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Random;
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
 * The data set one team reaches in five years, loaded into the server's PostgreSQL in transaction Bundles, then the
 * incremental sync of a laptop of that team on it. The estimate ({@link #PER_PATIENT_YEAR}) comes from the demo
 * pathways' schedules (docs/benchmarks.md, "Team server load test (issue 27)", gives the arithmetic). Every record of
 * the estimate is loaded as an Observation of the pathways' measures (tasks included: HAPI stores and indexes a Task
 * in the same tables, and an Observation has more search parameters to index), each patient as a Patient.
 */
final class FiveYearSet {
    /** Resources per patient and year: 1.25 pathways a patient (the demo's draw) times 393 a pathway-year. */
    static final int PER_PATIENT_YEAR = 491;
    static final int YEARS = 5;
    private static final int BUNDLE = 500;
    /** Incremental syncs timed, each way (nothing new, a few new weights). */
    private static final int SYNCS = 5;
    /** The pathways' measures, by their share of the estimate's observations: glycaemia, weight, SpO2, breathing rate. */
    private static final String[][] MEASURES = {
            {"2339-0", "g/L", "76"}, {"29463-7", "kg", "11"}, {"59408-5", "%", "7"}, {"9279-1", "/min", "6"}};

    private FiveYearSet() {
    }

    static void run(ServerProcess server, Path work, int patients, ProcessUsage usage) throws Exception {
        String team = "cpts-5ans-" + UUID.randomUUID().toString().substring(0, 8);
        int total = patients * PER_PATIENT_YEAR * YEARS;
        System.out.printf(Locale.ROOT, "%n== Five-year data set: %d patients × %d resources a patient-year × %d years = %,d resources%n",
                patients, PER_PATIENT_YEAR, YEARS, total);
        RelaisFhir.CONTEXT.getRestfulClientFactory().setSocketTimeout(600_000);
        IGenericClient client = RelaisFhir.CONTEXT.newRestfulGenericClient(server.baseUrl());
        client.registerInterceptor(new BearerTokenAuthInterceptor(server.token("chargement", team)));
        ProcessUsage.Cpu before = usage.cpu();
        long t = System.nanoTime();
        load(client, team, patients, total);
        double loadSeconds = (System.nanoTime() - t) / 1e9;
        ProcessUsage.Cpu loadCpu = usage.cpu().minus(before);
        System.out.printf(Locale.ROOT, "Loaded in %.0f s (%.0f resources/s; server CPU %.0f s JVM, %.0f s PostgreSQL); "
                + "server RSS now %.0f MB JVM, %.0f MB PostgreSQL%n", loadSeconds, total / loadSeconds, loadCpu.jvm(),
                loadCpu.database(), usage.memory().jvm(), usage.memory().database());

        String name = team + "-ide-0";
        try (RelaisCore core = RelaisCore.open(StoreTemplate.copyTo(work.resolve(name + ".db")), Clock.systemUTC(),
                new UserSession(new Actor(name, "IDE " + team, name)))) {
            SyncSettings settings = SyncSettings.of(server.baseUrl(), team, new SyncSettings.Auth.Bearer(server.token(name, team)))
                    .withIpp(new IppNamespace("1.2.250.1.999.99.1"));
            SyncEngine engine = new SyncModule(core).engine();
            long f = System.nanoTime();
            SyncReport first = engine.run(settings, SyncEngine.Mode.BOTH, SyncProgress.NONE, () -> false);
            System.out.printf(Locale.ROOT, "First sync of a laptop of this team: %,d pulled in %.0f s%n", first.pulled(),
                    (System.nanoTime() - f) / 1e9);
            List<Double> nothingNew = new ArrayList<>();
            List<Double> withChanges = new ArrayList<>();
            List<UUID> ids = core.patients().list(0, patients).stream().map(fr.relais.core.identity.Patient::id).toList();
            Random random = new Random(5);
            double loadBefore = ProcessUsage.loadAverage();
            for (int i = 0; i < SYNCS; i++) {
                nothingNew.add(timed(engine, settings));
                for (int m = 0; m < Laptop.MEASURES; m++) {
                    core.measures().record(new NewMeasure(ids.get(random.nextInt(ids.size())), "29463-7", String.valueOf(70 + random.nextInt(10)),
                            "kg", core.clock().instant().minusSeconds(60), MeasureSource.ENTERED));
                }
                withChanges.add(timed(engine, settings));
            }
            Collections.sort(nothingNew);
            Collections.sort(withChanges);
            System.out.printf(Locale.ROOT, "Incremental sync on the five-year set (%d each): nothing new p50 %.2f s, p95 %.2f s; "
                    + "%d new weights p50 %.2f s, p95 %.2f s (load average %.2f → %.2f)%n", SYNCS, DayRun.percentile(nothingNew, 50), DayRun.percentile(nothingNew, 95),
                    Laptop.MEASURES, DayRun.percentile(withChanges, 50), DayRun.percentile(withChanges, 95), loadBefore,
                    ProcessUsage.loadAverage());
        }
    }

    private static double timed(SyncEngine engine, SyncSettings settings) {
        long t = System.nanoTime();
        engine.run(settings, SyncEngine.Mode.BOTH, SyncProgress.NONE, () -> false);
        return (System.nanoTime() - t) / 1e9;
    }

    private static void load(IGenericClient client, String team, int patients, int total) {
        Random random = new Random(2027);
        Instant end = Instant.now();
        Instant start = end.minus(YEARS * 365L, ChronoUnit.DAYS);
        long span = end.getEpochSecond() - start.getEpochSecond();
        int perPatient = total / patients;
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        int loaded = 0;
        for (int p = 0; p < patients; p++) {
            String pid = UUID.randomUUID().toString();
            Patient patient = new Patient();
            patient.setId(pid);
            patient.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily("CINQANS").addGiven("Patient" + p);
            patient.setGender(p % 2 == 0 ? Enumerations.AdministrativeGender.FEMALE : Enumerations.AdministrativeGender.MALE)
                    .setBirthDate(Date.from(Instant.parse("1948-03-01T00:00:00Z").plus(p, ChronoUnit.DAYS)));
            add(bundle, patient, team);
            for (int o = 0; o < perPatient - 1; o++) {
                String[] measure = draw(random);
                Observation obs = new Observation();
                obs.setId(UUID.randomUUID().toString());
                obs.setStatus(Observation.ObservationStatus.FINAL);
                obs.setCode(new CodeableConcept(new Coding(RelaisFhir.LOINC, measure[0], null)));
                obs.setSubject(new Reference("Patient/" + pid));
                obs.setEffective(new DateTimeType(Date.from(start.plusSeconds(span * o / perPatient))));
                obs.setValue(new Quantity().setValue(value(measure[0], random)).setUnit(measure[1]).setSystem(RelaisFhir.UCUM).setCode(measure[1]));
                add(bundle, obs, team);
                if (bundle.getEntry().size() >= BUNDLE) {
                    client.transaction().withBundle(bundle).execute();
                    loaded += bundle.getEntry().size();
                    bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
                    if (loaded % 10_000 < BUNDLE) {
                        System.out.printf(Locale.ROOT, "  %,d loaded%n", loaded);
                    }
                }
            }
        }
        if (!bundle.getEntry().isEmpty()) {
            client.transaction().withBundle(bundle).execute();
        }
    }

    private static String[] draw(Random random) {
        int r = random.nextInt(100);
        for (String[] measure : MEASURES) {
            r -= Integer.parseInt(measure[2]);
            if (r < 0) {
                return measure;
            }
        }
        return MEASURES[0];
    }

    private static BigDecimal value(String code, Random random) {
        return switch (code) {
            case "2339-0" -> BigDecimal.valueOf(90 + random.nextInt(60), 2);
            case "29463-7" -> BigDecimal.valueOf(650 + random.nextInt(200), 1);
            case "59408-5" -> BigDecimal.valueOf(90 + random.nextInt(9));
            default -> BigDecimal.valueOf(14 + random.nextInt(10));
        };
    }

    private static void add(Bundle bundle, Resource r, String team) {
        r.getMeta().addTag(RelaisFhir.TEAM_TAG_SYSTEM, team, null);
        String url = r.fhirType() + "/" + r.getIdElement().getIdPart();
        bundle.addEntry().setFullUrl(url).setResource(r).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl(url);
    }
}
