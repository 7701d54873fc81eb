package fr.relais.teamserver;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.bulk.BulkExportJobParameters;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import fr.relais.teamserver.user.TeamUser;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * A team member's Bulk Data {@code $export}, narrowed to one of their teams, so that a new laptop's first sync exports
 * rather than pages (docs/team-server.md). HAPI has parsed the kick-off into the job's parameters when this judges it:
 * a member's export must be system-level, name its types ({@code _type}), and narrow every one of them by
 * {@code _typeFilter} searches that each hold {@code _tag=<team system>|<team>}, the same team of the member's for
 * all; anything wider (a type unfiltered, a filter without the tag, another team, a group or patient export, the
 * resources' history) is refused with 403. The job is marked with the team (the export files' security context, which
 * {@link TeamAuthorization} reads to let the team fetch them), and when it runs, a resource of another team is left out
 * of a team's files whatever the filters said. The server's administrator exports as before, unnarrowed.
 * Registered on HAPI's storage interceptors (the job runs outside any request).
 */
@Interceptor
final class TeamExport {
    private final TeamTag tag;

    TeamExport(TeamTag tag) {
        this.tag = tag;
    }

    @Hook(Pointcut.STORAGE_PRE_INITIATE_BULK_EXPORT)
    public void narrowToTeam(BulkExportJobParameters export, RequestDetails request) {
        TeamUser user = request == null ? null : TeamUser.of(request).orElse(null);
        if (user == null || user.administrator()) {
            return; // no access control (a trial), or the administrator: unnarrowed
        }
        if (export.getExportStyle() != BulkExportJobParameters.ExportStyle.SYSTEM || export.isIncludeHistory()) {
            throw refused("only a system-level export of current versions, narrowed to the team");
        }
        List<String> types = export.getResourceTypes() == null ? List.of() : export.getResourceTypes();
        if (types.isEmpty()) {
            throw refused("_type must name the exported types");
        }
        if (types.contains("AuditEvent")) {
            // The audit trail is the administrator's to read (ADR 0025), laptops' own pushed trails included.
            throw refused("the audit trail is the administrator's to export");
        }
        Set<String> filtered = new HashSet<>();
        Set<String> teams = new HashSet<>();
        for (String filter : export.getFilters() == null ? List.<String>of() : export.getFilters()) {
            int question = filter.indexOf('?');
            Optional<String> team = question < 0 ? Optional.empty() : teamOf(filter.substring(question + 1), user.teams());
            if (team.isEmpty()) {
                throw refused("every _typeFilter must hold the tag of one of the user's teams");
            }
            filtered.add(filter.substring(0, question));
            teams.add(team.get());
        }
        if (!filtered.containsAll(types) || teams.size() != 1) {
            throw refused("every exported type must be narrowed to one team of the user's by _typeFilter");
        }
        export.setBinarySecurityContextIdentifierSystem(tag.system());
        export.setBinarySecurityContextIdentifierValue(teams.iterator().next());
    }

    /** Whatever the filters matched, a team's export keeps that team's records only. */
    @Hook(Pointcut.STORAGE_BULK_EXPORT_RESOURCE_INCLUSION)
    public boolean keepTeamRecords(BulkExportJobParameters export, IBaseResource resource) {
        return !tag.system().equals(export.getBinarySecurityContextIdentifierSystem())
                || tag.inTeams(resource, Set.of(export.getBinarySecurityContextIdentifierValue()));
    }

    /** The team a filter's query narrows to ({@code _tag} exactly one of {@code teams}' tags), if it does. */
    private Optional<String> teamOf(String query, Set<String> teams) {
        for (String parameter : query.split("&")) {
            int equals = parameter.indexOf('=');
            if (equals < 0 || !URLDecoder.decode(parameter.substring(0, equals), StandardCharsets.UTF_8).equals("_tag")) {
                continue;
            }
            String value = URLDecoder.decode(parameter.substring(equals + 1), StandardCharsets.UTF_8);
            for (String team : teams) {
                if (value.equals(tag.system() + "|" + team) || value.equals(tag.searchValue(Set.of(team)))) {
                    return Optional.of(team);
                }
            }
        }
        return Optional.empty();
    }

    private static ForbiddenOperationException refused(String why) {
        return new ForbiddenOperationException("Access denied: a team member's $export: " + why);
    }
}
