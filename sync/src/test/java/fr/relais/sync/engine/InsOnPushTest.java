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
    static final String OTHER_MATRICULE = "295109912612381";

    @TempDir
    Path dir;

    @Test
    void onlyAQualifiedIdentityCarriesItsInsToTheServer() {
        try (Laptop laptop = new Laptop(dir, "ins-push", SERVER.baseUrl(), null)) {
            laptop.core.database().inTransaction(() -> laptop.core.database().meta().setKind(StoreKind.DEMO));
            Patient qualified = register(laptop, IdentityStatus.QUAL, "INS-Q-" + System.nanoTime());
            // An INS belongs to one identity: the retrieved identity is another person, with a matricule of its own.
            Patient retrieved = register(laptop, IdentityStatus.RECUP, "INS-R-" + System.nanoTime(), OTHER_MATRICULE);
            laptop.sync();

            var client = SERVER.fhirContext().newRestfulGenericClient(SERVER.baseUrl());
            var onServerQualified = client.read().resource(org.hl7.fhir.r4.model.Patient.class).withId(qualified.id().toString()).execute();
            var onServerRetrieved = client.read().resource(org.hl7.fhir.r4.model.Patient.class).withId(retrieved.id().toString()).execute();
            assertThat(onServerQualified.getIdentifier()).extracting(i -> i.getSystem() + "|" + i.getValue())
                    .contains("urn:oid:" + InsOid.NIR_TEST.oid() + "|" + MATRICULE);
            assertThat(onServerRetrieved.getIdentifier()).extracting(i -> i.getValue()).doesNotContain(OTHER_MATRICULE).contains(retrieved.ipp());
            assertThat(SERVER.fhirContext().newJsonParser().encodeResourceToString(onServerRetrieved)).doesNotContain(OTHER_MATRICULE);
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

    @Test
    void aPatientPulledWithAnInsHeldHereIsKeptAndFlaggedForTheReferent() {
        try (Laptop office = new Laptop(dir, "ins-office", SERVER.baseUrl(), null);
             Laptop visit = new Laptop(dir, "ins-visit", SERVER.baseUrl(), null)) {
            office.core.database().inTransaction(() -> office.core.database().meta().setKind(StoreKind.DEMO));
            visit.core.database().inTransaction(() -> visit.core.database().meta().setKind(StoreKind.DEMO));
            Patient qualified = register(office, IdentityStatus.QUAL, "INS-O-" + System.nanoTime());
            office.sync();
            // Typed from the carte Vitale at a home visit, before this laptop had the office's record.
            Patient typed = visit.core.patients().register(new NewPatient(new StrictTraits("LEFEVRE", List.of("Helene"), Sex.F,
                    LocalDate.of(1995, 10, 3), null), null, null, "INS-V-" + System.nanoTime(),
                    new Ins(InsMatricule.parse("ins", MATRICULE), InsOid.NIR_TEST),
                    new fr.relais.core.identity.IdentityEvidence(fr.relais.core.identity.InsSource.CV, null), null)).patient();
            visit.sync();

            Patient pulled = visit.core.patients().get(qualified.id());
            assertThat(pulled.ins().matricule().value()).isEqualTo(MATRICULE);
            assertThat(pulled.replacedBy()).isNull();
            assertThat(visit.core.patients().get(typed.id()).replacedBy()).isNull();
            assertThat(visit.core.patients().duplicatesOf(typed.id()))
                    .contains(new fr.relais.core.identity.DuplicateFlag(qualified.id(), fr.relais.core.identity.DuplicateReason.SAME_INS));
        }
    }

    private static Patient register(Laptop laptop, IdentityStatus status, String ipp) {
        return register(laptop, status, ipp, MATRICULE);
    }

    private static Patient register(Laptop laptop, IdentityStatus status, String ipp, String matricule) {
        return fr.relais.core.identity.TestInsiAnswer.registerFromInsi(laptop.core.patients(), new NewPatient(new StrictTraits("LEFÈVRE", List.of("Hélène"), Sex.F, LocalDate.of(1995, 10, 3),
                "99126"), null, null, ipp, null, null, null),
                new Ins(InsMatricule.parse("ins", matricule), InsOid.NIR_TEST), status == IdentityStatus.QUAL ? IdentityDocument.CN : null);
    }
}
