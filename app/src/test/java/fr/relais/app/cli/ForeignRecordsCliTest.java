package fr.relais.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.relais.core.RelaisCore;
import fr.relais.core.StoreTemplate;
import fr.relais.core.identity.BirthDatePrecision;
import fr.relais.core.identity.IdentityEvidence;
import fr.relais.core.identity.IdentityStatus;
import fr.relais.core.identity.InsSource;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.Sex;
import fr.relais.core.identity.StrictTraits;
import fr.relais.core.measure.MeasureCatalog;
import fr.relais.core.measure.TextMeasure;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code relais patient show} for records other systems wrote that Relais keeps as they are (issue 22): a birth date
 * known only by its year, a patient with no name, a weight sent as text, the organization the patient is attached to. Each is shown as received, in French, with
 * nothing invented.
 */
class ForeignRecordsCliTest {
    @TempDir
    Path dir;

    private static Patient received(String ipp, StrictTraits traits) {
        return new Patient(UUID.randomUUID(), traits, null, null, ipp, null, IdentityStatus.PROV, new IdentityEvidence(InsSource.SM, null),
                null, null, null);
    }

    @Test
    void aPatientBornIn1939WithNoNameAndAWeightAsTextIsShownAsReceived() {
        Path db = StoreTemplate.copyTo(dir.resolve("relais.db"));
        Instant weighed = Instant.parse("2026-12-05T07:30:00Z");
        try (RelaisCore core = CliRun.openAsIdec(db)) {
            Patient nameless = core.patients().applySynced(received("X-1939", new StrictTraits("", List.of(), Sex.F, LocalDate.of(1939, 1, 1),
                    null, BirthDatePrecision.YEAR)), "Patient/1001/_history/1");
            core.textMeasures().applySynced(new TextMeasure(UUID.randomUUID(), nameless.id(), MeasureCatalog.BODY_WEIGHT, "environ 74 kg",
                    weighed, "final"), "Observation/2002/_history/1");
            UUID ehpad = UUID.randomUUID();
            core.organizations().applySynced(ehpad, "EHPAD Les Glycines", "Organization/3003/_history/1");
            core.organizations().attachPatient(nameless.id(), ehpad);
        }

        CliRun shown = CliRun.on(db, "patient", "show", "X-1939");

        assertThat(shown.code()).as(shown.err()).isZero();
        assertThat(shown.out()).contains("(nom non communiqué) (prénom non communiqué)")
                .contains("Née en 1939 (date de naissance incomplète)")
                .contains("Structure de rattachement : EHPAD Les Glycines")
                .contains("Mesures reçues en texte ou non faites (non interprétées par Relais) :")
                .contains("Poids : valeur en texte : « environ 74 kg », non interprétée")
                .doesNotContain("01/01/1939", "1939-01-01");
        JsonNode json = CliRun.on(db, "--format", "json", "patient", "show", "X-1939").json();
        assertThat(json.get("patient").get("birthDate").asText()).isEqualTo("1939");
        assertThat(json.get("textMeasures").get(0).get("text").asText()).isEqualTo("environ 74 kg");
        assertThat(json.get("organization").asText()).isEqualTo("EHPAD Les Glycines");
    }

