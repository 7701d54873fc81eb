package fr.relais.app.wording;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import org.junit.jupiter.api.Test;

/** What a nurse reads while the sync runs and in the identity history: French words, no engine keys, no server ids. */
class SyncWordingTest {
    private static final Localization FR = Localization.of("fr.relais.app.i18n.messages", Language.FR);
    private static final Localization EN = Localization.of("fr.relais.app.i18n.messages", Language.EN);

    @Test
    void progressLinesNameWhatWasReceivedOrSentInWords() {
        assertThat(SyncPhaseText.of("pull Patient", 1, FR)).isEqualTo("Patients reçus : 1");
        assertThat(SyncPhaseText.of("pull Observation", 12, FR)).isEqualTo("Mesures reçues : 12");
        assertThat(SyncPhaseText.of("push", 5, FR)).isEqualTo("Envoyés : 5");
        assertThat(SyncPhaseText.of("push AuditEvent", 40, FR)).isEqualTo("Traces d'audit envoyées : 40");
        assertThat(SyncPhaseText.of("pull RelatedPerson", 2, FR)).isEqualTo("Autres enregistrements reçus : 2");
        assertThat(SyncPhaseText.of("pull Patient", 1, EN)).startsWith("Patients received");
    }

    @Test
    void anIdentityReceivedFromTheServerReadsInFrenchWithoutItsServerId() {
        String received = IdentityReasonText.of("received from Patient/1001/_history/2 (stated VALI, evidence supports PROV)", FR);

        assertThat(received).isEqualTo("reçue du serveur de l'équipe (Identité validée annoncée, Identité provisoire d'après les preuves reçues)");
        assertThat(IdentityReasonText.of("received from Patient/1001/_history/1", FR)).isEqualTo("reçue du serveur de l'équipe");
        assertThat(IdentityReasonText.of("strict traits changed on the server without a new check, received from Patient/1001/_history/3", FR))
                .isEqualTo("traits stricts modifiés sur le serveur sans nouvelle vérification, reçue du serveur de l'équipe");
        assertThat(IdentityReasonText.of("CNI présentée à l'accueil (source=INSI document=CN)", FR))
                .isEqualTo("CNI présentée à l'accueil (recueil : téléservice INSi, pièce d'identité : carte nationale d'identité)");
        assertThat(IdentityReasonText.of("source=SM", FR)).isEqualTo("recueil : saisie manuelle");
        assertThat(IdentityReasonText.of("erreur de saisie", FR)).isEqualTo("erreur de saisie");
    }

    @Test
    void aWeightReceivedInPoundsReadsToTheTenthOfAKiloAndATypedOneAsTyped() {
        assertThat(MeasureValueText.of(new java.math.BigDecimal("74.84274105"), "kg", FR)).isEqualTo("74,8");
        assertThat(MeasureValueText.of(new java.math.BigDecimal("74.60"), "kg", FR)).isEqualTo("74,60");
        assertThat(MeasureValueText.of(new java.math.BigDecimal("37.2222222"), "Cel", FR)).isEqualTo("37,2");
        assertThat(MeasureValueText.of(new java.math.BigDecimal("74.84274105"), "kg", EN)).isEqualTo("74.8");
    }
}
