package fr.relais.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.relais.core.TestServices;
import fr.relais.core.identity.IdentityDocument;
import fr.relais.core.identity.IdentityEvidence;
import fr.relais.core.identity.IdentityStatus;
import fr.relais.core.identity.Ins;
import fr.relais.core.identity.InsMatricule;
import fr.relais.core.identity.InsOid;
import fr.relais.core.identity.InsSource;
import fr.relais.core.identity.NewPatient;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.Sex;
import fr.relais.core.identity.StrictTraits;
import fr.relais.core.identity.TestInsiAnswer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 21 items 6-8 through the command line: evidence, correction, history, merge, and the INS on exports. */
class IdentityCliTest extends CliFixture {
    private static final String MATRICULE = "295109912611193";
    private static final String NIR = "1.2.250.1.213.1.4.8";
    /** Another person's matricule: F, born July 1953 in Haute-Corse. */
    private static final String OTHER_MATRICULE = "253072B07300470";

    private String add(String ipp, String... extra) {
        List<String> args = new ArrayList<>(List.of("patient", "add", "--family", "LEFÈVRE", "--given", "Hélène", "--sex", "F",
                "--birth-date", "1995-10-03", "--birthplace", "99126", "--ipp", ipp));
        args.addAll(List.of(extra));
        CliRun run = run(args.toArray(String[]::new));
        assertThat(run.code()).as(run.err()).isZero();
        return run.out().trim();
    }

    /** A QUAL identity the legitimate way: a document seen, then the INSi teleservice's answer. */
    private String qualified(String ipp) {
        run("patient", "list");
        try (TestServices s = new TestServices(db)) {
            return TestInsiAnswer.registerFromInsi(s.patients, new NewPatient(new StrictTraits("LEFÈVRE", List.of("Hélène"), Sex.F,
                    LocalDate.of(1995, 10, 3), "99126"), null, null, ipp, null, null, null),
                    new Ins(InsMatricule.parse("ins", MATRICULE), InsOid.NIR), IdentityDocument.CN).id().toString();
        }
    }

    private int patientCount() {
        return run("--format", "json", "patient", "list").json().size();
    }

    @Test
    void aTypedInsiSourceCannotQualifyAnIdentity() {
        add("IPP-0");
        CliRun typed = run("patient", "add", "--family", "LEROY", "--given", "Marc", "--sex", "F", "--birth-date", "1995-10-03",
                "--birthplace", "99126", "--ins", MATRICULE, "--ins-oid", NIR, "--ins-source", "INSI", "--id-document", "PA", "--status", "QUAL");
        assertThat(typed.code()).isEqualTo(2);
        assertThat(typed.err()).contains("--ins-source", "téléservice INSi");
        assertThat(run("patient", "add", "--family", "LEROY", "--given", "Marc", "--sex", "F", "--birth-date", "1995-10-03",
                "--ins", MATRICULE, "--ins-oid", NIR, "--ins-source", "AV").code()).isEqualTo(2);
        assertThat(patientCount()).isEqualTo(1);
    }

    @Test
    void anInsWhoseSexDigitContradictsTheTraitsIsRefusedForValidation() {
        add("IPP-0");
        CliRun run = run("patient", "add", "--family", "LEROY", "--given", "Marc", "--sex", "M", "--birth-date", "1995-10-03",
                "--ins", MATRICULE, "--ins-oid", NIR, "--ins-source", "CV", "--id-document", "PA");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("sex", "premier chiffre du matricule (2)", "VALI refusé");
        assertThat(patientCount()).isEqualTo(1);

        CliRun provisional = run("--format", "json", "patient", "add", "--family", "LEROY", "--given", "Marc", "--sex", "M",
                "--birth-date", "1994-10-03", "--ins", MATRICULE, "--ins-oid", NIR, "--ins-source", "CV");
        assertThat(provisional.json().get("identityStatus").asText()).isEqualTo("PROV");
        assertThat(provisional.err()).contains("Attention (sex)", "Attention (birthDate)");
    }

