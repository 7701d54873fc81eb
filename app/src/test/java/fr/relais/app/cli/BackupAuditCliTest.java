package fr.relais.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code relais backup|restore|audit}: a restore brings the backup back and keeps the old base; tampering is reported. */
class BackupAuditCliTest {
    @TempDir
    Path dir;

    private CliRun addPatient(Path db, String family, String ipp) {
        return CliRun.on(db, "patient", "add", "--family", family, "--given", "Claire", "--sex", "F", "--birth-date", "1950-03-14", "--ipp", ipp);
    }

    @Test
    void aBackupIsRestoredAndTheReplacedBaseIsKept() throws Exception {
        Path db = dir.resolve("relais.db");
        assertThat(addPatient(db, "AVANT", "B1").code()).isZero();
        Path backup = dir.resolve("sauvegarde.db");
        JsonNode written = CliRun.on(db, "--format", "json", "backup", "--out", backup.toString()).json();
        assertThat(written.get("bytes").asLong()).isPositive();
        assertThat(addPatient(db, "APRES", "B2").code()).isZero();

        JsonNode restored = CliRun.on(db, "--format", "json", "restore", backup.toString()).json();
        assertThat(Path.of(restored.get("previousKeptAs").asText())).exists();
        JsonNode patients = CliRun.on(db, "--format", "json", "patient", "list").json();
        assertThat(patients).hasSize(1);
        assertThat(patients.get(0).get("birthFamilyName").asText()).isEqualTo("AVANT");

        Path garbage = dir.resolve("pas-une-base.db");
        Files.writeString(garbage, "ceci n'est pas une base");
        CliRun refused = CliRun.on(db, "restore", garbage.toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("pas-une-base.db");
        assertThat(CliRun.on(db, "--format", "json", "patient", "list").json()).hasSize(1);
    }

    @Test
    void aRestoreIsUndoneThroughRelaisWithTheCopyItKept() {
        Path db = dir.resolve("relais.db");
        assertThat(addPatient(db, "AVANT", "U1").code()).isZero();
        Path backup = dir.resolve("sauvegarde.db");
        assertThat(CliRun.on(db, "backup", "--out", backup.toString()).code()).isZero();
        assertThat(addPatient(db, "APRES", "U2").code()).isZero();
        CliRun restored = CliRun.on(db, "restore", backup.toString());
        assertThat(restored.out()).contains("relais restore --undo");
        assertThat(CliRun.on(db, "--format", "json", "patient", "list").json()).hasSize(1);

        CliRun undone = CliRun.on(db, "restore", "--undo");
        assertThat(undone.code()).isZero();
        assertThat(CliRun.on(db, "--format", "json", "patient", "list").json()).as("the patient added after the backup is back")
                .hasSize(2);

        CliRun neither = CliRun.on(db, "restore");
        assertThat(neither.code()).isEqualTo(2);
        assertThat(neither.err()).contains("--undo");
        CliRun nothing = CliRun.on(dir.resolve("autre.db"), "restore", "--undo");
        assertThat(nothing.code()).isEqualTo(2);
        assertThat(nothing.err()).contains("rien à annuler");
    }

    @Test
    void theAuditChainVerifiesAndTamperingExitsOne() throws Exception {
        Path db = dir.resolve("relais.db");
        assertThat(addPatient(db, "MARTIN", "A1").code()).isZero();
        assertThat(addPatient(db, "DURAND", "A2").code()).isZero();
        JsonNode ok = CliRun.on(db, "--format", "json", "audit", "verify").json();
        assertThat(ok.get("intact").asBoolean()).isTrue();
        assertThat(CliRun.on(db, "patient", "show", "A1").code()).isZero();
        JsonNode history = CliRun.on(db, "--format", "json", "audit", "list", "--patient", "A1").json();
        assertThat(history).isNotEmpty();
        assertThat(history.findValuesAsText("action")).as("opening the file is in the patient's access history").contains("patient.read");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db); var s = c.createStatement()) {
            s.executeUpdate("UPDATE audit_event SET actor = 'quelqu''un d''autre' WHERE seq = (SELECT min(seq) FROM audit_event WHERE hash IS NOT NULL)");
        }
        CliRun tampered = CliRun.on(db, "audit", "verify");
        assertThat(tampered.code()).isEqualTo(1);
        assertThat(tampered.out()).contains("ALTÉRÉ");
    }

    @Test
    void anErasedAuditTrailFailsVerificationWithAFrenchSentence() throws Exception {
        Path db = dir.resolve("relais.db");
        assertThat(addPatient(db, "EFFACE", "E1").code()).isZero();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db); var s = c.createStatement()) {
            s.executeUpdate("DELETE FROM audit_event");
        }
        CliRun erased = CliRun.on(db, "audit", "verify");
        assertThat(erased.code()).isEqualTo(1);
        assertThat(erased.out()).contains("ALTÉRÉ", "le journal est vide", "il a été effacé").doesNotContain("EMPTY", "Exception");
    }

    @Test
    void aBackupWhoseAuditTrailWasCutIsRefusedBeforeTheSwap() throws Exception {
        Path db = dir.resolve("relais.db");
        assertThat(addPatient(db, "GARDE", "G1").code()).isZero();
        assertThat(addPatient(db, "GARDE", "G2").code()).isZero();
        Path backup = dir.resolve("sauvegarde.db");
        assertThat(CliRun.on(db, "backup", "--out", backup.toString()).code()).isZero();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + backup); var s = c.createStatement()) {
            s.executeUpdate("DELETE FROM audit_event WHERE seq > (SELECT max(seq) - 2 FROM audit_event)");
        }
        CliRun refused = CliRun.on(db, "restore", backup.toString());

        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("journal d'audit ne se vérifie pas", "la base actuelle n'a pas été modifiée");
        assertThat(CliRun.on(db, "--format", "json", "patient", "list").json()).hasSize(2);
        assertThat(CliRun.on(db, "audit", "verify").code()).isZero();
    }

    @Test
    void anUnreachableTeamServerLeavesTheLocalVerdictAndSaysTheServersAnchorWasNotCompared() {
        Path db = dir.resolve("relais.db");
        assertThat(addPatient(db, "LOIN", "L1").code()).isZero();
        // Nothing listens on port 1: the server's anchor cannot be read.
        CliRun run = CliRun.on(db, "audit", "verify", "--server", "http://127.0.0.1:1/fhir");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("Journal d'audit intact", "Serveur d'équipe injoignable, l'ancre qu'il garde n'a pas été comparée")
                .doesNotContain("Exception", "HAPI-");
    }
}
