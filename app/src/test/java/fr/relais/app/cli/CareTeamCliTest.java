package fr.relais.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.relais.core.RelaisCore;
import fr.relais.core.StoreTemplate;
import fr.relais.core.careteam.Professional;
import fr.relais.core.careteam.Profession;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code relais careteam}: a professional received from the team server (another system's Practitioner, with no RPPS
 * number Relais reads) is listed and joins a patient's cercle de soins from the command line, not only directory entries.
 */
class CareTeamCliTest {
    @TempDir
    Path dir;

    @Test
    void aHospitalNurseReceivedFromTheServerJoinsTheCercleDeSoinsByHerId() {
        Path db = StoreTemplate.copyTo(dir.resolve("relais.db"));
        UUID nurse = UUID.nameUUIDFromBytes("1042".getBytes(StandardCharsets.UTF_8));
        try (RelaisCore core = CliRun.openAsIdec(db)) {
            core.careTeam().applySyncedProfessional(new Professional(nurse, "GUEGUEN", "Soizic", Profession.INFIRMIER, null, null, null),
                    "Practitioner/1042/_history/1");
        }
        assertThat(CliRun.on(db, "patient", "add", "--family", "MARTIN", "--given", "Claire", "--sex", "F", "--birth-date", "1950-03-14",
                "--ipp", "P1").code()).isZero();

        JsonNode listed = CliRun.on(db, "--format", "json", "careteam", "professionals", "--name", "gue").json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("id").asText()).isEqualTo(nurse.toString());
        CliRun added = CliRun.on(db, "careteam", "add", "--patient", "P1", "--professional", nurse.toString(), "--role", "IDE_LIBERALE");

        assertThat(added.code()).isZero();
        assertThat(added.out()).contains("Soizic GUEGUEN fait désormais partie du cercle de soins : IDE en libéral.");
        try (RelaisCore core = CliRun.openAsIdec(db)) {
            var patient = core.patients().resolve("P1").id();
            assertThat(core.careTeam().teamOf(patient)).singleElement().satisfies(m -> assertThat(m.professional().id()).isEqualTo(nurse));
        }
    }

    @Test
    void aProfessionalNobodyKnowsHereIsRefusedByNameWithTheWayToFindOne() {
        Path db = StoreTemplate.copyTo(dir.resolve("relais.db"));
        assertThat(CliRun.on(db, "patient", "add", "--family", "MARTIN", "--given", "Claire", "--sex", "F", "--birth-date", "1950-03-14",
                "--ipp", "P1").code()).isZero();

        CliRun refused = CliRun.on(db, "careteam", "add", "--patient", "P1", "--professional", "GUEGUEN", "--role", "IDE_LIBERALE");

        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("GUEGUEN", "relais careteam professionals");
    }
}
