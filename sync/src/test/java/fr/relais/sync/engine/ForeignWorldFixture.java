package fr.relais.sync.engine;

import fr.relais.sync.server.JpaFhirServer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * One laptop and the records other systems wrote on the shared JPA server, under a team tag of the test's own, so
 * that each test sees only its own world.
 */
abstract class ForeignWorldFixture {
    static final JpaFhirServer SERVER = JpaFhirServer.shared();

    @TempDir
    Path dir;
    ForeignWorld world;
    Laptop laptop;

    @BeforeEach
    void openTheWorld() {
        String team = "team-" + UUID.randomUUID();
        world = new ForeignWorld(SERVER, team);
        laptop = new Laptop(dir, "nurse", SERVER.baseUrl(), team);
    }

    @AfterEach
    void closeTheLaptop() {
        laptop.close();
    }

    /** The server ids of a hospital's patient and her discharge CareTeam, and the RPPS of its nurse. */
    record HospitalCareTeam(String patientId, String rpps, String practitionerId, String carerId, String teamId) {
    }

    /**
     * A hospital's patient with the CareTeam of her discharge: a nurse from the Annuaire (a fresh RPPS), her son as
     * carer, the HAD's nurse and the HAD by display only, and herself.
     */
    HospitalCareTeam aHospitalPatientWithHerDischargeCareTeam() {
        String patientId = world.create("patient-hospital.json", java.util.Map.of());
        String rpps = ForeignWorld.freshRpps();
        String practitionerId = world.create("practitioner-annuaire.json", java.util.Map.of("rpps", rpps));
        String carerId = world.create("relatedperson-carer.json", java.util.Map.of("patient", patientId));
        String teamId = world.create("careteam-hospital-discharge.json",
                java.util.Map.of("patient", patientId, "practitioner", practitionerId, "carer", carerId));
        return new HospitalCareTeam(patientId, rpps, practitionerId, carerId, teamId);
    }

    /**
     * The hospital's discharge CareTeam for a patient, naming a practitioner and a relative by their server ids, as
     * {@code written} changes it, with the team's tag; returns its server id.
     */
    String hospitalCareTeam(String patientId, String practitionerId, String carerId,
                            java.util.function.Consumer<org.hl7.fhir.r4.model.CareTeam> written) {
        var team = (org.hl7.fhir.r4.model.CareTeam) world.parse("careteam-hospital-discharge.json",
                java.util.Map.of("patient", patientId, "practitioner", practitionerId, "carer", carerId));
        written.accept(team);
        team.getMeta().addTag(fr.relais.sync.fhir.RelaisFhir.TEAM_TAG_SYSTEM, world.team(), null);
        return world.client().create().resource(team).execute().getId().getIdPart();
    }

    /**
     * {@code days} calendar days before the laptop's today, in Paris, at {@code hour} o'clock: for readings whose
     * calendar days matter (relative rules count calendar days, docs/alerts.md "Calendar days").
     */
    Instant daysAgoAt(int days, int hour) {
        return laptop.core.clock().instant().atZone(fr.relais.core.time.CareZone.PARIS).toLocalDate().minusDays(days)
                .atTime(hour, 0).atZone(fr.relais.core.time.CareZone.PARIS).toInstant();
    }

    /** A time on the laptop's clock, to the second (as other systems write them). */
    Instant hoursAgo(int hours) {
        return laptop.core.clock().instant().minus(hours, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    }
}
