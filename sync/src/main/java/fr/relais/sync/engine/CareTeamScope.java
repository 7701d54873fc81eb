package fr.relais.sync.engine;

import ca.uhn.fhir.rest.api.CacheControlDirective;
import ca.uhn.fhir.rest.api.SearchStyleEnum;
import fr.relais.sync.fhir.CareTeamMapper;
import fr.relais.sync.fhir.NationalDirectory;
import fr.relais.sync.fhir.RelaisFhir;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Resource;

/**
 * "The patients of my care teams", read on the server: the Practitioners that carry the user's RPPS (Relais's own,
 * and any another system wrote), then the CareTeams naming one of them as a participant whose membership has not
 * ended. Plain searches any FHIR R4 server answers (no chaining, no {@code _has}).
 */
final class CareTeamScope {
    private CareTeamScope() {
    }

    /** Server ids of the patients whose care team the professional with {@code rpps} belongs to on {@code day}. */
    static Set<String> patientsOf(FhirServer server, SyncSettings settings, String rpps, LocalDate day) {
        Set<String> practitioners = new HashSet<>();
        for (Resource r : all(server, "search Practitioner " + rpps, () -> server.client().search().forResource(Practitioner.class)
                .where(Practitioner.IDENTIFIER.exactly().systemAndCode(NationalDirectory.RPPS, rpps))
                .cacheControl(new CacheControlDirective().setNoCache(true)).returnBundle(Bundle.class).execute())) {
            practitioners.add(r.getIdElement().getIdPart());
        }
        Set<String> patients = new HashSet<>();
        if (practitioners.isEmpty()) {
            return patients;
        }
        List<String> references = practitioners.stream().map(id -> "Practitioner/" + id).sorted().toList();
        for (Resource r : all(server, "search CareTeam of " + rpps, () -> {
            var query = server.client().search().forResource(CareTeam.class)
                    .whereMap(Map.of("participant", List.of(String.join(",", references))))
                    .count(settings.pageSize()).usingStyle(SearchStyleEnum.POST)
                    .cacheControl(new CacheControlDirective().setNoCache(true)).returnBundle(Bundle.class);
            return (settings.team() == null ? query : query.withTag(settings.teamSystem(), settings.teamCode())).execute();
        })) {
            CareTeam team = (CareTeam) r;
            if (team.getSubject().getReferenceElement().getIdPart() != null && memberOn(team, practitioners, day)) {
                patients.add(team.getSubject().getReferenceElement().getIdPart());
            }
        }
        return patients;
    }

    /** Whether one of {@code practitioners} takes part in the team on {@code day} (a membership ended before does not count). */
    private static boolean memberOn(CareTeam team, Set<String> practitioners, LocalDate day) {
        return team.getParticipant().stream().anyMatch(p -> practitioners.contains(p.getMember().getReferenceElement().getIdPart())
                && CareTeamMapper.takesPartOn(p, day));
    }

    private static List<Resource> all(FhirServer server, String what, Supplier<Bundle> first) {
        List<Resource> found = new java.util.ArrayList<>();
        Bundle page = server.call(what, first);
        while (page != null) {
            page.getEntry().forEach(e -> found.add(e.getResource()));
            Bundle current = page;
            page = current.getLink(Bundle.LINK_NEXT) == null ? null
                    : server.call(what + " (next page)", () -> server.client().loadPage().next(current).execute());
        }
        return found;
    }
}
