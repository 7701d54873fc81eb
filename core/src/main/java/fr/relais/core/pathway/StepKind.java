package fr.relais.core.pathway;

/** What a pathway step asks someone to do. */
public enum StepKind {
    PHONE_CALL, HOME_VISIT, CONSULTATION, MEASURE, QUESTIONNAIRE, EDUCATION, COORDINATION_MEETING, DOCUMENT, OTHER
}
