package fr.relais.sync.engine;

import fr.relais.core.SteadyClock;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.StrictTraits;
import fr.relais.core.measure.Measure;
import fr.relais.core.measure.MeasureCatalog;
import fr.relais.core.measure.MeasureSource;
import fr.relais.core.measure.MeasureStatus;
import fr.relais.core.measure.NewMeasure;
import fr.relais.core.replication.Conflict;
import fr.relais.sync.fhir.RelaisFhir;
import fr.relais.sync.server.JpaFhirServer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two laptops and the reference HAPI FHIR JPA server: nothing lost, nothing duplicated, conflicts in the inbox. */
class SyncEngineTest {
    static final JpaFhirServer SERVER = JpaFhirServer.shared();

    @TempDir
    Path dir;
    String team;
    Laptop a;
    Laptop b;

    @BeforeEach
    void setUp() {
        team = "team-" + UUID.randomUUID(); // each test sees only its own records on the shared server
        a = new Laptop(dir, "a", SERVER.baseUrl(), team);
        b = new Laptop(dir, "b", SERVER.baseUrl(), team);
    }

    @AfterEach
    void tearDown() {
        a.close();
        b.close();
    }

    private IGenericClient client() {
        return RelaisFhir.CONTEXT.newRestfulGenericClient(SERVER.baseUrl());
    }

    private int serverCount(Class<? extends org.hl7.fhir.r4.model.Resource> type) {
        return new SyncEngineTestSupport(SERVER, team).count(type);
    }

    @Test
    void aPatientAndHerMeasuresTravelFromOneLaptopToAnother() {
        Patient p = a.register("DURAND", "Jeanne", "IPP-1");
        Instant at = SteadyClock.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        Measure weight = a.core.measures().record(new NewMeasure(p.id(), MeasureCatalog.BODY_WEIGHT, "150", "[lb_av]", at, MeasureSource.ENTERED));
        Measure wrong = a.core.measures().record(new NewMeasure(p.id(), MeasureCatalog.SPO2, "80", "%", at, MeasureSource.DEVICE));
        a.core.measures().markEnteredInError(wrong.id(), "capteur mal placé");

        SyncReport pushed = a.sync();
        assertThat(pushed.pushed()).isEqualTo(3);
        assertThat(pushed.pending()).isZero();
        SyncReport pulled = b.sync();
        assertThat(pulled.pulled()).isEqualTo(3);

        Patient copy = b.core.patients().get(p.id());
        assertThat(copy.traits()).isEqualTo(p.traits());
        assertThat(copy.ipp()).isEqualTo("IPP-1");
        assertThat(copy.status()).isEqualTo(p.status());
        List<Measure> measures = b.core.measures().ofPatient(p.id(), null);
        assertThat(measures).extracting(Measure::id).containsExactlyInAnyOrder(weight.id(), wrong.id());
        Measure w = b.core.measures().find(weight.id()).orElseThrow();
        assertThat(w.value()).isEqualByComparingTo(weight.value());
        assertThat(w.originalValue() + " " + w.originalUnit()).isEqualTo("150 [lb_av]");
        assertThat(w.effectiveAt()).isEqualTo(at);
        assertThat(b.core.measures().find(wrong.id()).orElseThrow().status()).isEqualTo(MeasureStatus.ENTERED_IN_ERROR);
        // The wrong SpO2 raised no alert on B: it arrived entered-in-error.
        assertThat(b.core.outbox().count()).as("what came from the server is not sent back").isZero();

        assertThat(b.sync.status(false).state()).isEqualTo(SyncStatus.State.UP_TO_DATE);
        SyncReport nothing = b.sync();
        assertThat(nothing.pulled()).isZero();
        assertThat(nothing.pushed()).isZero();
        assertThat(serverCount(org.hl7.fhir.r4.model.Patient.class)).isEqualTo(1);
        assertThat(serverCount(org.hl7.fhir.r4.model.Observation.class)).isEqualTo(2);
    }

