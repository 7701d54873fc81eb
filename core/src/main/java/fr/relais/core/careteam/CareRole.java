package fr.relais.core.careteam;

import fr.relais.core.error.BadInputException;

/**
 * Roles in a patient's cercle de soins, and the roles pathway steps are assigned to. PATIENT is there because some
 * steps (daily weight, a questionnaire) are the patient's own.
 */
public enum CareRole {
    IDEC,
    MEDECIN_TRAITANT,
    MEDECIN_SPECIALISTE,
    IDE_LIBERALE,
    PHARMACIEN,
    KINESITHERAPEUTE,
    ASSISTANT_SOCIAL,
    COORDINATEUR_DAC,
    PATIENT;

    public static CareRole parse(String input, String value) {
        if (value != null) {
            String normalised = value.trim().replace('-', '_').replace(' ', '_');
            for (CareRole role : values()) {
                if (role.name().equalsIgnoreCase(normalised)) {
                    return role;
                }
            }
        }
        throw new BadInputException(input, "careRole.invalid", String.valueOf(value));
    }
}
