package fr.relais.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import fr.relais.core.careteam.CareRole;
import fr.relais.core.careteam.CareTeamMember;
import fr.relais.core.careteam.CareTeamService;
import fr.relais.core.careteam.Profession;
import fr.relais.core.careteam.Professional;
import fr.relais.core.identity.Patient;
import fr.relais.core.replication.Conflict;
import fr.relais.sync.fhir.CareTeamMapper;
import fr.relais.sync.server.JpaFhirServer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cercle de soins between laptops: professionals travel as Practitioners (one per RPPS, whoever added them), the
 * patient's memberships as one CareTeam; memberships added on either side are kept, two different end dates wait in
 * the conflict inbox, and what another system wrote in the CareTeam survives Relais's pushes.
 */
class CareTeamSyncTest {
    static final JpaFhirServer SERVER = JpaFhirServer.shared();

    @TempDir
    Path dir;

    private static CareTeamMember member(Laptop laptop, Patient p, CareRole role) {
        return laptop.core.careTeam().teamOf(p.id()).stream().filter(m -> m.role() == role).findFirst().orElseThrow();
    }

    @Test
    void aCercleDeSoinsBuiltOnTwoLaptopsMeetsOnTheServer() {
        String team = "careteam-" + System.nanoTime();
        String rpps = String.valueOf(10_000_000_000L + System.nanoTime() % 1_000_000_000L);
        try (Laptop a = new Laptop(dir, "team-a", SERVER.baseUrl(), team); Laptop b = new Laptop(dir, "team-b", SERVER.baseUrl(), team)) {
            Patient p = a.register("FABRE", "Odile", "C-" + System.nanoTime());
            a.sync();
            b.sync();
            LocalDate since = LocalDate.of(2026, 11, 2);
            // Both laptops add the same médecin traitant from the directory, offline: one Practitioner, one membership.
            Professional onA = a.core.careTeam().addProfessional("Bonnet", "Luc", Profession.MEDECIN, rpps, "luc.bonnet@medecin.mssante.fr", null);
            Professional onB = b.core.careTeam().addProfessional("Bonnet", "Luc", Profession.MEDECIN, rpps, "luc.bonnet@medecin.mssante.fr", null);
            assertThat(onB.id()).isEqualTo(onA.id()).isEqualTo(CareTeamService.idOf(rpps));
            a.core.careTeam().assign(p.id(), onA.id(), CareRole.MEDECIN_TRAITANT, since);
            b.core.careTeam().assign(p.id(), onB.id(), CareRole.MEDECIN_TRAITANT, since);
            // B also adds the patient's assistante sociale, who has no RPPS.
            Professional social = b.core.careTeam().addProfessional("Garcia", "Inès", Profession.ASSISTANT_SOCIAL, null, null, "0601020304");
            b.core.careTeam().assign(p.id(), social.id(), CareRole.ASSISTANT_SOCIAL, since);

            a.sync();
            SyncReport second = b.sync();
            a.sync();
            assertThat(second.skipped()).isEmpty();
            for (Laptop laptop : List.of(a, b)) {
                assertThat(laptop.core.careTeam().teamOf(p.id())).as(laptop.toString())
                        .extracting(CareTeamMember::role).containsExactlyInAnyOrder(CareRole.MEDECIN_TRAITANT, CareRole.ASSISTANT_SOCIAL);
                assertThat(laptop.core.careTeam().findProfessional(social.id())).get()
                        .as("a profession G15 cannot say comes back").extracting(Professional::profession).isEqualTo(Profession.ASSISTANT_SOCIAL);
            }
            IGenericClient client = SERVER.fhirContext().newRestfulGenericClient(SERVER.baseUrl());
            assertThat(client.search().forResource(Practitioner.class).where(Practitioner.IDENTIFIER.exactly()
                    .systemAndCode("https://rpps.esante.gouv.fr", rpps)).returnBundle(org.hl7.fhir.r4.model.Bundle.class).execute().getEntry())
                    .as("one Practitioner per RPPS").hasSize(1);
            List<org.hl7.fhir.r4.model.Bundle.BundleEntryComponent> roles = client.search().forResource(org.hl7.fhir.r4.model.PractitionerRole.class)
                    .where(org.hl7.fhir.r4.model.PractitionerRole.PRACTITIONER.hasId("Practitioner/" + onA.id()))
                    .returnBundle(org.hl7.fhir.r4.model.Bundle.class).execute().getEntry();
            assertThat(roles).as("one practice per professional, whichever laptop pushed it").singleElement().satisfies(e -> {
                var role = (org.hl7.fhir.r4.model.PractitionerRole) e.getResource();
                assertThat(role.getTelecom()).extracting(org.hl7.fhir.r4.model.ContactPoint::getValue).containsExactly("luc.bonnet@medecin.mssante.fr");
                assertThat(role.getCodeFirstRep().getCoding()).extracting(Coding::getCode).contains("MEDECIN", "10");
            });

            // Another system adds its own participant and an extension: Relais's next push keeps both.
            CareTeam onServer = client.read().resource(CareTeam.class).withId(CareTeamMapper.serverId(p.id())).execute();
            onServer.addParticipant().addRole(new CodeableConcept(new Coding("http://snomed.info/sct", "133932002", "Caregiver")))
                    .setMember(new Reference().setDisplay("Paul FABRE (fils)"));
            onServer.addExtension("https://example.org/fhir/dac-case", new StringType("DAC-42"));
            client.update().resource(onServer).execute();

            // Offline on both: A ends the médecin traitant's membership on one day, B on another.
            CareTeamMember doctor = member(a, p, CareRole.MEDECIN_TRAITANT);
            a.core.careTeam().endMembership(p.id(), doctor.id(), LocalDate.of(2026, 11, 30));
            b.core.careTeam().endMembership(p.id(), doctor.id(), LocalDate.of(2026, 12, 1));
            a.sync();
            SyncReport clash = b.sync();

            assertThat(clash.conflicts()).isEqualTo(1);
            List<Conflict> inbox = b.core.conflicts().list(true);
            assertThat(inbox).singleElement().satisfies(c -> {
                assertThat(c.resourceType()).isEqualTo(CareTeamService.TEAM_RECORD);
                assertThat(c.field()).isEqualTo("member:" + doctor.id() + ":end");
                assertThat(c.localValue()).isEqualTo("2026-12-01");
                assertThat(c.remoteValue()).isEqualTo("2026-11-30");
            });
            b.sync.conflictResolver().resolve(inbox.get(0).id(), ConflictResolver.Choice.REMOTE);
            b.sync();
            a.sync();
            for (Laptop laptop : List.of(a, b)) {
                assertThat(member(laptop, p, CareRole.MEDECIN_TRAITANT).endDate()).as(laptop.toString()).isEqualTo(LocalDate.of(2026, 11, 30));
                assertThat(laptop.core.outbox().count()).as(laptop + " has nothing left to push").isZero();
            }
            CareTeam after = client.read().resource(CareTeam.class).withId(CareTeamMapper.serverId(p.id())).execute();
            assertThat(after.getExtensionByUrl("https://example.org/fhir/dac-case").getValue().primitiveValue()).isEqualTo("DAC-42");
            assertThat(after.getParticipant()).extracting(x -> x.getMember().getDisplay()).contains("Paul FABRE (fils)");
            assertThat(CareTeamMapper.memberships(after, "server")).hasSize(2);
        }
    }
}
