package fr.relais.core.careteam;

/** Professions of the people in a cercle de soins (a coarse grouping of the RPPS professions). */
public enum Profession {
    MEDECIN,
    INFIRMIER,
    PHARMACIEN,
    MASSEUR_KINESITHERAPEUTE,
    ASSISTANT_SOCIAL,
    AUTRE
}
