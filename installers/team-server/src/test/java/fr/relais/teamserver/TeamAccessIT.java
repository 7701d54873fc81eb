package fr.relais.teamserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/**
 * The team server's access control over HTTP, on PostgreSQL, with tokens the test issuer signs: who may read and write
 * which records. Each test uses teams of its own (fresh names), so the shared server's other records never interfere.
 */
class TeamAccessIT {
    private final TeamServerFixture fixture = TeamServerFixture.shared();
    private final String ours = "cpts-" + UUID.randomUUID();
    private final String theirs = "cabinet-" + UUID.randomUUID();

    @Test
    void aNurseOfAnotherTeamIsRefusedThePatient() {
        IGenericClient ourNurse = fixture.client(fixture.tokenOf("infirmiere-a", ours));
        IGenericClient theirNurse = fixture.client(fixture.tokenOf("infirmiere-b", theirs));
        String id = UUID.randomUUID().toString();
        ourNurse.update().resource(patient(id, ours, "DURAND")).execute();

        assertThatThrownBy(() -> theirNurse.read().resource(Patient.class).withId(id).execute())
                .isInstanceOf(ForbiddenOperationException.class);
        // Nor by a search (narrowed to their team, even when they ask for ours), nor by the type's history.
        Bundle searched = theirNurse.search().forResource(Patient.class).where(Patient.RES_ID.exactly().code(id))
                .withTag(TeamServerSettings.DEFAULT_TEAM_TAG_SYSTEM, ours).returnBundle(Bundle.class).execute();
        assertThat(searched.getEntry()).isEmpty();
        Bundle history = theirNurse.history().onType(Patient.class).returnBundle(Bundle.class).count(500).execute();
        assertThat(history.getEntry()).noneMatch(e -> e.getResource() instanceof Patient p && id.equals(p.getIdElement().getIdPart()));
        // Nor by writing over it under their own tag.
        assertThatThrownBy(() -> theirNurse.update().resource(patient(id, theirs, "DURAND")).execute())
                .isInstanceOf(ForbiddenOperationException.class);
        assertThat(ourNurse.read().resource(Patient.class).withId(id).execute().getNameFirstRep().getFamily()).isEqualTo("DURAND");
    }

    @Test
    void aRequestWithoutTokenIsRefused() {
        String id = UUID.randomUUID().toString();
        fixture.client(fixture.tokenOf("infirmiere-a", ours)).update().resource(patient(id, ours, "MARTIN")).execute();

        assertThatThrownBy(() -> fixture.client(null).read().resource(Patient.class).withId(id).execute())
                .isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> fixture.client(null).search().forResource(Patient.class).returnBundle(Bundle.class).execute())
                .isInstanceOf(AuthenticationException.class);
        // The capability statement stays readable: clients read it before they authenticate.
        assertThat(fixture.client(null).capabilities().ofType(CapabilityStatement.class).execute().getFhirVersion())
                .isEqualTo(Enumerations.FHIRVersion._4_0_1);
    }

    @Test
    void anExpiredTokenIsRefused() {
        String id = UUID.randomUUID().toString();
        fixture.client(fixture.tokenOf("infirmiere-a", ours)).update().resource(patient(id, ours, "BERNARD")).execute();
        String expired = fixture.issuer.token("infirmiere-a", TeamServerFixture.NOW.minusSeconds(2 * 3600), ours);

        assertThatThrownBy(() -> fixture.client(expired).read().resource(Patient.class).withId(id).execute())
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() {
        String id = UUID.randomUUID().toString();
        fixture.client(fixture.tokenOf("infirmiere-a", ours)).update().resource(patient(id, ours, "PETIT")).execute();
        String forged = fixture.issuer.forged("infirmiere-a", TeamServerFixture.NOW.plusSeconds(3600), ours);

        assertThatThrownBy(() -> fixture.client(forged).read().resource(Patient.class).withId(id).execute())
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void aTeamMemberReadsAndWritesTheTeamsRecords() {
        IGenericClient nurse = fixture.client(fixture.tokenOf("infirmiere-a", ours));
        String id = UUID.randomUUID().toString();
        MethodOutcome created = nurse.update().resource(patient(id, ours, "ROUX")).execute();
        assertThat(created.getId().getVersionIdPart()).isEqualTo("1");

        // If-Match: the current version goes through, a stale one is refused (HAPI: 409), as the sync relies on.
        Patient renamed = patient(id, ours, "ROUX-FABRE");
        renamed.getMeta().setVersionId("1");
        nurse.update().resource(renamed).withId(new IdType("Patient", id, "1")).execute();
        Patient stale = patient(id, ours, "ROUX");
        assertThatThrownBy(() -> nurse.update().resource(stale).withId(new IdType("Patient", id, "1")).execute())
                .isInstanceOf(ResourceVersionConflictException.class);
        Bundle history = nurse.history().onInstance(new IdType("Patient", id)).returnBundle(Bundle.class).execute();
        assertThat(history.getEntry()).hasSize(2);

        // A transaction of the team's records: a measure beside its patient.
        Observation weight = new Observation();
        weight.setId("Observation/" + UUID.randomUUID());
        weight.getMeta().addTag(TeamServerSettings.DEFAULT_TEAM_TAG_SYSTEM, ours, null);
        weight.setStatus(Observation.ObservationStatus.FINAL).setSubject(new Reference("Patient/" + id)).getCode().setText("Poids");
        Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        transaction.addEntry().setResource(weight).setFullUrl(weight.getId()).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl(weight.getId());
        Bundle answer = nurse.transaction().withBundle(transaction).execute();
        assertThat(answer.getEntryFirstRep().getResponse().getStatus()).startsWith("201");

        Bundle found = nurse.search().forResource(Patient.class).where(Patient.RES_ID.exactly().code(id)).returnBundle(Bundle.class).execute();
        assertThat(found.getEntry()).singleElement().satisfies(e -> assertThat(((Patient) e.getResource()).getNameFirstRep().getFamily()).isEqualTo("ROUX-FABRE"));
        // A record without the team's tag is not the team's: refused.
        assertThatThrownBy(() -> nurse.update().resource(patient(UUID.randomUUID().toString(), null, "SANS-EQUIPE")).execute())
                .isInstanceOf(ForbiddenOperationException.class);
    }

    @Test
    void onlyTheServerAdministratorStartsABulkExport() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.util.function.Function<String, Integer> export = token -> {
            try {
                return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(fixture.server.baseUrl() + "/$export?_type=Patient"))
                        .header("Authorization", "Bearer " + token).header("Accept", "application/fhir+json")
                        .header("Prefer", "respond-async").GET().build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (java.io.IOException | InterruptedException e) {
                throw new AssertionError(e);
            }
        };

        assertThat(export.apply(fixture.tokenOf("infirmiere-a", ours))).isEqualTo(403);
        assertThat(export.apply(fixture.issuer.administratorToken("admin-si", TeamServerFixture.NOW.plusSeconds(3600)))).isEqualTo(202);
    }

    static Patient patient(String id, String team, String family) {
        Patient patient = new Patient();
        patient.setId("Patient/" + id);
        if (team != null) {
            patient.getMeta().addTag(TeamServerSettings.DEFAULT_TEAM_TAG_SYSTEM, team, null);
        }
        patient.addName().setFamily(family).addGiven("Jeanne");
        return patient;
    }
}
