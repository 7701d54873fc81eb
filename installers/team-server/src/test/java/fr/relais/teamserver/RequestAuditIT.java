package fr.relais.teamserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import fr.relais.teamserver.audit.RequestAudit;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

/**
 * The team server's request audit (issue 27, ADR 0025) over HTTP, on PostgreSQL: who read or wrote which record, when,
 * from where, under which team, read back by the administrator; the trail closed to team members.
 */
class RequestAuditIT {
    private final TeamServerFixture fixture = TeamServerFixture.shared();
    private final AuditTrailReader trail = new AuditTrailReader(fixture);
    private final String ours = "cpts-" + UUID.randomUUID();
    private final String theirs = "cabinet-" + UUID.randomUUID();

    @Test
    void aNurseReadingHerPatientIsAuditedWithHerName() {
        IGenericClient nurse = fixture.client(fixture.tokenOf("infirmiere-lena", ours));
        String id = UUID.randomUUID().toString();
        nurse.update().resource(TeamAccessIT.patient(id, ours, "GIRARD")).execute();
        nurse.read().resource(Patient.class).withId(id).execute();

        List<AuditEvent> events = trail.ofTeam(ours, e -> "read".equals(AuditTrailReader.interaction(e)));
        AuditEvent read = events.stream().filter(e -> "read".equals(AuditTrailReader.interaction(e))).findFirst().orElseThrow();
        assertThat(AuditTrailReader.user(read)).isEqualTo("infirmiere-lena");
        assertThat(read.getAction()).isEqualTo(AuditEvent.AuditEventAction.R);
        assertThat(AuditTrailReader.records(read)).contains("Patient/" + id);
        assertThat(read.getEntity()).anySatisfy(e -> assertThat(e.getWhat().getIdentifier().getValue()).isEqualTo("Patient/" + id + "/_history/1"));
        assertThat(read.getAgent()).anySatisfy(a -> assertThat(a.getNetwork().getAddress()).isEqualTo("127.0.0.1"));
        assertThat(read.getRecorded()).isNotNull();
        // Tagged with the audit's team system, never the team tag that laptops pull and the change socket announces.
        assertThat(read.getMeta().getTag()).extracting(Coding::getSystem).containsOnly(RequestAudit.TEAM_TAG_SYSTEM);
        // The administrator finds who touched a patient by the record's name.
        Bundle aboutHer = fixture.client(fixture.issuer.administratorToken("admin-si", TeamServerFixture.NOW.plusSeconds(3600)))
                .search().byUrl("AuditEvent?entity-name:exact=Patient/" + id).returnBundle(Bundle.class).execute();
        assertThat(aboutHer.getEntry()).extracting(e -> AuditTrailReader.interaction((AuditEvent) e.getResource()))
                .contains("read", "update");
    }

    @Test
    void aTeamMemberCannotReadTheAuditTrail() {
        IGenericClient nurse = fixture.client(fixture.tokenOf("infirmiere-lena", ours));
        nurse.update().resource(TeamAccessIT.patient(UUID.randomUUID().toString(), ours, "FAURE")).execute();
        AuditEvent hers = trail.ofTeam(ours, e -> true).get(0);
        IdType id = hers.getIdElement().toUnqualifiedVersionless();

        assertThatThrownBy(() -> nurse.search().forResource(AuditEvent.class).returnBundle(Bundle.class).execute())
                .isInstanceOf(ForbiddenOperationException.class);
        assertThatThrownBy(() -> nurse.read().resource(AuditEvent.class).withId(id).execute())
                .isInstanceOf(ForbiddenOperationException.class);
        assertThatThrownBy(() -> nurse.delete().resourceById(id).execute())
                .isInstanceOf(ForbiddenOperationException.class);
        assertThatThrownBy(() -> nurse.history().onType(AuditEvent.class).returnBundle(Bundle.class).execute())
                .isInstanceOf(ForbiddenOperationException.class);
        assertThat(trail.ofTeam(ours, e -> e.getIdElement().toUnqualifiedVersionless().equals(id))).isNotEmpty();
    }

    @Test
    void anotherTeamsRequestsAreAuditedUnderTheirTeam() {
        String ourPatient = UUID.randomUUID().toString();
        String theirPatient = UUID.randomUUID().toString();
        fixture.client(fixture.tokenOf("infirmiere-lena", ours)).update().resource(TeamAccessIT.patient(ourPatient, ours, "BLANC")).execute();
        fixture.client(fixture.tokenOf("infirmier-hugo", theirs)).update().resource(TeamAccessIT.patient(theirPatient, theirs, "NOIR")).execute();

        List<AuditEvent> theirEvents = trail.ofTeam(theirs, e -> AuditTrailReader.records(e).contains("Patient/" + theirPatient));
        List<AuditEvent> ourEvents = trail.ofTeam(ours, e -> AuditTrailReader.records(e).contains("Patient/" + ourPatient));
        assertThat(theirEvents).extracting(AuditTrailReader::user).containsOnly("infirmier-hugo");
        assertThat(ourEvents).extracting(AuditTrailReader::user).containsOnly("infirmiere-lena");
        assertThat(ourEvents).noneMatch(e -> AuditTrailReader.records(e).contains("Patient/" + theirPatient));
    }

    @Test
    void aRefusedTokenNamesNoUserInTheAudit() {
        String forged = fixture.issuer.forged("intrus", TeamServerFixture.NOW.plusSeconds(3600), ours);
        assertThatThrownBy(() -> fixture.client(forged).update().resource(TeamAccessIT.patient(UUID.randomUUID().toString(), ours, "VOL")).execute())
                .isInstanceOf(AuthenticationException.class);
        // A later request of the team: once its event is stored, an event of the refused request would be too (one queue).
        String later = UUID.randomUUID().toString();
        fixture.client(fixture.tokenOf("infirmiere-lena", ours)).update().resource(TeamAccessIT.patient(later, ours, "LEGAL")).execute();

        List<AuditEvent> events = trail.ofTeam(ours, e -> AuditTrailReader.records(e).contains("Patient/" + later));
        assertThat(events).extracting(AuditTrailReader::user).containsOnly("infirmiere-lena");
    }
}
