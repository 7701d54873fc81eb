package fr.relais.teamserver;

import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizationInterceptor;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRule;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRuleTester;
import ca.uhn.fhir.rest.server.interceptor.auth.RuleBuilder;
import fr.relais.teamserver.user.TeamUser;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The server's access rules (HAPI's authorization interceptor): a team member reads, writes and deletes the records
 * tagged with one of their teams, in transactions or one by one; a record of another team, or a record without a team
 * tag, is refused (403), and so is writing a record without one's team tag, or over another team's record. The
 * server's administrator ({@code relais_roles} holds the admin role) may do anything, Bulk Data {@code $export}
 * included; a team member may export their team's records only ({@link TeamExport}), and read that export's status
 * ({@link TeamExportStatus}) and files. The audit trail ({@code AuditEvent}) is the administrator's to read: a team
 * member appends to it (a laptop pushes its own trail) but neither reads, searches nor deletes it. Searches and
 * histories pass these rules and are narrowed to the team by {@link TeamNarrowing}.
 */
final class TeamAuthorization extends AuthorizationInterceptor {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TeamAuthorization.class);
    private static final String AUDIT_TRAIL = "AuditEvent";
    private static final Set<RestOperationTypeEnum> APPENDS = EnumSet.of(RestOperationTypeEnum.CREATE, RestOperationTypeEnum.UPDATE);
    private final TeamTag tag;

    TeamAuthorization(TeamTag tag) {
        this.tag = tag;
    }

    @Override
    public List<IAuthRule> buildRuleList(RequestDetails request) {
        Optional<TeamUser> user = TeamUser.of(request);
        if (user.isPresent() && user.get().administrator()) {
            return new RuleBuilder().allowAll("server administrator").build();
        }
        if (user.isEmpty() || user.get().teams().isEmpty()) {
            return new RuleBuilder().allow("capability statement").metadata().andThen().denyAll("no team in the token").build();
        }
        if (AUDIT_TRAIL.equals(request.getResourceName()) && !APPENDS.contains(request.getRestOperationType())) {
            // The audit trail (the server's request audit, the laptops' copies) is the administrator's to read; a
            // laptop appends its own trail, never reads nor deletes it. Judged on the request (a typed deny rule would
            // also refuse the pages of every other search).
            return new RuleBuilder().denyAll("the audit trail is the administrator's").build();
        }
        IAuthRuleTester inTeam = new InTeam(tag, user.get(), true);
        IAuthRuleTester writesTeam = new InTeam(tag, user.get(), false);
        return new RuleBuilder()
                .allow("capability statement").metadata().andThen()
                .allow("the team's records").read().allResources().withAnyId().withTester(inTeam).andThen()
                .allow("writing the team's records").write().allResources().withAnyId().withTester(writesTeam).andThen()
                .allow("deleting the team's records").delete().allResources().withAnyId().withTester(writesTeam).andThen()
                .allow("transactions of allowed changes").transaction().withAnyOperation().andApplyNormalRules().andThen()
                // The team's export (TeamExport refuses a wider one before it starts), its status and its files.
                .allow("the team's export").bulkExport().systemExport().andThen()
                .allow("the team's export").operation().named("$export").onServer().andAllowAllResponses().andThen()
                .allow("the team's export status").operation().named(TeamExportStatus.POLL_STATUS).onServer()
                        .andAllowAllResponses().andThen()
                .denyAll("outside the team")
                .build();
    }

    /**
     * A record passes if it carries one of the user's team tags. A read is judged twice: before the record is loaded
     * (no resource yet: let it through) and on what is sent back. {@code reads}: a list (search, history, their pages)
     * passes, since {@link TeamNarrowing} removes the other teams' records from it before it is sent.
     */
    private record InTeam(TeamTag tag, TeamUser user, boolean reads) implements IAuthRuleTester {
        @Override
        public boolean matches(RuleTestRequest test) {
            return passes(test);
        }

        @Override
        public boolean matchesOutput(RuleTestRequest test) {
            return passes(test);
        }

        private boolean passes(RuleTestRequest test) {
            boolean passes = test.resource == null || tag.inTeams(test.resource, user.teams())
                    || tag.exportFileOf(test.resource, user.teams())
                    || reads && TeamNarrowing.LISTS.contains(test.requestDetails.getRestOperationType());
            if (!passes) {
                // Who was refused what, for the administrator (no content of the record: its type, id and tags).
                LOG.info("{} of {} refused to {} (teams {}): tags {}", test.operation, test.resource.getIdElement().getValue(),
                        user.subject(), user.teams(), test.resource.getMeta().getTag().stream()
                                .map(t -> t.getSystem() + "|" + t.getCode()).toList());
            }
            return passes;
        }
    }
}
