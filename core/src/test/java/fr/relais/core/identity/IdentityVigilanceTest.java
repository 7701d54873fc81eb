package fr.relais.core.identity;

import static fr.relais.core.store.schema.Tables.OUTBOX;
import static fr.relais.core.store.schema.Tables.PATIENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.core.TestServices;
import fr.relais.core.careteam.CareRole;
import fr.relais.core.careteam.Profession;
import fr.relais.core.error.BadInputException;
import fr.relais.core.measure.MeasureCatalog;
import fr.relais.core.measure.MeasureSource;
import fr.relais.core.measure.NewMeasure;
import fr.relais.core.store.StoreKind;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 21, items 6 and 7: QUAL only from INSi, coherent INS, statuses re-derived on sync, duplicates merged. */
class IdentityVigilanceTest {
    /** F, born October 1995, abroad (99) in Greece (126). */
    private static final Ins INS = new Ins(InsMatricule.parse("ins", "295109912611193"), InsOid.NIR_TEST);
    private static final Ins OTHER_INS = new Ins(InsMatricule.parse("ins", "253072B07300470"), InsOid.NIR_TEST);

    @TempDir
    Path dir;
    TestServices s;
    PatientService patients;

    @BeforeEach
    void open() {
        s = new TestServices(dir.resolve("relais.db"));
        s.database.inTransaction(() -> s.database.meta().setKind(StoreKind.DEMO));
        patients = s.patients;
    }

    @AfterEach
    void close() {
        s.close();
    }

    private static StrictTraits helene() {
        return new StrictTraits("LEFÈVRE", List.of("Hélène", "Zoé"), Sex.F, LocalDate.of(1995, 10, 3), "99126");
    }

    private static NewPatient typed(StrictTraits traits, Ins ins, InsSource source, IdentityDocument document, IdentityStatus status) {
        return new NewPatient(traits, null, null, null, ins, new IdentityEvidence(source, document), status);
    }

    private Patient qualified(String ipp) {
        return TestInsiAnswer.registerFromInsi(patients, new NewPatient(helene(), null, null, ipp, null, null, null), INS, IdentityDocument.CN);
    }