    @Test
    void aHospitalNurseWhoJoinedTheCercleDeSoinsIsShownOnceWithHerHospitalRoleBesideHerRoleHere() {
        Path db = StoreTemplate.copyTo(dir.resolve("relais.db"));
        try (RelaisCore core = CliRun.openAsIdec(db)) {
            Patient patient = core.patients().applySynced(received("H-2001", new StrictTraits("KERBRAT", List.of("Marie"), Sex.F,
                    LocalDate.of(1948, 6, 2), null, BirthDatePrecision.DAY)), "Patient/1001/_history/1");
            var nurse = core.careTeam().addProfessional("GOASDOUE", "Katell", fr.relais.core.careteam.Profession.INFIRMIER, null, null, null);
            core.careTeam().assign(patient.id(), nurse.id(), fr.relais.core.careteam.CareRole.IDE_LIBERALE, LocalDate.of(2026, 11, 20));
            core.database().inTransaction(() -> fr.relais.core.replication.Outbox.suppressed(() -> core.careTeam().applySyncedOthers(patient.id(),
                    List.of(new fr.relais.core.careteam.OtherParticipant("Practitioner", nurse.displayName(), "Infirmier", null, null, nurse.id()),
                            new fr.relais.core.careteam.OtherParticipant("RelatedPerson", "KERBRAT Yann", "Aidant principal", null, null)),
                    "CareTeam/1010/_history/1")));
        }

        CliRun shown = CliRun.on(db, "patient", "show", "H-2001");

        assertThat(shown.code()).as(shown.err()).isZero();
        assertThat(shown.out()).contains("Katell GOASDOUE ; aussi Infirmier (hors Relais)")
                .contains("Aidant principal : KERBRAT Yann");
        assertThat(shown.out().split("GOASDOUE", -1)).as("one person, one line").hasSize(2);
        // The JSON keeps every participant as the server lists it.
        JsonNode json = CliRun.on(db, "--format", "json", "patient", "show", "H-2001").json();
        assertThat(json.get("otherParticipants")).hasSize(2);
    }

    @Test
    void theHospitalsCodedDaughterHospiceCarerAndNurseAreShownInFrenchAndAnUnknownCodeWithTheHospitalsWords() {
        Path db = StoreTemplate.copyTo(dir.resolve("relais.db"));
        UUID daughter = UUID.randomUUID();
        UUID neighbour = UUID.randomUUID();
        try (RelaisCore core = CliRun.openAsIdec(db)) {
            Patient patient = core.patients().applySynced(received("H-2002", new StrictTraits("KERBRAT", List.of("Marie"), Sex.F,
                    LocalDate.of(1948, 6, 2), null, BirthDatePrecision.DAY)), "Patient/1002/_history/1");
            var v3 = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";
            var nurse = core.careTeam().addProfessional("GOASDOUE", "Katell", fr.relais.core.careteam.Profession.INFIRMIER, null, null, null);
            core.careTeam().assign(patient.id(), nurse.id(), fr.relais.core.careteam.CareRole.IDE_LIBERALE, LocalDate.of(2026, 11, 20));
            core.database().inTransaction(() -> fr.relais.core.replication.Outbox.suppressed(() -> {
                core.relatives().applySynced(daughter, patient.id(), "LE GOFF Anne", new fr.relais.core.careteam.Coded(v3, "DAU", "Daughter"),
                        "RelatedPerson/1020/_history/1");
                core.relatives().applySynced(neighbour, patient.id(), "MADEC Loïc", new fr.relais.core.careteam.Coded(v3, "NBOR", "neighbor"),
                        "RelatedPerson/1021/_history/1");
                return core.careTeam().applySyncedOthers(patient.id(), List.of(
                        new fr.relais.core.careteam.OtherParticipant("Practitioner", nurse.displayName(), "Registered nurse", null, null, nurse.id(),
                                new fr.relais.core.careteam.Coded("http://snomed.info/sct", "224535009", "Registered nurse"), null, null),
                        new fr.relais.core.careteam.OtherParticipant("RelatedPerson", "LE GOFF Anne", "Hospice care", null, null, null,
                                new fr.relais.core.careteam.Coded("http://snomed.info/sct", "385763009", "Hospice care"), daughter, null),
                        new fr.relais.core.careteam.OtherParticipant("RelatedPerson", "MADEC Loïc", "Patient advocate", null, null, null,
                                new fr.relais.core.careteam.Coded("http://snomed.info/sct", "429577009", "Patient advocate"), neighbour, null)),
                        "CareTeam/1030/_history/1");
            }));
        }

        CliRun shown = CliRun.on(db, "patient", "show", "H-2002");

        assertThat(shown.code()).as(shown.err()).isZero();
        assertThat(shown.out()).contains("Soins palliatifs : LE GOFF Anne (fille, hors Relais)")
                .contains("Patient advocate : MADEC Loïc (voisin ou voisine, hors Relais)")
                .contains("Katell GOASDOUE ; aussi Infirmier ou infirmière (hors Relais)")
                .doesNotContain("Daughter", "Hospice care", "neighbor", "Registered nurse");
        // The JSON keeps the codes and the hospital's words as the server lists them.
        JsonNode daughterJson = CliRun.on(db, "--format", "json", "patient", "show", "H-2002").json().get("otherParticipants").get(1);
        assertThat(daughterJson.get("role").asText()).isEqualTo("Hospice care");
        assertThat(daughterJson.get("roleCode").get("code").asText()).isEqualTo("385763009");
        assertThat(daughterJson.get("relationship").get("code").asText()).isEqualTo("DAU");
        assertThat(daughterJson.get("relationship").get("display").asText()).isEqualTo("Daughter");
    }