    @Test
    void aProvisionalIdentityLeavesNoInsInTheCsvList() throws Exception {
        add("IPP-PROV", "--ins", OTHER_MATRICULE, "--ins-oid", NIR, "--ins-source", "CV");
        qualified("IPP-QUAL");

        List<String> csv = run("--format", "csv", "patient", "list").out().lines().toList();
        assertThat(csv).hasSize(3);
        assertThat(csv.stream().filter(l -> l.contains("IPP-PROV")).findFirst().orElseThrow()).doesNotContain(OTHER_MATRICULE).endsWith(",PROV,");
        assertThat(csv.stream().filter(l -> l.contains("IPP-QUAL")).findFirst().orElseThrow()).endsWith(",QUAL," + MATRICULE);

        JsonNode json = run("--format", "json", "patient", "list").json();
        for (JsonNode p : json) {
            assertThat(p.get("ins").isNull()).as(p.get("ipp").asText()).isEqualTo(!p.get("identityStatus").asText().equals("QUAL"));
        }
        JsonNode shown = run("--format", "json", "patient", "show", "IPP-PROV").json();
        assertThat(shown.toString()).doesNotContain(OTHER_MATRICULE);
        assertThat(run("patient", "show", "IPP-PROV").out()).contains(OTHER_MATRICULE, "non qualifiée");
    }

    @Test
    void recordingADocumentSeenValidatesTheIdentityAndCorrectingATraitDropsItToProvisional() {
        String id = add("IPP-1");
        CliRun nothing = run("patient", "evidence", id, "--reason", "accueil");
        assertThat(nothing.code()).isEqualTo(2);
        CliRun typedInsi = run("patient", "evidence", id, "--ins", MATRICULE, "--ins-oid", NIR, "--ins-source", "INSI", "--reason", "accueil");
        assertThat(typedInsi.code()).isEqualTo(2);

        CliRun evidence = run("--format", "json", "patient", "evidence", id, "--id-document", "CN", "--reason", "CNI présentée à l'accueil");
        assertThat(evidence.json().get("identityStatus").asText()).isEqualTo("VALI");

        CliRun correct = run("--format", "json", "patient", "correct", id, "--birth-date", "1995-10-13", "--reason", "erreur de saisie");
        assertThat(correct.json().get("identityStatus").asText()).isEqualTo("PROV");
        assertThat(correct.err()).contains("l'identité validée redevient provisoire");
        assertThat(run("--format", "json", "patient", "show", id).json().get("patient").get("birthDate").asText()).isEqualTo("1995-10-13");

        CliRun history = run("patient", "history", id);
        assertThat(history.code()).as(history.err()).isZero();
        assertThat(history.out()).contains("Identité provisoire → Identité validée", "CNI présentée à l'accueil",
                "Identité validée → Identité provisoire", "traits stricts corrigés : erreur de saisie").doesNotContain("PROV", "source=");
        assertThat(run("patient", "correct", id, "--reason", "rien").code()).isEqualTo(2);
    }

    @Test
    void aBirthDateCorrectionOfAQualifiedIdentityDropsItToProvisional() {
        String id = qualified("IPP-Q");
        CliRun correct = run("--format", "json", "patient", "correct", "IPP-Q", "--birth-date", "1995-10-13", "--reason", "acte de naissance");
        assertThat(correct.json().get("identityStatus").asText()).isEqualTo("PROV");
        assertThat(run("--format", "csv", "patient", "list").out()).doesNotContain(MATRICULE);
        assertThat(run("patient", "history", id).out()).contains("Identité qualifiée → Identité provisoire");
    }

