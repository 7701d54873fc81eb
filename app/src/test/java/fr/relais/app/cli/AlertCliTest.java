package fr.relais.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alert engine as a nurse meets it on the command line (docs/alerts.md). */
class AlertCliTest {
    @TempDir
    Path dir;
    Path db;

    @BeforeEach
    void setUp() {
        db = dir.resolve("relais.db");
        CliRun added = run("patient", "add", "--family", "DURAND", "--given", "Jeanne", "--sex", "F", "--birth-date", "1940-05-01",
                "--ipp", "P1");
        assertThat(added.code()).as(added.err()).isZero();
    }

    private CliRun run(String... args) {
        return CliRun.on(db, args);
    }

    private List<String> alerts(String status) {
        List<String> found = new ArrayList<>();
        for (JsonNode a : run("--format", "json", "alerts", "--status", status, "--patient", "P1").json()) {
            found.add(a.get("ruleId").asText() + " " + a.get("level").asText() + " " + a.get("status").asText());
        }
        return found;
    }

    private void weigh(String kg, String at) {
        CliRun added = run("measure", "add", "--patient", "P1", "--code", "29463-7", "--value", kg, "--unit", "kg", "--at", at);
        assertThat(added.code()).as(added.err()).isZero();
    }

    @Test
    void aTwoKiloGainWeighedTenMinutesEarlierOnTheFirstDayIsRed() {
        assertThat(run("enroll", "--patient", "P1", "--pathway", "insuffisance-cardiaque-sortie", "--start", "2026-10-01").code()).isZero();
        weigh("70", "2026-11-02T08:50");
        weigh("72", "2026-11-05T09:00");
        assertThat(alerts("all")).contains("poids-hausse-3j RED OPEN").noneMatch(a -> a.startsWith("poids-hausse-1j"));
    }

    @Test
    void aGainAcrossTheAutumnClockChangeIsRed() {
        assertThat(run("enroll", "--patient", "P1", "--pathway", "insuffisance-cardiaque-sortie", "--start", "2026-10-01").code()).isZero();
        weigh("70", "2026-10-23T09:00");
        weigh("72", "2026-10-26T09:00");
        assertThat(alerts("all")).contains("poids-hausse-3j RED OPEN");
    }
}
