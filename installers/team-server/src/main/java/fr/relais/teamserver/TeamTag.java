package fr.relais.teamserver;

import ca.uhn.fhir.model.api.ResourceMetadataKeyEnum;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IAnyResource;
import org.hl7.fhir.instance.model.api.IBaseCoding;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** Whether a resource belongs to one of a user's teams: it carries the team tag ({@code system|team}) of one of them. */
record TeamTag(String system) {

    boolean inTeams(IBaseResource resource, Set<String> teams) {
        for (IBaseCoding tag : resource.getMeta().getTag()) {
            if (system.equals(tag.getSystem()) && teams.contains(tag.getCode())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code resource} is a file of a team's Bulk Data export ({@link TeamExport}): a Binary whose security
     * context names one of {@code teams} under the team tag's system.
     */
    boolean exportFileOf(IBaseResource resource, Set<String> teams) {
        if (!(resource instanceof org.hl7.fhir.r4.model.Binary binary) || !binary.hasSecurityContext()) {
            return false;
        }
        org.hl7.fhir.r4.model.Identifier team = binary.getSecurityContext().getIdentifier();
        return system.equals(team.getSystem()) && teams.contains(team.getValue());
    }

    /** The teams whose tag {@code resource} carries (empty: a record of no team). */
    Set<String> teamsOf(IBaseResource resource) {
        Set<String> teams = new java.util.HashSet<>();
        for (IBaseCoding tag : resource.getMeta().getTag()) {
            if (system.equals(tag.getSystem()) && tag.getCode() != null) {
                teams.add(tag.getCode());
            }
        }
        return teams;
    }

    /**
     * A deleted version as a history lists it: type, id and version, no content. Laptops read these to apply
     * deletions; they say nothing of a patient.
     */
    static boolean isDeletionMarker(IBaseResource resource) {
        return resource instanceof IAnyResource any && ResourceMetadataKeyEnum.DELETED_AT.get(any) != null;
    }

    /** The search parameter value matching any of {@code teams} ({@code _tag=system|a,system|b}). */
    String searchValue(Set<String> teams) {
        return String.join(",", teams.stream().sorted().map(t -> escape(system) + "|" + escape(t)).toList());
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace(",", "\\,").replace("|", "\\|").replace("$", "\\$");
    }
}
