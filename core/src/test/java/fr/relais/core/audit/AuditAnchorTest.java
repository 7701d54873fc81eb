package fr.relais.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The anchor beside the store: the hospital listener's groups move it side by side, each after its own sync (ADR 0029),
 * so two moves can end in either order; the later event must stay named, or the trail's newest events would go
 * unprotected until the next commit.
 */
class AuditAnchorTest {
    private static final AuditChain.Signer SIGNER = new AuditChain.Signer("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");

    @TempDir
    Path dir;

    @Test
    void twoGroupsMovingTheAnchorInTheWrongOrderLeaveItOnTheLaterEvent() throws Exception {
        AuditAnchor anchor = AuditAnchor.besideStore(dir.resolve("relais.db"));
        anchor.write(110, "b".repeat(64), SIGNER);

        anchor.write(100, "a".repeat(64), SIGNER);

        assertThat(anchor.read(SIGNER)).hasValueSatisfying(mark -> {
            assertThat(mark.seq()).isEqualTo(110);
            assertThat(mark.signed()).isTrue();
        });
    }

    @Test
    void anAnchorRewrittenBySomeoneElseIsOverwrittenByTheNextMove() throws Exception {
        AuditAnchor anchor = AuditAnchor.besideStore(dir.resolve("relais.db"));
        anchor.write(110, "b".repeat(64), SIGNER);
        // Another Relais on the same store (or a restore) wrote it since, an older version's anchor with a line more: this
        // process's memory of the file no longer holds (its size differs even within the change time's granularity).
        Files.writeString(anchor.file(), AuditAnchor.text(50, "c".repeat(64), SIGNER) + "\n\n");

        anchor.write(100, "a".repeat(64), SIGNER);

        assertThat(anchor.read(SIGNER)).hasValueSatisfying(mark -> assertThat(mark.seq()).isEqualTo(100));
    }
}
