package fr.relais.sync.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.RawCodePatterns;
import fr.relais.core.error.BadInputException;
import fr.relais.core.i18n.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The reasons a record kept unread gives ("Non lus sur ce poste", {@code relais sync status}, the desktop's sync screen) are
 * read by nurses: clinical French, no id, no code, no FHIR resource type, no English (docs/wording.md).
 */
class UnreadReasonWordingTest {
    /** Resource types and library words a reason must not name ("la Task", "Patient/123", "QuestionnaireResponse"). */
    private static final Pattern ENGINE_WORDS = Pattern.compile(
            "\\b(?:Patient|Task|Observation|QuestionnaireResponse|CareTeam|CarePlan|Practitioner|DetectedIssue|Bundle|Group|FHIR)\\b|/|https?:");

    private static List<String> everyReason() {
        List<String> reasons = new ArrayList<>();
        List<String> inner = FhirRefusal.UNREAD_KEYS.stream().filter(k -> !FhirRefusal.UNREAD_WRAPPERS.contains(k)).sorted().toList();
        for (String key : inner) {
            reasons.add(new BadInputException.Reason(key).text(Language.FR));
        }
        for (String wrapper : FhirRefusal.UNREAD_WRAPPERS.stream().sorted().toList()) {
            for (String key : inner) {
                reasons.add(new BadInputException.Reason(wrapper, new BadInputException.Reason(key)).text(Language.FR));
            }
        }
        return reasons;
    }

    @Test
    void everyReasonARecordIsKeptUnreadForReadsAsClinicalFrenchWithoutIdsCodesOrResourceTypes() {
        List<String> reasons = everyReason();

        assertThat(reasons).hasSizeGreaterThan(FhirRefusal.UNREAD_KEYS.size());
        for (String reason : reasons) {
            assertThat(RawCodePatterns.findIn(reason)).as(reason).isEmpty();
            assertThat(ENGINE_WORDS.matcher(reason).find()).as(reason).isFalse();
        }
    }

    @Test
    void aRefusalThatNamesALocalIdOrAnotherSystemsCodeIsKeptUnreadWithoutIt() {
        String localId = UUID.randomUUID().toString();
        var notHeld = new fr.relais.core.error.NotFoundException("Observation/77/_history/1", fr.relais.core.error.NotFoundException.What.PATIENT, localId);
        var unknownProfession = new BadInputException("Practitioner/81/_history/2", "fhir.practitioner",
                new BadInputException.Reason("fhir.reason.unknownProfession", "KINE_LIBERAL"));
        var questionnaire = new BadInputException("QuestionnaireResponse/9/_history/1", "questionnaire.unknown", "esas-r");

        assertThat(FhirRefusal.unreadReason(notHeld).text(Language.FR)).isEqualTo("l'enregistrement désigne un dossier absent de ce poste");
        assertThat(FhirRefusal.unreadReason(unknownProfession).text(Language.FR))
                .isEqualTo("le professionnel ne peut pas être lu : la profession indiquée est inconnue de Relais");
        assertThat(FhirRefusal.unreadReason(questionnaire).text(Language.FR))
                .isEqualTo("le questionnaire n'est pas dans la bibliothèque de ce poste : ses réponses seront lues une fois qu'il y sera importé");
        assertThat(FhirRefusal.unreadReason(new NumberFormatException("For input string: \"7O\"")).text(Language.FR))
                .isEqualTo("un nombre attendu n'en est pas un");
    }
}