    @Test
    void mergingTwoRecordsOfTheSamePersonMovesEveryMeasureToTheSurvivor() {
        String survivor = qualified("IPP-1");
        String duplicate = add("IPP-2");
        for (String value : List.of("71.5", "72.0")) {
            CliRun measure = run("measure", "add", "--patient", "IPP-2", "--code", "29463-7", "--value", value, "--unit", "kg");
            assertThat(measure.code()).as(measure.err()).isZero();
        }
        CliRun merge = run("--format", "json", "patient", "merge", "--keep", "IPP-1", "--replace", "IPP-2", "--reason", "doublon créé à l'accueil");
        JsonNode outcome = merge.json();
        assertThat(outcome.get("survivor").asText()).isEqualTo(survivor);
        assertThat(outcome.get("replaced").asText()).isEqualTo(duplicate);
        assertThat(outcome.get("moved").asInt()).isGreaterThanOrEqualTo(2);

        assertThat(run("--format", "json", "measure", "list", "--patient", "IPP-1").json()).hasSize(2);
        assertThat(run("--format", "json", "measure", "list", "--patient", "IPP-2").json()).isEmpty();
        assertThat(patientCount()).isEqualTo(1);
        // The survivor by name, never by id.
        assertThat(run("patient", "show", duplicate).out()).contains("Dossier fusionné dans le dossier de ").doesNotContain(survivor);
        assertThat(run("patient", "history", duplicate).out()).contains("doublon créé à l'accueil");
        assertThat(run("audit", "list", "--patient", survivor).out()).contains("Fusion de dossiers");
    }

    @Test
    void twoRecordsWithDifferentInsCannotBeMerged() {
        qualified("IPP-1");
        run("patient", "add", "--family", "LEFÈVRE", "--given", "Hélène", "--sex", "F", "--birth-date", "1953-07-03", "--ipp", "IPP-2",
                "--ins", "253072B07300470", "--ins-oid", NIR, "--ins-source", "CV");
        CliRun merge = run("patient", "merge", "--keep", "IPP-1", "--replace", "IPP-2", "--reason", "doublon ?");
        assertThat(merge.code()).isEqualTo(2);
        assertThat(merge.err()).contains("INS différentes", "deux personnes");
        assertThat(patientCount()).isEqualTo(2);
    }

