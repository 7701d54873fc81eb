package fr.relais.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.RelaisCore;
import fr.relais.core.hospital.HospitalEventType;
import fr.relais.core.hospital.HospitalMessage;
import fr.relais.core.hospital.PatientIdentifier;
import fr.relais.core.hospital.StoredHospitalEvent;
import fr.relais.core.session.Actor;
import fr.relais.core.session.UserSession;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code relais adt}: the identity queue listed in French, a message linked, bad input refused with nothing changed. */
class AdtCliTest extends CliFixture {
    UUID queued;

    @BeforeEach
    void setUp() {
        addPatient("LEROY", "Marthe", "F", "1944-06-02", "P1");
        // An admission from a hospital whose IPP nobody here knows: it waits in the queue.
        queued = withCore(core -> core.hospitalEvents().receive(new HospitalMessage("SIH", "CHU-RENNES^1.2.250.1.999.29^ISO", "MSG1",
                HospitalEventType.A01, "MVT1", "INSERT", Instant.parse("2026-11-20T09:00:00Z"), "I", "CARDIO", null, List.of(),
                List.of(new PatientIdentifier("H-77", "1.2.250.1.999.29.1.1", "PI")), List.of("VALI"), "MSH|..."), Set.of()).eventId());
    }

    <T> T withCore(Function<RelaisCore, T> work) {
        try (RelaisCore core = RelaisCore.open(db, CliRun.CLOCK, new UserSession(new Actor("t", "T", "poste")))) {
            return work.apply(core);
        }
    }

    StoredHospitalEvent.State state() {
        return withCore(core -> core.hospitalEvents().queue().stream().filter(e -> e.id().equals(queued)).findFirst()
                .map(StoredHospitalEvent::state).orElse(StoredHospitalEvent.State.APPLIED));
    }

    @Test
    void theQueueIsListedInFrenchAndALinkAppliesTheMessage() {
        CliRun list = run("adt", "queue");
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).contains("CHU-RENNES", "Admission", "H-77", "aucun patient ne porte cet INS qualifié ni cet IPP")
                .doesNotContain("UNMATCHED", "A01");

        CliRun linked = run("adt", "link", queued.toString(), "--patient", "P1");
        assertThat(linked.code()).as(linked.err()).isZero();
        assertThat(linked.out()).contains("Message « Admission » de CHU-RENNES rattaché à LEROY Marthe");
        assertThat(run("--format", "json", "adt", "queue").json()).isEmpty();
    }

    @Test
    void patientShowTellsTheNurseTheStayInWordsAndScriptsGetItInJson() {
        assertThat(run("adt", "link", queued.toString(), "--patient", "P1").code()).isZero();

        CliRun show = run("patient", "show", "P1");
        assertThat(show.code()).as(show.err()).isZero();
        assertThat(show.out()).contains("Séjours à l'hôpital :", "  Admission à l'hôpital le 20/11/2026 à 10:00 : CHU-RENNES, service CARDIO")
                .doesNotContain("A01", "APPLIED");

        var json = run("--format", "json", "patient", "show", "P1").json();
        assertThat(json.at("/hospitalStays/0/facility").asText()).isEqualTo("CHU-RENNES");
        assertThat(json.at("/hospitalStays/0/admittedAt").asText()).isEqualTo("2026-11-20T09:00:00Z");
        assertThat(json.at("/hospitalStays/0/dischargedAt").isNull()).isTrue();
        assertThat(json.at("/hospitalEvents/0/event").asText()).isEqualTo("A01");
        assertThat(json.at("/hospitalEvents/0/state").asText()).isEqualTo("APPLIED");
        assertThat(json.at("/hospitalEvents/0/location").asText()).isEqualTo("CARDIO");
    }

    @Test
    void aBadLinkIsRefusedInFrenchAndChangesNothing() {
        CliRun notAnId = run("adt", "link", "pas-un-identifiant", "--patient", "P1");
        assertThat(notAnId.code()).isEqualTo(2);
        assertThat(notAnId.err()).contains("pas-un-identifiant", "n'est pas un identifiant").doesNotContain("Exception");

        CliRun unknown = run("adt", "link", UUID.randomUUID().toString(), "--patient", "P1");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("message d'hospitalisation");

        CliRun noPatient = run("adt", "link", queued.toString(), "--patient", "P404");
        assertThat(noPatient.code()).isEqualTo(2);
        assertThat(state()).isEqualTo(StoredHospitalEvent.State.QUEUED);

        CliRun badPort = run("adt", "listen", "--port", "70000");
        assertThat(badPort.code()).isEqualTo(2);
        assertThat(badPort.err()).contains("--port", "70000", "65535");
    }

    @Test
    void aQueuedLetterIsLinkedThenReadInWordsInPatientShowAndInJson() {
        // The hospital's discharge letter, same unknown IPP: it waits beside the admission.
        UUID letter = withCore(core -> core.hospitalDocuments().receive(new fr.relais.core.hospital.HospitalDocumentMessage("PFI",
                "CHU-RENNES^1.2.250.1.999.29^ISO", "LET1", List.of(new PatientIdentifier("H-77", "1.2.250.1.999.29.1.1", "PI")),
                List.of("VALI"), null, null, "11490-0", "LN", "Lettre de liaison a la sortie", "Claire PERRIN", "CHU-RENNES",
                Instant.parse("2026-11-24T09:00:00Z"), "DOC-1", "application/pdf",
                "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)), Set.of()).documentId());
        CliRun list = run("adt", "queue");
        assertThat(list.out()).contains("Courrier de l'hôpital").doesNotContain("T02", "11490-0");

        CliRun linked = run("adt", "link", letter.toString(), "--patient", "P1");
        assertThat(linked.code()).as(linked.err()).isZero();
        assertThat(linked.out()).contains("Message « Courrier de l'hôpital » de CHU-RENNES rattaché à LEROY Marthe");
        // The admission with the same IPP was decided again: nothing waits any more.
        assertThat(run("--format", "json", "adt", "queue").json()).isEmpty();

        CliRun show = run("patient", "show", "P1");
        assertThat(show.out()).contains("Courriers de l'hôpital :", "  Lettre de liaison à la sortie, CHU-RENNES (Claire PERRIN), le 24/11/2026")
                .doesNotContain("11490-0", "application/pdf");
        var json = run("--format", "json", "patient", "show", "P1").json();
        assertThat(json.at("/hospitalDocuments/0/title").asText()).isEqualTo("Lettre de liaison à la sortie");
        assertThat(json.at("/hospitalDocuments/0/type").asText()).isEqualTo("11490-0");
        assertThat(json.at("/hospitalDocuments/0/mimeType").asText()).isEqualTo("application/pdf");
        assertThat(json.at("/hospitalDocuments/0/size").asLong()).isEqualTo(15);
        assertThat(json.at("/hospitalDocuments/0/stayId").asText()).isEqualTo(json.at("/hospitalStays/0/id").asText());
    }
}
