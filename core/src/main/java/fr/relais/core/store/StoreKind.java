package fr.relais.core.store;

/**
 * A store holds real patients (PRODUCTION) or fictitious ones (DEMO, for demonstration, training and tests). Only a
 * DEMO store accepts the INS test and demonstration OIDs, so fictitious identities never mix with real ones.
 */
public enum StoreKind {
    PRODUCTION,
    DEMO
}