    @Test
    void aRecordCannotLeaveBeforeTheOrganisationsIppOidIsConfigured() throws Exception {
        add("IPP-1");
        Path export = dir.resolve("export.json");
        CliRun refused = run("export", "patient", "IPP-1", "--out", export.toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("RELAIS_IPP_OID", "OID de l'IPP");
        assertThat(export).doesNotExist();
        CliRun sync = CliRun.of((s, l) -> { }, java.util.Map.of("RELAIS_DB", db.toString(), "RELAIS_SERVER", "http://127.0.0.1:9/fhir"),
                "sync", "--push-only");
        assertThat(sync.code()).isEqualTo(2);
        assertThat(sync.err()).contains("RELAIS_IPP_OID");

        CliRun exported = CliRun.of((s, l) -> { }, java.util.Map.of("RELAIS_DB", db.toString(), "RELAIS_IPP_OID", "1.2.250.1.71.4.2.7"),
                "export", "patient", "IPP-1", "--out", export.toString());
        assertThat(exported.code()).as(exported.err()).isZero();
        assertThat(java.nio.file.Files.readString(export)).contains("urn:oid:1.2.250.1.71.4.2.7", "IPP-1").doesNotContain("urn:relais:ipp");
    }

    @Test
    void aSecondPatientWithTheSameInsIsRefusedAndNamesTheFirst() {
        String first = qualified("IPP-1");
        CliRun second = run("patient", "add", "--family", "MARTIN", "--given", "Julie", "--sex", "F", "--birth-date", "1995-10-20",
                "--ins", MATRICULE, "--ins-oid", NIR, "--ins-source", "CV");
        assertThat(second.code()).isEqualTo(2);
        assertThat(second.err()).contains("INS " + MATRICULE, "LEFÈVRE Hélène", "03/10/1995", "IPP-1", "Ouvrez ce dossier", "fusionnez")
                .doesNotContain(first);
        assertThat(patientCount()).isEqualTo(1);

        add("IPP-2");
        CliRun evidence = run("patient", "evidence", "IPP-2", "--ins", MATRICULE, "--ins-oid", NIR, "--ins-source", "CV", "--reason", "carte Vitale");
        assertThat(evidence.code()).isEqualTo(2);
        assertThat(evidence.err()).contains("IPP-1", "une seule identité");
        assertThat(run("--format", "json", "patient", "show", "IPP-2").json().get("patient").get("identityStatus").asText()).isEqualTo("PROV");
    }

    @Test
    void aPossibleDuplicateIsNamedByItsIdentityNotItsNumber() {
        String[] durand = {"patient", "add", "--family", "DURAND", "--given", "Jeanne", "--sex", "F", "--birth-date", "1940-05-01"};
        assertThat(run(concat(durand, "--ipp", "A1")).code()).isZero();
        CliRun second = run(concat(durand, "--ipp", "A2"));
        assertThat(second.code()).as(second.err()).isZero();
        String named = "Doublon possible (mêmes traits d'identité) : dossier de DURAND Jeanne, naissance le 01/05/1940, IPP A1";
        assertThat(second.err()).contains(named);
        List<String> shown = run("patient", "show", "A2").out().lines().filter(l -> l.contains("Doublon possible")).toList();
        assertThat(shown).containsExactly(named);
        // Never the record's internal number nor the engine's reason.
        assertThat(second.err()).doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-").doesNotContain("SAME_TRAITS");
    }

    private static String[] concat(String[] first, String... more) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(first), java.util.Arrays.stream(more)).toArray(String[]::new);
    }

    @Test
    void twoDifferentPeopleSharingAnInsCannotBeMerged() {
        qualified("IPP-1");
        try (TestServices s = new TestServices(db)) {
            // Only the team server can bring a second record with an INS held here: it is kept and flagged.
            s.patients.applySynced(new Patient(UUID.randomUUID(), new StrictTraits("LEFÈVRE", List.of("Henri"), Sex.M,
                    LocalDate.of(1953, 7, 3), "99126"), null, null, "IPP-S", new Ins(InsMatricule.parse("ins", MATRICULE), InsOid.NIR),
                    IdentityStatus.PROV, new IdentityEvidence(InsSource.CV, null), null, null, null), "serveur");
        }
        assertThat(run("patient", "show", "IPP-1").out()).contains("Doublon possible");
        CliRun merge = run("patient", "merge", "--keep", "IPP-1", "--replace", "IPP-S", "--reason", "même INS");
        assertThat(merge.code()).isEqualTo(2);
        assertThat(merge.err()).contains("collision d'identités", "03/07/1953", "référent en identitovigilance");
        assertThat(patientCount()).isEqualTo(2);

        assertThat(run("patient", "add", "--family", "LEFÈVRE", "--given", "Hélène", "--sex", "M", "--birth-date", "1995-10-03",
                "--ipp", "IPP-2").code()).isZero();
        CliRun otherSex = run("patient", "merge", "--keep", "IPP-1", "--replace", "IPP-2", "--reason", "doublon ?");
        assertThat(otherSex.code()).isEqualTo(2);
        assertThat(otherSex.err()).contains("se contredisent", "corrigez d'abord");
    }

    @Test
    void aSexCorrectionContradictingTheInsIsRefused() {
        qualified("IPP-Q");
        CliRun sex = run("patient", "correct", "IPP-Q", "--sex", "M", "--reason", "erreur ?");
        assertThat(sex.code()).isEqualTo(2);
        assertThat(sex.err()).contains("sex", "premier chiffre (2)", MATRICULE, "correction refusée");
        CliRun year = run("patient", "correct", "IPP-Q", "--birth-date", "1996-10-03", "--reason", "erreur ?");
        assertThat(year.code()).isEqualTo(2);
        assertThat(year.err()).contains("année de naissance corrigée (1996)");
        JsonNode shown = run("--format", "json", "patient", "show", "IPP-Q").json().get("patient");
        assertThat(shown.get("identityStatus").asText()).isEqualTo("QUAL");
        assertThat(shown.get("sex").asText()).isEqualTo("F");
        assertThat(shown.get("birthDate").asText()).isEqualTo("1995-10-03");

        assertThat(run("patient", "add", "--family", "LEROY", "--given", "Marc", "--sex", "M", "--birth-date", "1995-10-03",
                "--ipp", "IPP-M", "--ins", "195109912612334", "--ins-oid", NIR, "--ins-source", "CV", "--id-document", "CN").code()).isZero();
        assertThat(run("patient", "correct", "IPP-M", "--sex", "F", "--reason", "sexe mal saisi").code())
                .as("the sex alone contradicts the INS").isEqualTo(2);
        CliRun together = run("--format", "json", "patient", "correct", "IPP-M", "--sex", "F", "--ins", "295109912612381", "--ins-oid", NIR,
                "--reason", "sexe mal saisi, INS relue");
        assertThat(together.code()).as(together.err()).isZero();
        assertThat(together.json().get("identityStatus").asText()).isEqualTo("PROV");
    }

    @Test
    void thePatientFileOnTheCommandLineShowsWhatTheHospitalWroteAndItsTimesInParis() {
        String id = add("IPP-H1");
        try (TestServices s = new TestServices(db)) {
            java.util.UUID patient = java.util.UUID.fromString(id);
            s.database.inTransaction(() -> fr.relais.core.replication.Outbox.suppressed(() -> {
                s.tasks.applySynced(new fr.relais.core.task.Task(java.util.UUID.randomUUID(), null, patient, null, fr.relais.core.task.Task.FOREIGN, 0,
                        fr.relais.core.task.Task.FOREIGN, "Bilan sanguin à J7", "Bilan sanguin à J7", fr.relais.core.careteam.CareRole.IDEC, null,
                        fr.relais.core.task.TaskPriority.URGENT, fr.relais.core.task.TaskStatus.REQUESTED, null, java.time.Instant.parse("2026-11-24T13:00:00Z"),
                        null, null, null, TestServices.NOW, TestServices.NOW), "Task/4012/_history/1");
                s.careTeam.applySyncedOthers(patient, List.of(new fr.relais.core.careteam.OtherParticipant("RelatedPerson", "KERBRAT Yann (fils)",
                        "Aidant principal", null, null)), "CareTeam/77/_history/1");
                s.core.foreignResponses().applySynced(new fr.relais.core.questionnaire.ForeignResponse(java.util.UUID.randomUUID(), patient,
                        "https://hopital-exemple.fr/fhir/Questionnaire/braden|2.0", java.time.Instant.parse("2026-11-23T09:15:00Z"), "IDE de cardiologie",
                        "completed", List.of(new fr.relais.core.questionnaire.ForeignResponse.Answer("Humidité", "2"))), "QuestionnaireResponse/90/_history/1");
                return null;
            }));
        }

        String shown = run("patient", "show", "IPP-H1").out();

        assertThat(shown).contains("Aidant principal : KERBRAT Yann (fils) (proche, hors Relais)",
                "Tâches hors parcours Relais :", "24/11/2026 14:00 · Bilan sanguin à J7 · à faire",
                "23/11/2026 10:15 · questionnaire « braden » · IDE de cardiologie", "Humidité : 2");
        assertThat(shown).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
        String worklist = run("worklist", "--patient", "IPP-H1").out();
        assertThat(worklist).contains("Bilan sanguin à J7 (hors parcours Relais)");
    }
}
