package fr.relais.core.error;

/**
 * An id given by the user that names nothing in the store: bad input too (exit code 2 on the command line). The reason
 * is one sentence per kind of record, from the bundle: the record's name, its gender and article belong to the reader's
 * language ("aucune tâche ne porte l'identifiant …"), never an English word slotted into a French sentence.
 */
public class NotFoundException extends BadInputException {
    private static final long serialVersionUID = 1L;
    /** The bundle keys of these refusals all start with it: one per {@link What}. */
    public static final String KEY_PREFIX = "notFound.";

    /** What was looked for; each has its sentence {@code notFound.<key>} in the errors bundle. */
    public enum What {
        PATIENT("patient"), PATIENT_ID_OR_IPP("patientIdOrIpp"), TASK("task"), ALERT("alert"), MEASURE("measure"),
        CONFLICT("conflict"), QUESTIONNAIRE("questionnaire"), QUESTIONNAIRE_RESPONSE("questionnaireResponse"),
        HOSPITAL_EVENT("hospitalEvent"), DISCHARGE_PROPOSAL("dischargeProposal"), PROFESSIONAL("professional"), PROFESSIONAL_ID_OR_RPPS("professionalIdOrRpps"),
        CARE_TEAM_MEMBER("careTeamMember"), PATHWAY("pathway"), ENROLLMENT("enrollment"), MESSAGE("message"),
        CONSENT("consent");

        private final String key;

        What(String key) {
            this.key = key;
        }

        public String key() {
            return KEY_PREFIX + key;
        }
    }

    public NotFoundException(String input, What what, Object id) {
        super(input, what.key(), String.valueOf(id));
    }
}
