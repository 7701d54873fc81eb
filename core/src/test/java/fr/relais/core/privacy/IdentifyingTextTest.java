package fr.relais.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IdentifyingTextTest {
    private final IdentifyingText kerbrat = IdentifyingText.of(List.of("LE GALL", "KERBRAT", "Marie", "Anne", "29004512", "1948-06-02"));

    @Test
    void aHomeVisitTitledWithThePatientsNameKeepsItsClinicalWordsAndLosesTheName() {
        assertThat(kerbrat.redact("Passage IDE Mme Kerbrat, née Le Gall : ionogramme"))
                .isEqualTo("Passage IDE Mme (anonymisé), née (anonymisé) : ionogramme");
        // A whole word only: a town that starts like a given name is left alone.
        assertThat(kerbrat.redact("Consultation à Annecy")).isEqualTo("Consultation à Annecy");
    }

    @Test
    void aHospitalCareTeamNumberedAfterThePatientsIppLosesThatNumberButKeepsItsCodesAndReferences() {
        String team = """
                {"resourceType":"CareTeam","id":"12","identifier":[{"system":"urn:oid:1.2.250.1.999.29.1.9","value":"EQ-29004512-1"},\
                {"system":"urn:oid:1.2.250.1.999.29.1.10","value":"CARDIO-B"}],"name":"Équipe de sortie de Mme KERBRAT",\
                "subject":{"reference":"Patient/1001"},"note":[{"text":"Fille de Marie KERBRAT joignable le soir"}],\
                "participant":[{"role":[{"coding":[{"system":"urn:x","code":"KERBRAT"}],"text":"Aidant"}],"member":{"reference":"RelatedPerson/7"}}]}""";

        String scrubbed = kerbrat.scrubbed(team);

        assertThat(scrubbed).doesNotContain("29004512", "Marie").contains("CARDIO-B", "Patient/1001", "RelatedPerson/7")
                .contains("\"name\":\"Équipe de sortie de Mme (anonymisé)\"")
                .contains("\"text\":\"Fille de (anonymisé) (anonymisé) joignable le soir\"")
                .as("a code is no text: left as written").contains("\"code\":\"KERBRAT\"");
    }

    @Test
    void aRecordWithNothingToLookForIsLeftAsWritten() {
        assertThat(IdentifyingText.NONE.redact("Passage IDE Mme KERBRAT")).isEqualTo("Passage IDE Mme KERBRAT");
        assertThat(IdentifyingText.of(List.of("", " ", "A")).redact("A la maison")).isEqualTo("A la maison");
    }
}
