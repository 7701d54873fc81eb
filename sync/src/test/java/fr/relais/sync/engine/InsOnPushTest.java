package fr.relais.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.identity.IdentityDocument;
import fr.relais.core.identity.IdentityStatus;
import fr.relais.core.identity.Ins;
import fr.relais.core.identity.InsMatricule;
import fr.relais.core.identity.InsOid;
import fr.relais.core.identity.NewPatient;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.Sex;
import fr.relais.core.identity.StrictTraits;
import fr.relais.core.store.StoreKind;
import fr.relais.sync.server.JpaFhirServer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The INS reaches the team server only for a qualified identity; other identities travel with their IPP. */
class InsOnPushTest {
    static final JpaFhirServer SERVER = JpaFhirServer.shared();
    static final String MATRICULE = "295109912611193";

    @TempDir
    Path dir;

    @Test
    void onlyAQualifiedIdentityCarriesItsInsToTheServer() {
        try (Laptop laptop = new Laptop(dir, "ins-push", SERVER.baseUrl(), null)) {
            laptop.core.database().inTransaction(() -> laptop.core.database().meta().setKind(StoreKind.DEMO));
            Patient qualified = register(laptop, IdentityStatus.QUAL, "INS-Q-" + System.nanoTime());
            Patient retrieved = register(laptop, IdentityStatus.RECUP, "INS-R-" + System.nanoTime());
            laptop.sync();

            var client = SERVER.fhirContext().newRestfulGenericClient(SERVER.baseUrl());
            var onServerQualified = client.read().resource(org.hl7.fhir.r4.model.Patient.class).withId(qualified.id().toString()).execute();
            var onServerRetrieved = client.read().resource(org.hl7.fhir.r4.model.Patient.class).withId(retrieved.id().toString()).execute();
            assertThat(onServerQualified.getIdentifier()).extracting(i -> i.getSystem() + "|" + i.getValue())
                    .contains("urn:oid:" + InsOid.NIR_TEST.oid() + "|" + MATRICULE);
            assertThat(onServerRetrieved.getIdentifier()).extracting(i -> i.getValue()).doesNotContain(MATRICULE).contains(retrieved.ipp());
            assertThat(SERVER.fhirContext().newJsonParser().encodeResourceToString(onServerRetrieved)).doesNotContain(MATRICULE);
        }
    }

    @Test
    void aBirthDateCorrectedOnTheServerDropsTheLocalQualifiedIdentityToProvisional() {
        try (Laptop laptop = new Laptop(dir, "ins-drop", SERVER.baseUrl(), null)) {
            laptop.core.database().inTransaction(() -> laptop.core.database().meta().setKind(StoreKind.DEMO));
            Patient qualified = register(laptop, IdentityStatus.QUAL, "INS-D-" + System.nanoTime());
            laptop.sync();

            // Another system corrects the birth date on the server and leaves the reliability evidence as it was.
            var client = SERVER.fhirContext().newRestfulGenericClient(SERVER.baseUrl());
            var onServer = client.read().resource(org.hl7.fhir.r4.model.Patient.class).withId(qualified.id().toString()).execute();
            onServer.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1995-10-13"));
            client.update().resource(onServer).execute();
            laptop.sync();

            Patient after = laptop.core.patients().get(qualified.id());
            assertThat(after.traits().birthDate()).isEqualTo(LocalDate.of(1995, 10, 13));
            assertThat(after.status()).isEqualTo(IdentityStatus.PROV);
            assertThat(after.exchangeableIns()).isEmpty();
        }
    }

    private static Patient register(Laptop laptop, IdentityStatus status, String ipp) {
        return fr.relais.core.identity.TestInsiAnswer.registerFromInsi(laptop.core.patients(), new NewPatient(new StrictTraits("LEFÈVRE", List.of("Hélène"), Sex.F, LocalDate.of(1995, 10, 3),
                "99126"), null, null, ipp, null, null, null),
                new Ins(InsMatricule.parse("ins", MATRICULE), InsOid.NIR_TEST), status == IdentityStatus.QUAL ? IdentityDocument.CN : null);
    }
}
