package fr.relais.app.wording;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.replication.Conflict;
import org.junit.jupiter.api.Test;

/** A conflict on a task's due time reads in the team's clock, not in UTC. */
class ConflictValueTextTest {
    @Test
    void aDueTimeInConflictReadsInParisTimeSummerAndWinter() {
        assertThat(ConflictValueText.of("2026-12-06T13:00:00Z")).isEqualTo("06/12/2026 14:00");
        assertThat(ConflictValueText.of("2026-07-01T06:30:00.250Z")).isEqualTo("01/07/2026 08:30");
    }

    @Test
    void aNoteOrAnEndDateInConflictIsShownAsWritten() {
        assertThat(ConflictValueText.of("appel fait, patiente rassurée")).isEqualTo("appel fait, patiente rassurée");
        assertThat(ConflictValueText.of("2026-12-20")).isEqualTo("2026-12-20");
        assertThat(ConflictValueText.of(null)).isNull();
    }

    @Test
    void aTaskDeletedOnTheServerWhileChangedHereReadsInWordsOnBothSidesAndAMeasureOrAPathwayAgreesWithItsKind() {
        var texts = fr.relais.core.i18n.Localization.of(fr.relais.app.wording.Messages.BUNDLE, fr.relais.core.i18n.Language.FR);
        Conflict task = deletion(fr.relais.core.task.TaskService.RECORD);
        assertThat(ConflictValueText.local(task, null, texts)).isEqualTo(
                "modifiée sur ce poste, pas encore envoyée (garder : le serveur la reprend avec la modification)");
        assertThat(ConflictValueText.remote(task, null, texts)).isEqualTo(
                "supprimée sur le serveur (garder : la modification locale est abandonnée)");
        assertThat(ConflictValueText.base(task, null, texts)).isEqualTo("aucune version commune : tâche supprimée sur le serveur");
        assertThat(ConflictValueText.base(deletion(fr.relais.core.measure.MeasureService.RECORD), null, texts))
                .isEqualTo("aucune version commune : mesure supprimée sur le serveur");
        assertThat(ConflictValueText.base(deletion(fr.relais.core.pathway.EnrollmentService.RECORD), null, texts))
                .isEqualTo("aucune version commune : parcours supprimé sur le serveur");
        assertThat(ConflictValueText.remote(deletion(fr.relais.core.pathway.EnrollmentService.RECORD), null, texts))
                .startsWith("supprimé sur le serveur");
    }

    private static Conflict deletion(String kind) {
        return new Conflict(java.util.UUID.randomUUID(), kind, java.util.UUID.randomUUID(), Conflict.DELETED, null, "changed", "deleted",
                "2", "OPEN", java.time.Instant.parse("2026-12-06T09:00:00Z"), null, null, null);
    }
}