    @Test
    void aWeightThePatientDeclinedIsShownAsAMeasureNotTakenWithItsReasonInFrench() {
        Path db = StoreTemplate.copyTo(dir.resolve("relais.db"));
        try (RelaisCore core = CliRun.openAsIdec(db)) {
            Patient p = core.patients().applySynced(received("X-REFUS", new StrictTraits("KERBRAT", List.of("Marie"), Sex.F,
                    LocalDate.of(1944, 6, 1), null, BirthDatePrecision.DAY)), "Patient/1004/_history/1");
            core.textMeasures().applySynced(new TextMeasure(UUID.randomUUID(), p.id(), MeasureCatalog.BODY_WEIGHT, "Asked But Declined",
                    Instant.parse("2026-12-05T07:30:00Z"), "final", "asked-declined"), "Observation/2003/_history/1");
            core.textMeasures().applySynced(new TextMeasure(UUID.randomUUID(), p.id(), MeasureCatalog.SPO2, "capteur",
                    Instant.parse("2026-12-04T07:30:00Z"), "final", "a-code-nobody-knows"), "Observation/2004/_history/1");
        }

        CliRun shown = CliRun.on(db, "patient", "show", "X-REFUS");

        assertThat(shown.code()).as(shown.err()).isZero();
        assertThat(shown.out()).contains("Mesures reçues en texte ou non faites (non interprétées par Relais) :")
                .contains("Poids : mesure non faite : refusée par le patient")
                .contains(": mesure non faite : motif non reconnu par Relais")
                .doesNotContain("Asked But Declined", "asked-declined", "a-code-nobody-knows");
        JsonNode json = CliRun.on(db, "--format", "json", "patient", "show", "X-REFUS").json();
        assertThat(json.get("textMeasures").get(0).get("absentReason").asText()).isEqualTo("asked-declined");
    }

    @Test
    void aPatientTheHospitalRecordsAsDeceasedIsShownDeceasedWithTheDayAndTasksSuspended() {
        Path db = StoreTemplate.copyTo(dir.resolve("relais.db"));
        try (RelaisCore core = CliRun.openAsIdec(db)) {
            Patient died = core.patients().applySynced(received("X-DCD", new StrictTraits("LE GALL", List.of("Yves"), Sex.M,
                    LocalDate.of(1940, 5, 2), null, BirthDatePrecision.DAY)), "Patient/1001/_history/2");
            core.deaths().applySynced(died.id(), true, LocalDate.of(2026, 12, 3));
            Patient noDay = core.patients().applySynced(received("X-DCD2", new StrictTraits("MORVAN", List.of("Anne"), Sex.F,
                    LocalDate.of(1938, 3, 9), null, BirthDatePrecision.DAY)), "Patient/1002/_history/2");
            core.deaths().applySynced(noDay.id(), true, null);
        }

        CliRun shown = CliRun.on(db, "patient", "show", "X-DCD");
        CliRun shownNoDay = CliRun.on(db, "patient", "show", "X-DCD2");

        assertThat(shown.code()).as(shown.err()).isZero();
        assertThat(shown.out()).contains("Décédé le 03/12/2026 (selon le dossier d'un autre système) : tâches suspendues");
        assertThat(shownNoDay.out()).contains("Décédée (selon le dossier d'un autre système, date non communiquée) : tâches suspendues");
    }
}
