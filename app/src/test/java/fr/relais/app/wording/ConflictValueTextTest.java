package fr.relais.app.wording;

import static org.assertj.core.api.Assertions.assertThat;

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
    void aTaskDeletedOnTheServerWhileChangedHereReadsInWordsOnBothSides() {
        var texts = fr.relais.core.i18n.Localization.of(fr.relais.app.wording.Messages.BUNDLE, fr.relais.core.i18n.Language.FR);
        String field = fr.relais.core.replication.Conflict.DELETED;
        assertThat(ConflictValueText.of(field, "changed", null, texts)).isEqualTo(
                "modifié sur ce poste, pas encore envoyé (garder : le serveur le reprend avec la modification)");
        assertThat(ConflictValueText.of(field, "deleted", null, texts)).isEqualTo(
                "supprimé sur le serveur (garder : la modification locale est abandonnée)");
        assertThat(ConflictValueText.of(field, null, null, texts)).isNull();
    }
}
