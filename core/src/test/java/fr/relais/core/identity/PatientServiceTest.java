package fr.relais.core.identity;

import static fr.relais.core.store.schema.Tables.AUDIT_EVENT;
import static fr.relais.core.store.schema.Tables.PATIENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.core.TestServices;
import fr.relais.core.error.BadInputException;
import fr.relais.core.store.StoreKind;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatientServiceTest {
    @TempDir
    Path dir;
    TestServices services;
    PatientService patients;

    @BeforeEach
    void open() {
        services = new TestServices(dir.resolve("relais.db"));
        patients = services.patients;
    }

    @AfterEach
    void close() {
        services.close();
    }

    private static StrictTraits marie() {
        return new StrictTraits("DURAND", List.of("Marie", "Hélène"), Sex.F, LocalDate.of(1995, 10, 3), "99126");
    }

    private static Ins testIns() {
        return new Ins(InsMatricule.parse("ins", "295109912611193"), InsOid.NIR_TEST);
    }

    @Test
    void registersAProvisionalPatientWithItsHistoryAndAudit() {
        Registration registration = patients.register(new NewPatient(marie(), "MARTIN", null, "IPP1", null, null, null));

        Patient stored = patients.get(registration.patient().id());
        assertThat(stored).isEqualTo(registration.patient());
        assertThat(stored.status()).isEqualTo(IdentityStatus.PROV);
        assertThat(stored.traits().birthGivenNames()).containsExactly("Marie", "Hélène");
        assertThat(stored.displayName()).isEqualTo("MARTIN Marie");
        assertThat(stored.exchangeableIns()).isEmpty();
        assertThat(patients.identityHistory(stored.id())).singleElement()
                .satisfies(e -> assertThat(e.to()).isEqualTo(IdentityStatus.PROV));
        assertThat(services.audit.forPatient(stored.id())).extracting(a -> a.action()).containsExactly("patient.create");
        assertThat(patients.resolve("IPP1").id()).isEqualTo(stored.id());
    }

    @Test
    void aTestOidIsRefusedInAProductionStoreAndAcceptedInADemoStore() {
        NewPatient typed = new NewPatient(marie(), null, null, null, testIns(), new IdentityEvidence(InsSource.SM, IdentityDocument.CN), null);
        assertThatThrownBy(() -> patients.register(typed))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.reasonKey()).isEqualTo("ins.oid.fictitiousInProduction"));
        Patient checked = patients.register(new NewPatient(marie(), null, null, null, null, typed.evidence(), null)).patient();
        assertThatThrownBy(() -> patients.recordInsiAnswer(checked.id(), new TestInsiAnswer(testIns(), marie()), "INSi"))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.reasonKey()).isEqualTo("ins.oid.fictitiousInProduction"));
        assertThat(patients.get(checked.id()).status()).isEqualTo(IdentityStatus.VALI);

        services.database.inTransaction(() -> services.database.meta().setKind(StoreKind.DEMO));
        Patient patient = TestInsiAnswer.registerFromInsi(patients, typed, testIns(), IdentityDocument.CN);
        assertThat(patient.status()).isEqualTo(IdentityStatus.QUAL);
        assertThat(patient.exchangeableIns()).contains(testIns());
    }

    @Test
    void flagsLikelyDuplicatesBySameTraitsAndRefusesASecondRecordWithTheSameIns() {
        services.database.inTransaction(() -> services.database.meta().setKind(StoreKind.DEMO));
        Patient first = patients.register(new NewPatient(marie(), null, null, null, testIns(),
                new IdentityEvidence(InsSource.CV, null), null)).patient();
        StrictTraits sameTraitsOtherSpelling = new StrictTraits("Durand", List.of("MARIE"), Sex.F, LocalDate.of(1995, 10, 3), null);
        Registration second = patients.register(new NewPatient(sameTraitsOtherSpelling, null, null, null, null, null, null));
        assertThat(second.duplicates()).containsExactly(new DuplicateFlag(first.id(), DuplicateReason.SAME_TRAITS));

        StrictTraits otherTraits = new StrictTraits("LEROY", List.of("Anne"), Sex.F, LocalDate.of(1990, 1, 1), null);
        assertThatThrownBy(() -> patients.register(new NewPatient(otherTraits, null, null, null, testIns(),
                new IdentityEvidence(InsSource.CV, null), null)))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.reasonKey()).isEqualTo("ins.takenNoIpp"));
        assertThat(patients.duplicatesOf(first.id())).extracting(DuplicateFlag::otherPatientId)
                .containsExactly(second.patient().id());
    }

    @Test
    void correctingAStrictTraitOfAQualifiedIdentityDropsItToProvisional() {
        services.database.inTransaction(() -> services.database.meta().setKind(StoreKind.DEMO));
        Patient patient = TestInsiAnswer.registerFromInsi(patients, new NewPatient(marie(), null, null, null, null, null, null),
                testIns(), IdentityDocument.PA);
        assertThat(patient.status()).isEqualTo(IdentityStatus.QUAL);

        StrictTraits corrected = new StrictTraits("DURANT", marie().birthGivenNames(), Sex.F, marie().birthDate(), "99126");
        TraitCorrection correction = patients.correctTraits(patient.id(), corrected, "typo at the desk");

        assertThat(correction.patient().status()).isEqualTo(IdentityStatus.PROV);
        assertThat(correction.patient().evidence()).isEqualTo(IdentityEvidence.NONE);
        assertThat(correction.patient().exchangeableIns()).isEmpty();
        assertThat(correction.warnings()).extracting(IdentityWarning::key).containsExactly("identityStatus.dropped.QUAL");
        assertThat(patients.identityHistory(patient.id())).extracting(IdentityEvent::to)
                .containsExactly(IdentityStatus.VALI, IdentityStatus.QUAL, IdentityStatus.PROV);
    }

    @Test
    void newEvidenceRaisesTheStatusAndRecordsHow() {
        services.database.inTransaction(() -> services.database.meta().setKind(StoreKind.DEMO));
        Patient patient = patients.register(new NewPatient(marie(), null, null, null, null, null, null)).patient();
        Patient recup = patients.recordInsiAnswer(patient.id(), new TestInsiAnswer(testIns(), marie()), "INSi call");
        assertThat(recup.status()).isEqualTo(IdentityStatus.RECUP);
        Patient qual = patients.recordEvidence(patient.id(), null, new IdentityEvidence(InsSource.SM, IdentityDocument.CN), "CNI seen");
        assertThat(qual.status()).isEqualTo(IdentityStatus.QUAL);
        assertThat(qual.exchangeableIns()).contains(testIns());
        assertThat(patients.identityHistory(patient.id())).extracting(IdentityEvent::reason)
                .containsExactly("source=SM", "INSi call (source=INSI)", "CNI seen (source=INSI document=CN)");
        assertThatThrownBy(() -> patients.recordEvidence(patient.id(), null, IdentityEvidence.NONE, " "))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.input()).isEqualTo("reason"));
    }

    @Test
    void badInputNamesTheFieldAndLeavesTheStoreUnchanged() {
        patients.register(new NewPatient(marie(), null, null, "IPP1", null, null, null));
        int auditBefore = services.database.dsl().fetchCount(AUDIT_EVENT);

        assertThatThrownBy(() -> patients.register(new NewPatient(marie(), null, null, "IPP1", null, null, null)))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.input()).isEqualTo("ipp"));
        StrictTraits future = new StrictTraits("DURAND", List.of("Marie"), Sex.F, LocalDate.of(2030, 1, 1), null);
        assertThatThrownBy(() -> patients.register(new NewPatient(future, null, null, null, null, null, null)))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.input()).isEqualTo("birthDate"));
        StrictTraits digits = new StrictTraits("DUR4ND", List.of("Marie"), Sex.F, LocalDate.of(1960, 1, 1), null);
        assertThatThrownBy(() -> patients.register(new NewPatient(digits, null, null, null, null, null, null)))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.input()).isEqualTo("birthFamilyName"));
        StrictTraits badPlace = new StrictTraits("DURAND", List.of("Marie"), Sex.F, LocalDate.of(1960, 1, 1), "7505");
        assertThatThrownBy(() -> patients.register(new NewPatient(badPlace, null, null, null, null, null, null)))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.input()).isEqualTo("birthplace"));

        assertThat(services.database.dsl().fetchCount(PATIENT)).isEqualTo(1);
        assertThat(services.database.dsl().fetchCount(AUDIT_EVENT)).isEqualTo(auditBefore);
    }

    @Test
    void searchFindsByNamePrefixIppInsAndBirthDate() {
        services.database.inTransaction(() -> services.database.meta().setKind(StoreKind.DEMO));
        Patient marieDurand = patients.register(new NewPatient(marie(), "MARTIN", null, "IPP-42", testIns(),
                new IdentityEvidence(InsSource.CV, null), null)).patient();
        patients.register(new NewPatient(new StrictTraits("LEROY", List.of("Anne"), Sex.F, LocalDate.of(1950, 2, 2), null),
                null, null, null, null, null, null));

        assertThat(patients.search("dur", 10)).containsExactly(marieDurand);
        assertThat(patients.search("mart", 10)).containsExactly(marieDurand);
        assertThat(patients.search("hél", 10)).containsExactly(marieDurand);
        assertThat(patients.search("IPP-4", 10)).containsExactly(marieDurand);
        assertThat(patients.search("2951099", 10)).containsExactly(marieDurand);
        assertThat(patients.search("03/10/1995", 10)).containsExactly(marieDurand);
        assertThat(patients.search("1995-10-03", 10)).containsExactly(marieDurand);
        assertThat(patients.search("%", 10)).isEmpty();
        assertThat(patients.search("", 10)).hasSize(2);
    }

    @Test
    void patientsOfTheSameNameComeInTheSameOrderPageByPageAsInOneRead() {
        for (int i = 0; i < 7; i++) {
            services.registerPatient("MARTIN", "Paul", Sex.M, LocalDate.of(1940 + i, 1, 1), null);
        }
        services.registerPatient("MARTIN", "Anne", Sex.F, LocalDate.of(1950, 2, 2), null);
        services.registerPatient("ABADIE", "Luc", Sex.M, LocalDate.of(1951, 3, 3), null);
        // Married name in use: she is listed under BERNARD, between ABADIE and MARTIN.
        patients.register(new NewPatient(new StrictTraits("ZOLA", List.of("Inès"), Sex.F, LocalDate.of(1952, 4, 4), null),
                "BERNARD", null, null, null, null, null));
        List<java.util.UUID> oneRead = patients.list(0, 100).stream().map(Patient::id).toList();

        List<java.util.UUID> paged = new java.util.ArrayList<>();
        PatientKey after = null;
        for (List<Patient> page = patients.listAfter(null, 3); !page.isEmpty(); page = patients.listAfter(after, 3)) {
            page.forEach(p -> paged.add(p.id()));
            after = PatientKey.after(page.get(page.size() - 1));
        }

        assertThat(oneRead).hasSize(10);
        assertThat(paged).containsExactlyElementsOf(oneRead);
        List<Patient> listed = patients.list(0, 100);
        assertThat(listed.subList(0, 3)).extracting(Patient::familyName).containsExactly("ABADIE", "BERNARD", "MARTIN");
        assertThat(listed.subList(3, 10)).allSatisfy(p -> assertThat(p.displayName()).isEqualTo("MARTIN Paul"));
        assertThat(listed.subList(3, 10)).extracting(p -> p.id().toString()).isSorted();
    }
}