    @Test
    void aTypedInsiSourceCannotQualifyAnIdentity() {
        assertThatThrownBy(() -> patients.register(typed(helene(), INS, InsSource.INSI, IdentityDocument.CN, IdentityStatus.QUAL)))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.reasonKey()).isEqualTo("insSource.typedNationalService"));
        assertThatThrownBy(() -> patients.register(typed(helene(), INS, InsSource.AV, IdentityDocument.AV, null)))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.reasonKey()).isEqualTo("insSource.typedNationalService"));
        Patient provisional = patients.register(typed(helene(), null, InsSource.SM, null, null)).patient();
        assertThatThrownBy(() -> patients.recordEvidence(provisional.id(), INS, new IdentityEvidence(InsSource.INSI, IdentityDocument.CN), "typed"))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.reasonKey()).isEqualTo("insSource.typedNationalService"));
        assertThat(patients.get(provisional.id()).status()).isEqualTo(IdentityStatus.PROV);
        assertThat(s.database.dsl().fetchCount(PATIENT)).isEqualTo(1);
    }

    @Test
    void anInsiAnswerAndAHighTrustDocumentQualifyTheIdentityWhateverTheirOrder() {
        Patient documentFirst = qualified("IPP-1");
        assertThat(documentFirst.status()).isEqualTo(IdentityStatus.QUAL);
        assertThat(documentFirst.evidence()).isEqualTo(new IdentityEvidence(InsSource.INSI, IdentityDocument.CN));

        Patient insiFirst = patients.register(new NewPatient(new StrictTraits("LEFEVRE", List.of("HELENE", "ZOE"), Sex.F,
                LocalDate.of(1995, 10, 3), "99126"), null, null, "IPP-2", null, null, null)).patient();
        // An INS belongs to one identity: this second record (tested in the other order) gets a matricule of its own.
        Ins own = new Ins(InsMatricule.parse("ins", "295109912612381"), InsOid.NIR_TEST);
        Patient recup = patients.recordInsiAnswer(insiFirst.id(), new TestInsiAnswer(own, helene()), "INSi");
        assertThat(recup.status()).isEqualTo(IdentityStatus.RECUP);
        assertThat(recup.traits()).as("the reference base's spelling is kept").isEqualTo(helene());
        assertThat(patients.recordEvidence(insiFirst.id(), null, new IdentityEvidence(InsSource.SM, IdentityDocument.PA), "passeport vu")
                .status()).isEqualTo(IdentityStatus.QUAL);
    }

    @Test
    void anInsiAnswerForOtherTraitsIsRefused() {
        Patient patient = patients.register(typed(new StrictTraits("LEFÈVRE", List.of("Hélène"), Sex.F, LocalDate.of(1995, 10, 4), "99126"),
                null, InsSource.SM, IdentityDocument.CN, null)).patient();
        assertThatThrownBy(() -> patients.recordInsiAnswer(patient.id(), new TestInsiAnswer(INS, helene()), "INSi"))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.reasonKey()).isEqualTo("insi.traitsDiffer"));
        assertThat(patients.get(patient.id()).status()).isEqualTo(IdentityStatus.VALI);
    }

    @Test
    void anInsWhoseSexDigitContradictsTheTraitsIsRefusedForValidation() {
        StrictTraits male = new StrictTraits("LEFÈVRE", List.of("Henri"), Sex.M, LocalDate.of(1995, 10, 3), "99126");
        assertThatThrownBy(() -> patients.register(typed(male, INS, InsSource.CV, IdentityDocument.CN, null)))
                .isInstanceOfSatisfying(BadInputException.class, e -> {
                    assertThat(e.reasonKey()).isEqualTo("ins.refused.sex");
                    assertThat(e.input()).isEqualTo("sex");
                });
        assertThat(s.database.dsl().fetchCount(PATIENT)).isZero();
    }

    @Test
    void anInsWhoseBirthYearOrMonthContradictsTheTraitsIsRefusedForQualification() {
        StrictTraits otherYear = new StrictTraits("LEFÈVRE", List.of("Hélène"), Sex.F, LocalDate.of(1994, 10, 3), "99126");
        Patient year = patients.register(typed(otherYear, null, InsSource.SM, IdentityDocument.CN, null)).patient();
        assertThatThrownBy(() -> patients.recordInsiAnswer(year.id(), new TestInsiAnswer(INS, otherYear), "INSi"))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.reasonKey()).isEqualTo("ins.refused.year"));
        StrictTraits otherMonth = new StrictTraits("LEFÈVRE", List.of("Hélène"), Sex.F, LocalDate.of(1995, 11, 3), "99126");
        assertThatThrownBy(() -> patients.register(typed(otherMonth, INS, InsSource.SM, IdentityDocument.PA, null)))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.reasonKey()).isEqualTo("ins.refused.month"));
        assertThat(patients.get(year.id()).status()).isEqualTo(IdentityStatus.VALI);
    }

    @Test
    void aProvisionalIdentityWithAContradictingInsIsOnlyWarned() {
        StrictTraits male = new StrictTraits("LEFÈVRE", List.of("Henri"), Sex.M, LocalDate.of(1995, 10, 3), null);
        Registration registration = patients.register(typed(male, INS, InsSource.CV, null, null));
        assertThat(registration.patient().status()).isEqualTo(IdentityStatus.PROV);
        assertThat(registration.warnings()).extracting(IdentityWarning::key).containsExactly("ins.warn.sex");
    }

    @Test
    void aQualifiedIdentityNeedsTheBirthplace() {
        StrictTraits noPlace = new StrictTraits("LEFÈVRE", List.of("Hélène"), Sex.F, LocalDate.of(1995, 10, 3), null);
        Patient patient = patients.register(typed(noPlace, null, InsSource.SM, IdentityDocument.CN, null)).patient();
        assertThatThrownBy(() -> patients.recordInsiAnswer(patient.id(), new TestInsiAnswer(INS, noPlace), "INSi"))
                .isInstanceOfSatisfying(BadInputException.class, e -> {
                    assertThat(e.reasonKey()).isEqualTo("birthplace.requiredForQual");
                    assertThat(e.input()).isEqualTo("birthplace");
                });
        assertThat(patients.get(patient.id()).status()).isEqualTo(IdentityStatus.VALI);
    }

    @Test
    void aBirthDateCorrectedOnTheServerDropsTheLocalQualifiedIdentityToProvisional() {
        Patient local = qualified("IPP-1");
        StrictTraits corrected = new StrictTraits("LEFÈVRE", List.of("Hélène", "Zoé"), Sex.F, LocalDate.of(1995, 10, 13), "99126");
        Patient received = patients.applySynced(new Patient(local.id(), corrected, null, null, "IPP-1", INS, IdentityStatus.QUAL,
                local.evidence(), null, null, null), "https://serveur.example/fhir");
        assertThat(received.status()).isEqualTo(IdentityStatus.PROV);
        assertThat(received.exchangeableIns()).isEmpty();
        assertThat(received.traits().birthDate()).isEqualTo(LocalDate.of(1995, 10, 13));
        assertThat(patients.identityHistory(local.id())).last().satisfies(e -> {
            assertThat(e.from()).isEqualTo(IdentityStatus.QUAL);
            assertThat(e.to()).isEqualTo(IdentityStatus.PROV);
            assertThat(e.reason()).contains("strict traits changed on the server");
        });
    }

    @Test
    void aTraitChangeReceivedWithANewCheckKeepsTheStatusItsEvidenceSupports() {
        Patient local = patients.register(typed(helene(), null, InsSource.SM, IdentityDocument.PA, null)).patient();
        StrictTraits corrected = new StrictTraits("LEFÈVRE", List.of("Hélène", "Zoé"), Sex.F, LocalDate.of(1995, 10, 13), "99126");
        Patient received = patients.applySynced(new Patient(local.id(), corrected, null, null, null, null, IdentityStatus.VALI,
                new IdentityEvidence(InsSource.SM, IdentityDocument.CN), null, null, null), "serveur");
        assertThat(received.status()).isEqualTo(IdentityStatus.VALI);
    }

    @Test
    void aReceivedIdentityIsReDerivedFromItsEvidenceNotFromTheStatusItStates() {
        java.util.UUID stated = java.util.UUID.randomUUID();
        Patient withoutInsi = patients.applySynced(new Patient(stated, helene(), null, null, "IPP-A", INS, IdentityStatus.QUAL,
                new IdentityEvidence(InsSource.SM, IdentityDocument.CN), null, null, null), "serveur");
        assertThat(withoutInsi.status()).isEqualTo(IdentityStatus.VALI);

        Patient lowTrust = patients.applySynced(new Patient(java.util.UUID.randomUUID(), helene(), null, null, "IPP-B", INS,
                IdentityStatus.QUAL, new IdentityEvidence(InsSource.INSI, IdentityDocument.AN), null, null, null), "serveur");
        assertThat(lowTrust.status()).isEqualTo(IdentityStatus.RECUP);

        Patient real = patients.applySynced(new Patient(java.util.UUID.randomUUID(), helene(), null, null, "IPP-C", INS,
                IdentityStatus.QUAL, new IdentityEvidence(InsSource.INSI, IdentityDocument.CN), null, null, null), "serveur");
        assertThat(real.status()).isEqualTo(IdentityStatus.QUAL);

        StrictTraits male = new StrictTraits("LEFÈVRE", List.of("Henri"), Sex.M, LocalDate.of(1995, 10, 3), "99126");
        Patient contradicting = patients.applySynced(new Patient(java.util.UUID.randomUUID(), male, null, null, "IPP-D", INS,
                IdentityStatus.QUAL, new IdentityEvidence(InsSource.INSI, IdentityDocument.CN), null, null, null), "serveur");
        assertThat(contradicting.status()).isEqualTo(IdentityStatus.PROV);

        StrictTraits noPlace = new StrictTraits("LEFÈVRE", List.of("Hélène"), Sex.F, LocalDate.of(1995, 10, 3), null);
        Patient withoutBirthplace = patients.applySynced(new Patient(java.util.UUID.randomUUID(), noPlace, null, null, "IPP-E", INS,
                IdentityStatus.QUAL, new IdentityEvidence(InsSource.INSI, IdentityDocument.CN), null, null, null), "serveur");
        assertThat(withoutBirthplace.status()).isEqualTo(IdentityStatus.RECUP);

        Patient statedProvisional = patients.applySynced(new Patient(java.util.UUID.randomUUID(), helene(), null, null, "IPP-F", INS,
                IdentityStatus.PROV, new IdentityEvidence(InsSource.INSI, IdentityDocument.CN), null, null, null), "serveur");
        assertThat(statedProvisional.status()).isEqualTo(IdentityStatus.PROV);
    }

    @Test
    void mergingTwoRecordsOfTheSamePersonMovesEveryMeasureToTheSurvivor() {
        Patient survivor = qualified("IPP-1");
        Patient duplicate = patients.register(new NewPatient(new StrictTraits("LEFEVRE", List.of("Helene"), Sex.F,
                LocalDate.of(1995, 10, 3), null), null, null, "IPP-2", null, null, null)).patient();
        assertThat(patients.duplicatesOf(duplicate.id())).extracting(DuplicateFlag::otherPatientId).containsExactly(survivor.id());
        var idec = s.careTeam.addProfessional("ROUX", "Renée", Profession.INFIRMIER, null, null, null);
        s.careTeam.assign(duplicate.id(), idec.id(), CareRole.IDEC, LocalDate.of(2026, 11, 1));
        var enrollment = s.enrollments.enroll(duplicate.id(), "bpco-exacerbation", 1, LocalDate.of(2026, 11, 20));
        for (int i = 0; i < 3; i++) {
            s.measures.record(new NewMeasure(duplicate.id(), MeasureCatalog.SPO2, String.valueOf(96 - i), "%",
                    TestServices.NOW.minusSeconds(3600L * (i + 1)), MeasureSource.DEVICE));
        }
        s.measures.record(new NewMeasure(survivor.id(), MeasureCatalog.SPO2, "97", "%", TestServices.NOW.minusSeconds(60), MeasureSource.DEVICE));
        s.database.dsl().deleteFrom(OUTBOX).execute();

        MergeOutcome outcome = patients.merge(survivor.id(), duplicate.id(), "doublon créé à l'accueil");

        assertThat(s.measures.ofPatient(survivor.id(), MeasureCatalog.SPO2)).hasSize(4);
        assertThat(s.measures.ofPatient(duplicate.id(), MeasureCatalog.SPO2)).isEmpty();
        assertThat(s.careTeam.teamOf(survivor.id())).extracting(m -> m.professional().id()).contains(idec.id());
        assertThat(s.enrollments.get(enrollment.id()).patientId()).isEqualTo(survivor.id());
        assertThat(s.enrollments.tasksOf(enrollment.id())).isNotEmpty().allSatisfy(t -> assertThat(t.patientId()).isEqualTo(survivor.id()));
        RecordTransfer transfer = new RecordTransfer(s.database.dsl(), s.core.outbox());
        for (String table : transfer.clinicalTables()) {
            assertThat(s.database.dsl().fetchCount(DSL.table(DSL.name(table)), DSL.field(DSL.name("patient_id")).eq(duplicate.id().toString())))
                    .as(table).isZero();
        }
        assertThat(transfer.clinicalTables()).contains("measure", "task", "enrollment", "alert", "care_team_member", "consent",
                "questionnaire_response", "threshold_override", "urgent_care_plan_version", "outgoing_message");
        assertThat(outcome.moved()).isGreaterThanOrEqualTo(3 + 1 + 1);
        assertThat(outcome.replaced().replacedBy()).isEqualTo(survivor.id());
        assertThat(patients.get(survivor.id()).replaces()).containsExactly(duplicate.id());
        assertThat(patients.list(0, 10)).extracting(Patient::id).containsExactly(survivor.id());
        assertThat(patients.duplicatesOf(survivor.id())).isEmpty();
        assertThat(s.audit.forPatient(duplicate.id())).extracting(a -> a.action()).contains("patient.merge");
        assertThat(s.audit.forPatient(survivor.id())).extracting(a -> a.action()).contains("patient.merge");
        assertThat(patients.identityHistory(duplicate.id())).last().satisfies(e -> assertThat(e.reason()).contains("replaced by", "doublon"));
        assertThat(s.database.dsl().select(OUTBOX.RESOURCE_TYPE).from(OUTBOX).fetch(OUTBOX.RESOURCE_TYPE))
                .contains("Patient", "Measure", "Enrollment", "Task", "CareTeam");
    }

    @Test
    void twoRecordsWithDifferentInsCannotBeMerged() {
        Patient first = qualified("IPP-1");
        StrictTraits other = new StrictTraits("LEFÈVRE", List.of("Hélène"), Sex.F, LocalDate.of(1953, 7, 3), null);
        Patient second = patients.register(typed(other, OTHER_INS, InsSource.CV, null, null)).patient();
        assertThatThrownBy(() -> patients.merge(first.id(), second.id(), "même personne ?"))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.reasonKey()).isEqualTo("merge.differentIns"));
        assertThat(patients.get(second.id()).replacedBy()).isNull();
    }

    @Test
    void aQualifiedRecordCannotBeReplacedByAProvisionalOne() {
        Patient qualified = qualified("IPP-1");
        Patient provisional = patients.register(new NewPatient(helene(), null, null, "IPP-2", null, null, null)).patient();
        assertThatThrownBy(() -> patients.merge(provisional.id(), qualified.id(), "doublon"))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.reasonKey()).isEqualTo("merge.weakerSurvivor"));
        patients.merge(qualified.id(), provisional.id(), "doublon");
        assertThatThrownBy(() -> patients.merge(qualified.id(), provisional.id(), "encore"))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.reasonKey()).isEqualTo("merge.alreadyReplaced"));
    }

    @Test
    void aSecondPatientWithTheSameInsIsRefusedAndNamesTheFirst() {
        Patient first = qualified("IPP-1");
        StrictTraits other = new StrictTraits("MARTIN", List.of("Julie"), Sex.F, LocalDate.of(1995, 10, 20), null);
        assertThatThrownBy(() -> patients.register(typed(other, INS, InsSource.CV, null, null)))
                .isInstanceOfSatisfying(BadInputException.class, e -> {
                    assertThat(e.reasonKey()).isEqualTo("ins.taken");
                    assertThat(e.reason(fr.relais.core.i18n.Language.FR))
                            .contains("LEFÈVRE Hélène Zoé", "03/10/1995", "IPP-1", "Ouvrez ce dossier", "fusionnez")
                            .doesNotContain(first.id().toString());
                });
        assertThat(s.database.dsl().fetchCount(PATIENT)).isEqualTo(1);
    }

    @Test
    void anInsCarriedByAnotherPatientCannotBeGivenByEvidenceNorByAnInsiAnswer() {
        Patient holder = patients.register(new NewPatient(helene(), null, null, null, INS, new IdentityEvidence(InsSource.CV, null), null)).patient();
        Patient second = patients.register(typed(helene(), null, InsSource.SM, IdentityDocument.CN, null)).patient();
        assertThatThrownBy(() -> patients.recordEvidence(second.id(), INS, new IdentityEvidence(InsSource.CB, null), "Datamatrix lu"))
                .isInstanceOfSatisfying(BadInputException.class, e -> {
                    assertThat(e.reasonKey()).isEqualTo("ins.takenNoIpp");
                    assertThat(e.reason(fr.relais.core.i18n.Language.FR)).contains("LEFÈVRE Hélène Zoé", "sans IPP")
                            .doesNotContain(holder.id().toString());
                });
        assertThatThrownBy(() -> patients.recordInsiAnswer(second.id(), new TestInsiAnswer(INS, helene()), "INSi"))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.reasonKey()).isEqualTo("ins.takenNoIpp"));
        assertThat(patients.get(second.id()).ins()).isNull();
        assertThat(patients.get(second.id()).status()).isEqualTo(IdentityStatus.VALI);
        assertThat(patients.recordEvidence(holder.id(), INS, new IdentityEvidence(InsSource.CV, IdentityDocument.PA), "même INS relue")
                .ins()).as("its own INS again is not another's").isEqualTo(INS);
    }

    @Test
    void theInsOfARecordReplacedByAMergeCanBeCarriedByTheSurvivor() {
        Patient replaced = patients.register(new NewPatient(helene(), null, null, "IPP-1", INS, new IdentityEvidence(InsSource.CV, null), null)).patient();
        Patient survivor = patients.register(typed(helene(), null, InsSource.SM, IdentityDocument.CN, null)).patient();
        patients.merge(survivor.id(), replaced.id(), "doublon");
        assertThat(patients.recordEvidence(survivor.id(), INS, new IdentityEvidence(InsSource.CV, null), "carte Vitale").ins()).isEqualTo(INS);
    }

    @Test
    void aRecordReceivedWithAnInsHeldHereIsKeptAndFlaggedForTheReferent() {
        Patient local = qualified("IPP-1");
        StrictTraits henri = new StrictTraits("LEFÈVRE", List.of("Henri"), Sex.M, LocalDate.of(1995, 10, 3), "99126");
        Patient received = patients.applySynced(new Patient(java.util.UUID.randomUUID(), henri, null, null, "IPP-S", INS,
                IdentityStatus.PROV, new IdentityEvidence(InsSource.CV, null), null, null, null), "serveur");
        assertThat(patients.get(received.id()).ins()).isEqualTo(INS);
        assertThat(patients.get(received.id()).replacedBy()).isNull();
        assertThat(patients.get(local.id()).replacedBy()).isNull();
        assertThat(patients.duplicatesOf(local.id())).containsExactly(new DuplicateFlag(received.id(), DuplicateReason.SAME_INS));
        assertThat(s.audit.forPatient(received.id())).extracting(a -> a.action()).contains("patient.sync.sameIns");
        patients.applySynced(new Patient(received.id(), henri, "LEFÈVRE", null, "IPP-S", INS,
                IdentityStatus.PROV, new IdentityEvidence(InsSource.CV, null), null, null, null), "serveur");
        assertThat(patients.duplicatesOf(received.id())).as("flagged once").hasSize(1);
    }

    @Test
    void twoDifferentPeopleSharingAnInsCannotBeMerged() {
        Patient local = qualified("IPP-1");
        StrictTraits henri = new StrictTraits("LEFÈVRE", List.of("Henri"), Sex.M, LocalDate.of(1953, 7, 3), "99126");
        Patient received = patients.applySynced(new Patient(java.util.UUID.randomUUID(), henri, null, null, "IPP-S", INS,
                IdentityStatus.PROV, new IdentityEvidence(InsSource.CV, null), null, null, null), "serveur");
        assertThatThrownBy(() -> patients.merge(local.id(), received.id(), "même INS"))
                .isInstanceOfSatisfying(BadInputException.class, e -> {
                    assertThat(e.reasonKey()).isEqualTo("merge.insCollision");
                    assertThat(e.reason(fr.relais.core.i18n.Language.FR)).contains("collision d'identités", "03/07/1953", "03/10/1995");
                });
        assertThat(patients.get(received.id()).replacedBy()).isNull();
    }

    @Test
    void aDuplicateWithAMistypedBirthDateIsCorrectedBeforeItIsMerged() {
        Patient survivor = qualified("IPP-1");
        StrictTraits mistyped = new StrictTraits("Lefevre", List.of("Helene"), Sex.F, LocalDate.of(1995, 10, 13), null);
        Patient duplicate = patients.register(new NewPatient(mistyped, null, null, "IPP-2", null, null, null)).patient();
        assertThatThrownBy(() -> patients.merge(survivor.id(), duplicate.id(), "doublon"))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.reasonKey()).isEqualTo("merge.traitsDiffer"));
        StrictTraits otherSex = new StrictTraits("LEFEVRE", List.of("Helene"), Sex.M, LocalDate.of(1995, 10, 3), null);
        Patient male = patients.register(new NewPatient(otherSex, null, null, "IPP-3", null, null, null)).patient();
        assertThatThrownBy(() -> patients.merge(survivor.id(), male.id(), "doublon"))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.reasonKey()).isEqualTo("merge.traitsDiffer"));

        patients.correctTraits(duplicate.id(), new StrictTraits("Lefevre", List.of("Helene"), Sex.F, LocalDate.of(1995, 10, 3), null),
                "date mal saisie");
        assertThat(patients.merge(survivor.id(), duplicate.id(), "doublon").replaced().replacedBy()).isEqualTo(survivor.id());
    }

    @Test
    void aSexCorrectionContradictingTheInsIsRefused() {
        Patient patient = qualified("IPP-1");
        StrictTraits male = new StrictTraits("LEFÈVRE", List.of("Hélène", "Zoé"), Sex.M, LocalDate.of(1995, 10, 3), "99126");
        assertThatThrownBy(() -> patients.correctTraits(patient.id(), male, "erreur de sexe ?"))
                .isInstanceOfSatisfying(BadInputException.class, e -> {
                    assertThat(e.reasonKey()).isEqualTo("ins.correction.sex");
                    assertThat(e.input()).isEqualTo("sex");
                    assertThat(e.reason(fr.relais.core.i18n.Language.FR)).contains("premier chiffre (2)", "295109912611193", "refusée");
                });
        assertThat(patients.get(patient.id()).status()).isEqualTo(IdentityStatus.QUAL);
        assertThat(patients.get(patient.id()).traits().sex()).isEqualTo(Sex.F);

        Patient provisional = patients.register(new NewPatient(new StrictTraits("MARTIN", List.of("Paul"), Sex.F, LocalDate.of(1953, 7, 3), null),
                null, null, null, OTHER_INS, new IdentityEvidence(InsSource.CV, null), null)).patient();
        StrictTraits unknownSex = new StrictTraits("MARTIN", List.of("Paul"), Sex.U, LocalDate.of(1953, 7, 3), null);
        assertThat(patients.correctTraits(provisional.id(), unknownSex, "sexe inconnu").patient().traits().sex())
                .as("an unknown sex contradicts no digit").isEqualTo(Sex.U);
    }

    @Test
    void aBirthYearOrMonthCorrectionContradictingTheInsIsRefused() {
        Patient patient = qualified("IPP-1");
        StrictTraits otherYear = new StrictTraits("LEFÈVRE", List.of("Hélène", "Zoé"), Sex.F, LocalDate.of(1994, 10, 3), "99126");
        assertThatThrownBy(() -> patients.correctTraits(patient.id(), otherYear, "acte de naissance"))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.reasonKey()).isEqualTo("ins.correction.year"));
        StrictTraits otherMonth = new StrictTraits("LEFÈVRE", List.of("Hélène", "Zoé"), Sex.F, LocalDate.of(1995, 11, 3), "99126");
        assertThatThrownBy(() -> patients.correctTraits(patient.id(), otherMonth, "acte de naissance"))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.reasonKey()).isEqualTo("ins.correction.month"));
        assertThat(patients.get(patient.id()).traits()).isEqualTo(helene());
        StrictTraits otherDay = new StrictTraits("LEFÈVRE", List.of("Hélène", "Zoé"), Sex.F, LocalDate.of(1995, 10, 13), "99126");
        assertThat(patients.correctTraits(patient.id(), otherDay, "acte de naissance").patient().status()).isEqualTo(IdentityStatus.PROV);
    }

    @Test
    void aContradictionTheIdentityAlreadyHadDoesNotBlockCorrectingAnotherTrait() {
        StrictTraits male = new StrictTraits("LEFÈVRE", List.of("Henri"), Sex.M, LocalDate.of(1995, 10, 3), null);
        Patient provisional = patients.register(typed(male, INS, InsSource.CV, null, null)).patient();
        StrictTraits renamed = new StrictTraits("LEFEBVRE", List.of("Henri"), Sex.M, LocalDate.of(1995, 10, 3), null);
        assertThat(patients.correctTraits(provisional.id(), renamed, "nom mal saisi").patient().traits().birthFamilyName()).isEqualTo("LEFEBVRE");
    }

    @Test
    void aWrongSexAndAWrongInsOfAValidatedIdentityAreCorrectedTogether() {
        Ins male = new Ins(InsMatricule.parse("ins", "195109912612334"), InsOid.NIR_TEST);
        StrictTraits henri = new StrictTraits("LEFÈVRE", List.of("Hélène", "Zoé"), Sex.M, LocalDate.of(1995, 10, 3), "99126");
        Patient patient = patients.register(typed(henri, male, InsSource.CV, IdentityDocument.CN, null)).patient();
        assertThat(patient.status()).isEqualTo(IdentityStatus.VALI);
        assertThatThrownBy(() -> patients.correctTraits(patient.id(), helene(), "sexe mal saisi"))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.reasonKey()).isEqualTo("ins.correction.sex"));
        assertThatThrownBy(() -> patients.correctTraits(patient.id(), henri, INS, "INS mal lue"))
                .as("the new INS must agree with the corrected traits")
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.reasonKey()).isEqualTo("ins.correction.sex"));

        TraitCorrection both = patients.correctTraits(patient.id(), helene(), INS, "sexe et INS mal saisis");
        assertThat(both.patient().traits().sex()).isEqualTo(Sex.F);
        assertThat(both.patient().ins()).isEqualTo(INS);
        assertThat(both.patient().status()).isEqualTo(IdentityStatus.PROV);
        assertThat(both.patient().evidence()).isEqualTo(IdentityEvidence.NONE);
    }
}
