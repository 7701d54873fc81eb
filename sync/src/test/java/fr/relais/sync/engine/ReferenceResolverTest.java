package fr.relais.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.identity.Patient;
import fr.relais.core.identity.PatientService;
import fr.relais.core.replication.SyncLink;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every reference a push sends names its target as the server knows it, or the record waits for its target. */
class ReferenceResolverTest {
    @TempDir
    Path dir;
    Laptop laptop;
    ReferenceResolver resolver;

    @BeforeEach
    void setUp() {
        laptop = new Laptop(dir, "resolver", "http://127.0.0.1:9/fhir", null); // never contacted
        resolver = new ReferenceResolver(laptop.core.outbox(), laptop.core.syncState(), SyncEngine.kinds(laptop.sync.stores()));
    }

    @AfterEach
    void tearDown() {
        laptop.close();
    }

    private void linkTo(Patient p, String serverId) {
        laptop.core.database().inTransaction(() -> {
            laptop.core.syncState().saveLink(new SyncLink(PatientService.RECORD, p.id(), serverId, "1", Instant.EPOCH, "{\"resourceType\":\"Patient\"}"));
            laptop.core.outbox().acknowledge(PatientService.RECORD, p.id(), Long.MAX_VALUE);
            return null;
        });
    }

    @Test
    void aWeightOfAHospitalNumberedPatientNamesThePatientByTheServersNumber() {
        Patient p = laptop.register("LE GALL", "Marie", "IPP-1");
        linkTo(p, "1001");
        Observation weight = new Observation().setSubject(new Reference("Patient/" + p.id()));
        weight.addExtension("urn:example:about", new Reference("Patient/" + p.id()));

        var missing = resolver.resolve(weight, Optional.empty());

        assertThat(missing).isEmpty();
        assertThat(weight.getSubject().getReference()).isEqualTo("Patient/1001");
        assertThat(((Reference) weight.getExtensionByUrl("urn:example:about").getValue()).getReference()).isEqualTo("Patient/1001");
    }

    @Test
    void aWeightOfAPatientNotYetOnTheServerWaitsForThePatient() {
        Patient p = laptop.register("QUEMENER", "Anne", "IPP-2");
        Observation weight = new Observation().setSubject(new Reference("Patient/" + p.id()));

        var missing = resolver.resolve(weight, Optional.empty());

        assertThat(missing).containsExactly(new ReferenceResolver.Target(PatientService.RECORD, p.id(), true));
        assertThat(weight.getSubject().getReference()).isEqualTo("Patient/" + p.id());
    }

    @Test
    void aReferenceToARecordThisWorkstationNeverQueuedIsNotSent() {
        UUID unknown = UUID.randomUUID();
        Observation weight = new Observation().setSubject(new Reference("Patient/" + unknown));

        var missing = resolver.resolve(weight, Optional.empty());

        assertThat(missing).containsExactly(new ReferenceResolver.Target(PatientService.RECORD, unknown, false));
    }

    @Test
    void aReferenceTheServerAlreadyHeldIsLeftAsItWas() {
        String theirs = "Practitioner/" + UUID.randomUUID();
        Observation onServer = new Observation();
        onServer.addPerformer(new Reference(theirs));
        Observation sent = onServer.copy();

        var missing = resolver.resolve(sent, Optional.of(onServer));

        assertThat(missing).isEmpty();
        assertThat(sent.getPerformerFirstRep().getReference()).isEqualTo(theirs);
    }
}
