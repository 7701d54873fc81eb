package fr.relais.teamserver;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.sync.bulk.BulkExportClient;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/**
 * A new laptop's first sync by Bulk Data {@code $export} against the team server (docs/team-server.md): a team member
 * exports her team's records, narrowed by the team tag, over HTTP on PostgreSQL; anything wider is refused.
 */
class TeamExportIT {
    private static final String TAG = TeamServerSettings.DEFAULT_TEAM_TAG_SYSTEM;
    private final TeamServerFixture fixture = TeamServerFixture.shared();
    private final String ours = "cpts-" + UUID.randomUUID();
    private final String theirs = "cabinet-" + UUID.randomUUID();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aNewLaptopsFirstExportHoldsHerTeamsPatientsAndMeasuresOnly() {
        String ourPatient = UUID.randomUUID().toString();
        String ourWeight = UUID.randomUUID().toString();
        String theirPatient = UUID.randomUUID().toString();
        String theirWeight = UUID.randomUUID().toString();
        var nurse = fixture.client(fixture.tokenOf("infirmiere-a", ours));
        nurse.update().resource(TeamAccessIT.patient(ourPatient, ours, "ROUX")).execute();
        nurse.update().resource(weight(ourWeight, ourPatient, ours)).execute();
        var otherNurse = fixture.client(fixture.tokenOf("infirmier-b", theirs));
        otherNurse.update().resource(TeamAccessIT.patient(theirPatient, theirs, "MARTIN")).execute();
        otherNurse.update().resource(weight(theirWeight, theirPatient, theirs)).execute();

        BulkExportClient exports = client(fixture.tokenOf("infirmiere-a", ours));
        String team = "_tag=" + TAG + "|" + ours;
        var manifest = exports.export(List.of("Patient", "Observation"), Map.of("Patient", team, "Observation", team), () -> false);

        assertThat(manifest).as("a team member's export narrowed to her team is accepted").isPresent();
        List<String> exported = new ArrayList<>();
        for (BulkExportClient.Output file : manifest.get().output()) {
            exports.read(file.url(), resource -> exported.add(resource.getIdElement().toUnqualifiedVersionless().getValue()));
        }
        assertThat(exported).containsExactlyInAnyOrder("Patient/" + ourPatient, "Observation/" + ourWeight);
        assertThat(exported).doesNotContain("Patient/" + theirPatient, "Observation/" + theirWeight);

        // Her export's files are hers: the other team's nurse can neither poll it nor fetch its files.
        String otherToken = fixture.tokenOf("infirmier-b", theirs);
        for (BulkExportClient.Output file : manifest.get().output()) {
            assertThat(get(file.url(), otherToken, "application/fhir+ndjson")).isEqualTo(403);
        }
    }

    @Test
    void anExportWiderThanTheTeamIsRefused() {
        String token = fixture.tokenOf("infirmiere-a", ours);
        String team = "_tag=" + TAG + "|" + ours;
        // No filter: every team's patients.
        assertThat(kickOff(token, "_type=Patient")).isEqualTo(403);
        // One of the two types unfiltered.
        assertThat(kickOff(token, "_type=Patient,Observation&_typeFilter=" + encode("Patient?" + team))).isEqualTo(403);
        // A second Patient filter without the tag: HAPI exports what either filter matches.
        assertThat(kickOff(token, "_type=Patient&_typeFilter=" + encode("Patient?" + team)
                + "&_typeFilter=" + encode("Patient?family=MARTIN"))).isEqualTo(403);
        // Another team's tag.
        assertThat(kickOff(token, "_type=Patient&_typeFilter=" + encode("Patient?_tag=" + TAG + "|" + theirs))).isEqualTo(403);
        // Every type (no _type), a patient-level export.
        assertThat(kickOff(token, "_typeFilter=" + encode("Patient?" + team))).isEqualTo(403);
        assertThat(status(fixture.server.baseUrl() + "/Patient/$export?_type=Patient&_typeFilter=" + encode("Patient?" + team), token))
                .isEqualTo(403);
    }

    @Test
    void aTeamMemberCannotExportTheAuditTrailEvenNarrowedToHerTeam() {
        String token = fixture.tokenOf("infirmiere-a", ours);
        String team = "_tag=" + TAG + "|" + ours;
        assertThat(kickOff(token, "_type=AuditEvent&_typeFilter=" + encode("AuditEvent?" + team))).isEqualTo(403);
        assertThat(kickOff(token, "_type=Patient,AuditEvent&_typeFilter=" + encode("Patient?" + team)
                + "&_typeFilter=" + encode("AuditEvent?" + team))).isEqualTo(403);
    }

    @Test
    void aTeamMemberCannotReadTheAdministratorsExport() {
        String admin = fixture.issuer.administratorToken("admin-si", TeamServerFixture.NOW.plusSeconds(3600));
        HttpResponse<String> started = send(HttpRequest.newBuilder(URI.create(fixture.server.baseUrl() + "/$export?_type=Patient"))
                .header("Authorization", "Bearer " + admin).header("Accept", "application/fhir+json")
                .header("Prefer", "respond-async").GET().build());
        assertThat(started.statusCode()).isEqualTo(202);
        URI status = URI.create(started.headers().firstValue("Content-Location").orElseThrow());

        assertThat(get(status, fixture.tokenOf("infirmiere-a", ours), "application/json")).isEqualTo(403);
        assertThat(send(HttpRequest.newBuilder(status).header("Authorization", "Bearer " + fixture.tokenOf("infirmiere-a", ours))
                .DELETE().build()).statusCode()).as("a member cannot cancel an export").isEqualTo(403);
        assertThat(get(status, admin, "application/json")).isIn(200, 202);
    }

    private BulkExportClient client(String token) {
        return new BulkExportClient(http, fixture.server.baseUrl(), Duration.ofSeconds(1), b -> b.header("Authorization", "Bearer " + token));
    }

    private int kickOff(String token, String query) {
        return status(fixture.server.baseUrl() + "/$export?" + query, token);
    }

    private int status(String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/fhir+json").header("Prefer", "respond-async").GET().build()).statusCode();
    }

    private int get(URI url, String token, String accept) {
        return send(HttpRequest.newBuilder(url).header("Authorization", "Bearer " + token).header("Accept", accept).GET().build()).statusCode();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Observation weight(String id, String patient, String team) {
        Observation weight = new Observation();
        weight.setId("Observation/" + id);
        weight.getMeta().addTag(TAG, team, null);
        weight.setStatus(Observation.ObservationStatus.FINAL).setSubject(new Reference("Patient/" + patient)).getCode().setText("Poids");
        return weight;
    }
}
