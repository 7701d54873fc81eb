package fr.relais.sync.fhir;

import fr.relais.core.error.BadInputException;

/**
 * The refusal of a FHIR record Relais cannot read, with the reason in the reader's language. The mappers used to pass
 * the exception's own message ("For input string", "Cannot invoke ... because ... is null", "No enum constant
 * fr.relais..."): English library text with class names inside a French sentence, which the fuzz campaign's clean-refusal
 * check of issue 23 rejects.
 */
public final class FhirRefusal {
    private FhirRefusal() {
    }

    /** {@code key} takes the reason as its only argument ({@code fhir.observation}, {@code fhir.patient}, ...). */
    static BadInputException of(String source, String key, RuntimeException e) {
        return new BadInputException(source, key, reason(e));
    }

    /**
     * The reasons a record kept unread may give, each clinical French naming no id, code or resource type (what "Pas
     * encore lu" and {@code relais sync status} show): the wrappers take one of these reasons as their only argument,
     * the others take none. {@code UnreadReasonWordingTest} walks every one through the raw-code scan.
     */
    public static final java.util.Set<String> UNREAD_KEYS = java.util.Set.of(
            "fhir.invalid", "fhir.patient", "fhir.patientField", "fhir.task", "fhir.foreignCarePlan", "fhir.foreignCarePlanNoPatient",
            "fhir.enrollment", "fhir.questionnaireResponse", "fhir.questionnaireUnknown", "fhir.observation", "fhir.detectedIssue",
            "fhir.practitioner", "fhir.careTeam", "fhir.careplan", "fhir.patientNotHeld", "fhir.taskForGroup", "fhir.taskNoPatient",
            "fhir.field.birthDate", "fhir.field.sex", "fhir.reason.number", "fhir.reason.date", "fhir.reason.missing",
            "fhir.reason.value", "fhir.reason.other", "fhir.reason.noPatient", "fhir.reason.noLoinc", "fhir.reason.noSystolic",
            "fhir.reason.noEffective", "fhir.reason.noRule", "fhir.reason.noFamilyName", "fhir.reason.noStep",
            "fhir.reason.noConsentScope", "fhir.reason.consentPatientOrDay", "fhir.reason.unknownConsentScope",
            "fhir.reason.noScoring", "fhir.reason.urgentPlanId", "fhir.reason.stepIdentifier", "fhir.reason.noOccurrence",
            "fhir.reason.thresholdIncomplete", "fhir.reason.thresholdNotJson", "fhir.reason.thresholdRule",
            "fhir.reason.unknownProfession", "fhir.reason.participantIncomplete", "fhir.reason.notHeldHere",
            "fhir.reason.measureNotFollowed", "fhir.reason.questionnaireNotHere");

    /** The wrappers among {@link #UNREAD_KEYS}: "la mesure ne peut pas être lue : {0}", {0} a reason. */
    public static final java.util.Set<String> UNREAD_WRAPPERS = java.util.Set.of("fhir.invalid", "fhir.patient", "fhir.patientField",
            "fhir.task", "fhir.foreignCarePlan", "fhir.enrollment", "fhir.questionnaireResponse", "fhir.observation",
            "fhir.detectedIssue", "fhir.practitioner", "fhir.careTeam", "fhir.careplan");

    /** Refusals the core gives with an id or a code in them, and the reason a record kept unread says instead. */
    private static final java.util.Map<String, String> CORE_REFUSALS = java.util.Map.of(
            "measure.unknownCode", "fhir.reason.measureNotFollowed",
            "questionnaire.unknown", "fhir.reason.questionnaireNotHere");

    /**
     * Why a record is kept unread, as stored and shown: the refusal's reason when it is one of {@link #UNREAD_KEYS} (its
     * nested reason made so too), else the reason in general words. A refusal from elsewhere (the core's "aucun patient
     * ne porte l'identifiant 3f2a…", a questionnaire's id, a reference, a code another system wrote) never reaches the
     * reader with its id.
     */
    public static BadInputException.Reason unreadReason(RuntimeException e) {
        return clean(reason(e));
    }

    private static BadInputException.Reason clean(BadInputException.Reason r) {
        if (!UNREAD_KEYS.contains(r.key())) {
            // Every "no such record" refusal, whatever its kind, names an id of this laptop.
            String instead = r.key().startsWith(fr.relais.core.error.NotFoundException.KEY_PREFIX) ? "fhir.reason.notHeldHere" : CORE_REFUSALS.get(r.key());
            return new BadInputException.Reason(instead != null ? instead : "fhir.reason.value");
        }
        if (!UNREAD_WRAPPERS.contains(r.key())) {
            return new BadInputException.Reason(r.key());
        }
        BadInputException.Reason inner = r.args().stream().filter(a -> a instanceof BadInputException.Reason)
                .map(a -> clean((BadInputException.Reason) a)).findFirst().orElse(new BadInputException.Reason("fhir.reason.other"));
        return new BadInputException.Reason(r.key(), inner);
    }

    /** Why a record could not be read, to translate: a refusal's own reason, else the kind of fault in words. */
    public static BadInputException.Reason reason(RuntimeException e) {
        if (e instanceof BadInputException refused) {
            return BadInputException.Reason.of(refused);
        }
        if (e instanceof NumberFormatException || e instanceof ArithmeticException) {
            return new BadInputException.Reason("fhir.reason.number");
        }
        if (e instanceof java.time.DateTimeException || e instanceof ca.uhn.fhir.parser.DataFormatException) {
            return new BadInputException.Reason("fhir.reason.date");
        }
        if (e instanceof NullPointerException || e instanceof IndexOutOfBoundsException) {
            return new BadInputException.Reason("fhir.reason.missing");
        }
        if (e instanceof IllegalArgumentException || e instanceof org.hl7.fhir.exceptions.FHIRException) {
            return new BadInputException.Reason("fhir.reason.value");
        }
        return new BadInputException.Reason("fhir.reason.other");
    }
}
