package fr.relais.core.demo;

/** What the demo generator did: {@code alreadyPresent} when the store already held this seed's population. */
public record DemoSummary(int patients, int professionals, int careTeamMembers, boolean alreadyPresent) {
}