    @Test
    void editsOfDifferentFieldsMergeAndEditsOfTheSameFieldWaitInTheInbox() {
        Patient p = a.register("MARTIN", "Claire", "IPP-2");
        a.sync();
        b.sync();
        StrictTraits t = p.traits();
        // Offline, A corrects the birth name and B the birthplace.
        a.core.patients().correctTraits(p.id(), new StrictTraits("MARTINEZ", t.birthGivenNames(), t.sex(), t.birthDate(), t.birthplaceCode()), "erreur de saisie");
        b.core.patients().correctTraits(p.id(), new StrictTraits(t.birthFamilyName(), t.birthGivenNames(), t.sex(), t.birthDate(), "69123"), "lieu de naissance vérifié");
        a.sync();
        SyncReport merged = b.sync();
        assertThat(merged.merged()).isEqualTo(1);
        assertThat(merged.openConflicts()).isZero();
        a.sync();
        for (Laptop laptop : List.of(a, b)) {
            StrictTraits now = laptop.core.patients().get(p.id()).traits();
            assertThat(now.birthFamilyName()).isEqualTo("MARTINEZ");
            assertThat(now.birthplaceCode()).isEqualTo("69123");
        }

        // Both change the same field: the second to sync gets a conflict, keeps its value, and pushes nothing of it.
        a.core.patients().correctTraits(p.id(), new StrictTraits("MARTINES", t.birthGivenNames(), t.sex(), t.birthDate(), "69123"), "a");
        b.core.patients().correctTraits(p.id(), new StrictTraits("MARTINEAU", t.birthGivenNames(), t.sex(), t.birthDate(), "69123"), "b");
        a.sync();
        SyncReport conflicted = b.sync();
        assertThat(conflicted.conflicts()).isEqualTo(1);
        Conflict c = b.core.conflicts().list(true).get(0);
        assertThat(c.field()).isEqualTo("birthFamilyName");
        assertThat(List.of(c.baseValue(), c.localValue(), c.remoteValue())).containsExactly("MARTINEZ", "MARTINEAU", "MARTINES");
        assertThat(b.core.patients().get(p.id()).traits().birthFamilyName()).isEqualTo("MARTINEAU");
        assertThat(conflicted.pending()).as("the record waits for a person").isEqualTo(1);

        b.sync.conflictResolver().resolve(c.id(), ConflictResolver.Choice.LOCAL);
        assertThat(b.core.conflicts().find(c.id()).orElseThrow().resolvedBy()).isEqualTo("b");
        assertThat(b.sync().pushed()).isEqualTo(1);
        a.sync();
        assertThat(a.core.patients().get(p.id()).traits().birthFamilyName()).isEqualTo("MARTINEAU");
        assertThat(serverCount(org.hl7.fhir.r4.model.Patient.class)).isEqualTo(1);
    }

    @Test
    void takingTheServersValueResolvesAConflictLocally() {
        Patient p = a.register("PETIT", "Rose", "IPP-3");
        a.sync();
        b.sync();
        StrictTraits t = p.traits();
        a.core.patients().correctTraits(p.id(), new StrictTraits("PETITE", t.birthGivenNames(), t.sex(), t.birthDate(), t.birthplaceCode()), "a");
        b.core.patients().correctTraits(p.id(), new StrictTraits("PETTIT", t.birthGivenNames(), t.sex(), t.birthDate(), t.birthplaceCode()), "b");
        a.sync();
        b.sync();
        Conflict c = b.core.conflicts().list(true).get(0);
        b.sync.conflictResolver().resolve(c.id(), ConflictResolver.Choice.REMOTE);
        assertThat(b.core.patients().get(p.id()).traits().birthFamilyName()).isEqualTo("PETITE");
        b.sync();
        a.sync();
        assertThat(a.core.patients().get(p.id()).traits().birthFamilyName()).isEqualTo("PETITE");
        assertThat(b.core.conflicts().list(true)).isEmpty();
    }

    @Test
    void whatRelaisDoesNotModelSurvivesARoundTrip() {
        Patient p = a.register("LEROY", "Anne", "IPP-4");
        a.sync();
        // Another system adds a phone number and an extension Relais knows nothing about.
        org.hl7.fhir.r4.model.Patient onServer = client().read().resource(org.hl7.fhir.r4.model.Patient.class).withId(p.id().toString()).execute();
        onServer.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("+33 6 12 34 56 78");
        onServer.addExtension("https://example.org/fhir/StructureDefinition/preferred-pharmacy", new StringType("Pharmacie du Port"));
        client().update().resource(onServer).execute();

        a.sync();
        StrictTraits t = p.traits();
        a.core.patients().correctTraits(p.id(), new StrictTraits("LE ROY", t.birthGivenNames(), t.sex(), t.birthDate(), t.birthplaceCode()), "orthographe");
        a.sync();

        org.hl7.fhir.r4.model.Patient after = client().read().resource(org.hl7.fhir.r4.model.Patient.class).withId(p.id().toString()).execute();
        assertThat(after.getTelecomFirstRep().getValue()).isEqualTo("+33 6 12 34 56 78");
        assertThat(after.getExtensionByUrl("https://example.org/fhir/StructureDefinition/preferred-pharmacy").getValue().primitiveValue())
                .isEqualTo("Pharmacie du Port");
        assertThat(after.getName().stream().filter(n -> n.getUse() == org.hl7.fhir.r4.model.HumanName.NameUse.OFFICIAL)
                .findFirst().orElseThrow().getFamily()).isEqualTo("LE ROY");
        assertThat(after.getMeta().getVersionId()).isEqualTo("3");
    }

    @Test
    void aPushRetriedAfterALostAnswerCreatesNoDuplicate() {
        Patient p = a.register("MOREAU", "Lise", "IPP-5");
        a.sync();
        // The answer to the first push was lost: the laptop still believes the patient is new and pushes it again.
        a.core.database().dsl().execute("DELETE FROM sync_link");
        a.core.outbox().record(fr.relais.core.identity.PatientService.RECORD, p.id());
        SyncReport again = a.engine.run(a.settings, SyncEngine.Mode.PUSH_ONLY, SyncProgress.NONE, () -> false);
        assertThat(again.pushed()).isEqualTo(1);
        assertThat(a.core.syncState().link(fr.relais.core.identity.PatientService.RECORD, p.id()).orElseThrow().serverId())
                .isEqualTo(p.id().toString());
        assertThat(serverCount(org.hl7.fhir.r4.model.Patient.class)).isEqualTo(1);
    }
}
