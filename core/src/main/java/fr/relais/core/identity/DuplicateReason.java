package fr.relais.core.identity;

/** Why two patients look like the same person. */
public enum DuplicateReason {
    SAME_INS,
    SAME_TRAITS
}
