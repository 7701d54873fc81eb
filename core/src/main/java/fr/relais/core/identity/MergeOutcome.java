package fr.relais.core.identity;

/**
 * A merge of two records of the same person: the survivor, the replaced record (kept, marked), how many clinical
 * records moved, and how many stayed on the replaced record because the survivor already had the same one (a care-team
 * member listed on both, a current threshold set on both).
 */
public record MergeOutcome(Patient survivor, Patient replaced, int moved, int keptOnReplaced) {
}
