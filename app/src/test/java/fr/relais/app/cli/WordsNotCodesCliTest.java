package fr.relais.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.relais.core.RawCodePatterns;
import fr.relais.core.RelaisCore;
import fr.relais.core.replication.Conflict;
import fr.relais.core.replication.Outbox;
import fr.relais.sync.fhir.ForeignQuestionnaires;
import fr.relais.sync.fhir.ObservationMapper;
import fr.relais.sync.fhir.RelaisFhir;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the third team try-out found still in codes (issue 22): conflicts on alerts, refusals and deletions, values
 * converted from other units, action lines, another system's answers. Records are read as other systems write them
 * (FHIR JSON through the sync's mappers) or as the sync engine stores them, then shown by the command line.
 */
class WordsNotCodesCliTest extends CliFixture {
    private UUID patient;

    @BeforeEach
    void aPatient() {
        patient = UUID.fromString(run("--format", "json", "patient", "add", "--family", "MARTIN", "--given", "Claire", "--sex", "F",
                "--birth-date", "1950-03-14", "--ipp", "P1").json().get("id").asText());
    }

    @Test
    void anAlertOneLaptopDismissedAndTheOtherResolvedIsListedWithThePatientAndBothDecisionsInWords() {
        String alert = spo2Alert();
        UUID conflict = UUID.randomUUID();
        inStore(core -> core.conflicts().open(new Conflict(conflict, fr.relais.core.alert.AlertService.RECORD, UUID.fromString(alert),
                "status", "OPEN", "DISMISSED", "RESOLVED", "3", "OPEN", core.clock().instant(), null, null, null)));

        CliRun listed = run("conflicts", "list");
        CliRun shown = run("conflicts", "show", conflict.toString());

        assertThat(listed.out()).contains("Alerte de MARTIN Claire", "ouverte", "écartée", "résolue");
        assertThat(RawCodePatterns.findIn(listed.out(), Set.of(conflict.toString()))).isEmpty();
        assertThat(shown.out()).contains("Alerte de MARTIN Claire — statut (à trancher)", "base    : ouverte", "local   : écartée",
                "serveur : résolue").doesNotContain("DISMISSED", "RESOLVED", alert);
        // Scripts keep the codes.
        assertThat(run("--format", "json", "conflicts", "list").json().get(0).get("remoteValue").asText()).isEqualTo("RESOLVED");
    }

    @Test
    void aRecordTheServerRefusedIsListedWithTheServersWordsNeverItsOperationOutcome() {
        UUID refusal = UUID.randomUUID();
        String outcome = "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"processing\","
                + "\"diagnostics\":\"HAPI-1096: Resource Patient/1011 is deleted, specified in path: Observation.subject\"}]}";
        inStore(core -> core.conflicts().open(new Conflict(refusal, fr.relais.core.identity.PatientService.RECORD, patient, Conflict.REFUSED,
                null, "7", outcome, "400", "OPEN", Instant.parse("2026-07-01T08:30:00Z"), null, null, null)));

        CliRun listed = run("conflicts", "list");

        assertThat(listed.out()).contains("Refusé par le serveur le 01/07/2026 10:30",
                "Le serveur a refusé cet enregistrement (erreur 400) : Resource Patient/1011 is deleted")
                .doesNotContain("OperationOutcome", "\"issue\"", "HAPI-1096", "server-refusal");
        assertThat(RawCodePatterns.findIn(listed.out(), Set.of(refusal.toString()))).isEmpty();
        assertThat(run("conflicts", "show", refusal.toString()).out()).contains("Resource Patient/1011 is deleted").doesNotContain("HAPI-1096");
    }

    @Test
    void aWeightAnotherSystemSentInPoundsIsShownToTheTenthOfAKiloAndKeptExactAndItsDeletionHasNoCommonBase() {
        Observation pounds = RelaisFhir.CONTEXT.newJsonParser().parseResource(Observation.class, """
                { "resourceType": "Observation", "id": "1042", "status": "final",
                  "meta": { "source": "https://telesuivi.exemple.fr" },
                  "code": { "coding": [ { "system": "http://loinc.org", "code": "29463-7", "display": "Body weight" } ] },
                  "subject": { "reference": "Patient/%s" },
                  "effectivePeriod": { "start": "2026-12-01T06:00:00+01:00", "end": "2026-12-03T06:30:00+01:00" },
                  "valueQuantity": { "value": 184, "unit": "lb", "system": "http://unitsofmeasure.org", "code": "[lb_av]" } }
                """.formatted(patient));
        fr.relais.core.measure.Measure weight = ObservationMapper.toLocal(pounds, "Observation/1042/_history/1");
        UUID deletion = UUID.randomUUID();
        inStore(core -> {
            Outbox.suppressed(() -> core.measures().applySynced(weight, "Observation/1042/_history/1"));
            core.conflicts().open(new Conflict(deletion, fr.relais.core.measure.MeasureService.RECORD, weight.id(), Conflict.DELETED, null,
                    "changed", "deleted", "2", "OPEN", core.clock().instant(), null, null, null));
        });

        CliRun listed = run("measure", "list", "--patient", "P1");
        JsonNode json = run("--format", "json", "measure", "list", "--patient", "P1").json();
        CliRun shown = run("conflicts", "show", deletion.toString());

        assertThat(listed.out()).contains("83,5 kg").doesNotContain("83,46", "83.46");
        assertThat(json.get(0).get("value").decimalValue()).isEqualByComparingTo("83.46099608");
        assertThat(shown.out()).contains("Mesure de MARTIN Claire — supprimée sur le serveur par un autre système",
                "base    : aucune version commune : mesure supprimée sur le serveur", "local   : modifiée sur ce poste")
                .doesNotContain("null");
    }

    @Test
    void aMeasureAnAlertAndAConsentActedOnFromTheCommandLineAreSaidInWordsNeverByIdOrCode() {
        CliRun consent = run("consent", "add", "--patient", "P1", "--scope", "TELEMONITORING", "--collected-by", "Dr Perrin",
                "--on", "2026-12-01");
        assertThat(consent.out()).contains("Consentement de MARTIN Claire enregistré : Télésurveillance, recueilli par Dr Perrin le 01/12/2026");
        String consentId = run("--format", "json", "consent", "list", "--patient", "P1").json().get(0).get("id").asText();
        String alert = spo2Alert();
        CliRun resolved = run("alert", "resolve", alert, "--reason", "O2 ajusté");
        CliRun added = run("measure", "add", "--patient", "P1", "--code", "29463-7", "--value", "184", "--unit", "[lb_av]",
                "--at", "2026-12-02T08:00");
        String measureId = run("--format", "json", "measure", "list", "--patient", "P1", "--code", "29463-7").json().get(0).get("id").asText();
        CliRun wrong = run("measure", "error", measureId, "--reason", "mauvais patient");
        CliRun withdrawn = run("consent", "withdraw", consentId, "--reason", "refus du patient");

        assertThat(resolved.out()).contains("Alerte de MARTIN Claire (SpO2) : résolue.");
        assertThat(added.out()).contains("Mesure enregistrée : poids 83,5 kg le 02/12/2026 08:00, MARTIN Claire.");
        assertThat(wrong.out()).contains("Mesure marquée saisie par erreur", "poids 83,5 kg le 02/12/2026 08:00, MARTIN Claire",
                "mauvais patient");
        assertThat(withdrawn.out()).contains("Consentement de MARTIN Claire retiré : Télésurveillance (motif : refus du patient).");
        for (CliRun line : List.of(consent, resolved, added, wrong, withdrawn)) {
            assertThat(RawCodePatterns.findIn(line.out())).as(line.out()).isEmpty();
            assertThat(line.out()).doesNotContain(alert, measureId, consentId, "TELEMONITORING", "ENTERED_IN_ERROR");
        }
    }

    @Test
    void aProvisionalIdentityIsSaidProvisionalAndTheMeasureSourcesAreExplainedInFrench() {
        assertThat(run("patient", "show", "P1").out()).contains("Statut d'identité : provisoire").doesNotContain("PROV");
        assertThat(run("measure", "add", "--help").out().replaceAll("\\s+", " ")).contains("saisie par un soignant", "déclarée par le patient",
                "transmise par un appareil").doesNotContain("Source : entered");
    }

    @Test
    void aHomeCareVisitFormAnsweredYesWithAnExitWeightReadsOuiAndADecimalComma() {
        QuestionnaireResponse form = RelaisFhir.CONTEXT.newJsonParser().parseResource(QuestionnaireResponse.class, """
                { "resourceType": "QuestionnaireResponse", "status": "completed",
                  "questionnaire": "https://had-exemple.fr/fhir/Questionnaire/sortie-ic|1.0",
                  "subject": { "reference": "Patient/%s" }, "authored": "2026-12-03T10:00:00+01:00",
                  "author": { "display": "IDE HAD, équipe Nord" },
                  "item": [
                    { "linkId": "poids", "text": "Poids de sortie", "answer": [ { "valueQuantity": { "value": 58.5, "unit": "kg" } } ] },
                    { "linkId": "orthopnee", "text": "Orthopnée", "answer": [ { "valueBoolean": true,
                        "item": [ { "linkId": "depuis", "text": "Depuis quand ?", "answer": [ { "valueString": "3 jours" } ] } ] } ] },
                    { "linkId": "oedemes", "text": "Œdèmes", "answer": [ { "valueBoolean": false } ] }
                  ] }
                """.formatted(patient));
        var response = ForeignQuestionnaires.unscored(form, UUID.randomUUID(), patient);
        inStore(core -> Outbox.suppressed(() -> core.foreignResponses().applySynced(response, "QuestionnaireResponse/1070/_history/1")));

        String file = run("patient", "show", "P1").out();

        assertThat(file).contains("Poids de sortie : 58,5 kg", "Orthopnée : oui", "Orthopnée (oui) › Depuis quand ? : 3 jours", "Œdèmes : non")
                .doesNotContain("58.5", "true", "false");
    }

    @Test
    void aPatientBornInBrestIsShownBornInBrestAndACodeTheListLacksSaysItIsAnInseeCommune() {
        assertThat(run("patient", "add", "--family", "KERBRAT", "--given", "Anne", "--sex", "F", "--birth-date", "1941-05-02",
                "--birthplace", "29019", "--ipp", "P2").code()).isZero();
        assertThat(run("patient", "add", "--family", "LE GALL", "--given", "Yves", "--sex", "M", "--birth-date", "1938-01-20",
                "--birthplace", "29999", "--ipp", "P3").code()).isZero();

        assertThat(run("patient", "show", "P2").out()).contains("Née le 02/05/1941, lieu de naissance Brest").doesNotContain("29019");
        assertThat(run("patient", "show", "P3").out()).contains("Né le 20/01/1938, lieu de naissance commune INSEE 29999");
    }

    /** A red SpO2 alert on the patient, raised by the engine as a nurse's measure would; its id. */
    private String spo2Alert() {
        String today = CliRun.today().toString();
        if (run("--format", "json", "consent", "list", "--patient", "P1").json().isEmpty()) {
            assertThat(run("consent", "add", "--patient", "P1", "--scope", "TELEMONITORING", "--collected-by", "Dr Perrin").code()).isZero();
        }
        assertThat(run("enroll", "--patient", "P1", "--pathway", "bpco-exacerbation", "--start", today).code()).isZero();
        assertThat(run("measure", "add", "--patient", "P1", "--code", "59408-5", "--value", "88", "--unit", "%").code()).isZero();
        return run("--format", "json", "alerts", "--patient", "P1").json().get(0).get("id").asText();
    }

    /** Writes as the sync engine does, in one transaction. */
    private void inStore(Consumer<RelaisCore> write) {
        try (RelaisCore core = CliRun.openAsIdec(db)) {
            core.database().inTransaction(() -> {
                write.accept(core);
                return null;
            });
        }
    }
}
