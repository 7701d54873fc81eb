package fr.relais.core.consent;

/** What a patient agrees to share or take part in. */
public enum ConsentScope {
    /** Sharing the record with the cercle de soins through the team server. */
    CARE_TEAM_SHARING,
    /** Sharing the urgent care plan with emergency services (SAMU, out-of-hours, crews) through the team server. */
    EMERGENCY_PLAN_SHARING,
    /** Taking part in telemonitoring (measures sent from home, alerts). */
    TELEMONITORING,
    /**
     * Feeding the patient's DMP (Mon espace santé) with the documents Relais produces. Presumed, like sharing with the
     * cercle de soins: the patient may object, and a withdrawn consent of this scope is that opposition.
     */
    DMP_FEEDING
}
