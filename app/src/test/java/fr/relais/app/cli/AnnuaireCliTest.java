package fr.relais.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.relais.core.RelaisCore;
import fr.relais.core.careteam.Profession;
import fr.relais.core.directory.DirectoryEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code relais annuaire}: configuration errors are bad input, an unreachable directory is a failure, and what was
 * found before is searchable and addable offline. (The client against a directory server: sync's AnnuaireClientTest.)
 */
class AnnuaireCliTest {
    @TempDir
    Path dir;

    private CliRun run(Map<String, String> env, String... args) {
        var all = new java.util.HashMap<>(env);
        all.put("RELAIS_DB", dir.resolve("relais.db").toString());
        return CliRun.of((services, language) -> { }, all, args);
    }

    @Test
    void withoutAKeyItSaysWhereToPutOneAndAnUnreachableDirectoryIsAFailure() throws Exception {
        CliRun noKey = run(Map.of(), "annuaire", "search", "--name", "BONNET");
        assertThat(noKey.code()).isEqualTo(2);
        assertThat(noKey.err()).contains("RELAIS_ESANTE_API_KEY", "portal.api.esante.gouv.fr");

        Path keyFile = dir.resolve("esante.key");
        Files.writeString(keyFile, "une-cle\n");
        CliRun unreachable = run(Map.of(), "annuaire", "search", "--name", "BONNET", "--server", "http://127.0.0.1:9/fhir",
                "--api-key-file", keyFile.toString());
        assertThat(unreachable.code()).isEqualTo(1);
        assertThat(unreachable.err()).contains("injoignable").doesNotContain("une-cle");

        CliRun noCriterion = run(Map.of("RELAIS_ESANTE_API_KEY", "k"), "annuaire", "search", "--commune", "Lyon");
        assertThat(noCriterion.code()).isEqualTo(2);
        assertThat(noCriterion.err()).contains("au moins un critère");
    }

    @Test
    void whatWasFoundBeforeIsSearchedAndAddedOffline() {
        Path db = dir.resolve("relais.db");
        try (RelaisCore core = CliRun.openAsIdec(db)) {
            core.directory().save(List.of(new DirectoryEntry("810003461033", "10003461033", "BONNET", "Jérôme", "10", Profession.MEDECIN,
                    List.of("SM54"), List.of("jeromebonnet@pro.mssante.fr"), true, Instant.parse("2026-10-01T00:00:00Z"),
                    List.of(new DirectoryEntry.Activity("F1", "CH DE TEST", "690000001", null, "Lyon", "69383", "69003", List.of())))),
                    CliRun.CLOCK.instant());
        }
        assertThat(CliRun.on(db, "patient", "add", "--family", "MARTIN", "--given", "Claire", "--sex", "F", "--birth-date", "1950-03-14",
                "--ipp", "P1").code()).isZero();

        JsonNode found = run(Map.of(), "--format", "json", "annuaire", "search", "--offline", "--name", "bon").json();
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("rpps").asText()).isEqualTo("10003461033");
        assertThat(found.get(0).get("mailboxes").get(0).asText()).isEqualTo("jeromebonnet@pro.mssante.fr");
        assertThat(found.get(0).get("activities").get(0).get("city").asText()).isEqualTo("Lyon");

        JsonNode member = CliRun.on(db, "--format", "json", "annuaire", "add", "--patient", "P1", "--rpps", "10003461033",
                "--role", "medecin-traitant").json();
        assertThat(member.get("role").asText()).isEqualTo("MEDECIN_TRAITANT");
        assertThat(member.get("mssanteAddress").asText()).isEqualTo("jeromebonnet@pro.mssante.fr");
        assertThat(CliRun.on(db, "annuaire", "add", "--patient", "P1", "--rpps", "10000000000", "--role", "IDEC").code()).isEqualTo(2);
    }

    @Test
    void aProfessionalClosedInTheDirectoryKeepsTheLastKnownNameAndIsShownInactive() {
        Path db = dir.resolve("relais.db");
        DirectoryEntry bonnet = new DirectoryEntry("810003461033", "10003461033", "BONNET", "Jérôme", "10", Profession.MEDECIN,
                List.of("SM54"), List.of("jeromebonnet@pro.mssante.fr"), true, Instant.parse("2026-10-01T00:00:00Z"), List.of());
        try (RelaisCore core = CliRun.openAsIdec(db)) {
            core.directory().save(List.of(bonnet), Instant.parse("2026-10-01T00:00:00Z"));
        }
        assertThat(CliRun.on(db, "patient", "add", "--family", "MARTIN", "--given", "Claire", "--sex", "F", "--birth-date", "1950-03-14",
                "--ipp", "P1").code()).isZero();
        assertThat(CliRun.on(db, "annuaire", "add", "--patient", "P1", "--rpps", "10003461033", "--role", "medecin-traitant").code())
                .isZero();
        // The directory closes him: its record carries his identifiers and active=false, no name (as the real API does).
        try (RelaisCore core = CliRun.openAsIdec(db)) {
            core.directory().save(List.of(new DirectoryEntry("810003461033", "10003461033", null, null, null, null, List.of(), List.of(),
                    false, Instant.parse("2026-11-20T00:00:00Z"), List.of())), Instant.parse("2026-11-21T00:00:00Z"));
        }

        JsonNode found = run(Map.of(), "--format", "json", "annuaire", "search", "--offline", "--name", "bon").json();
        assertThat(found).singleElement().satisfies(e -> {
            assertThat(e.get("familyName").asText()).isEqualTo("BONNET");
            assertThat(e.get("givenName").asText()).isEqualTo("Jérôme");
            assertThat(e.get("active").asBoolean()).isFalse();
        });
        assertThat(run(Map.of(), "annuaire", "search", "--offline", "--name", "bon").out())
                .contains("BONNET Jérôme (inactif dans l'Annuaire Santé)").doesNotContain("?");
        assertThat(CliRun.on(db, "patient", "show", "P1").out())
                .contains("BONNET", "(RPPS 10003461033) (inactif dans l'Annuaire Santé)");
    }
}
