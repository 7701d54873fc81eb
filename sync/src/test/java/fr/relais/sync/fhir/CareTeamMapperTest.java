package fr.relais.sync.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.core.careteam.CareRole;
import fr.relais.core.careteam.CareTeamMember;
import fr.relais.core.careteam.Profession;
import fr.relais.core.careteam.Professional;
import fr.relais.core.error.BadInputException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

/** Professionals and cercles de soins through FHIR and back; what other systems wrote stays. */
public class CareTeamMapperTest {
    final UUID patient = UUID.randomUUID();
    final Professional doctor = new Professional(UUID.randomUUID(), "Bonnet", "Luc", Profession.MEDECIN, "10001234567",
            "luc.bonnet@medecin.mssante.fr", "0478000000");
    final Professional social = new Professional(UUID.randomUUID(), "Garcia", "Inès", Profession.ASSISTANT_SOCIAL, null, null, null);

    private static <T extends org.hl7.fhir.r4.model.Resource> T reparse(T resource, Class<T> type) {
        String json = RelaisFhir.CONTEXT.newJsonParser().encodeResourceToString(resource);
        return RelaisFhir.CONTEXT.newJsonParser().setParserErrorHandler(new ca.uhn.fhir.parser.StrictErrorHandler()).parseResource(type, json);
    }

    @Test
    void professionalsComeBackEqualEvenWhereG15HasNoCode() {
        for (Professional p : List.of(doctor, social)) {
            Practitioner fhir = reparse(PractitionerMapper.toFhir(p), Practitioner.class);
            assertThat(PractitionerMapper.toLocal(fhir, p.id(), "test")).isEqualTo(p);
        }
        assertThat(PractitionerMapper.toFhir(doctor).getIdentifier()).extracting(i -> i.getValue())
                .containsExactlyInAnyOrder("10001234567", "810001234567");
    }

    @Test
    void aPractitionerWrittenOntoTheServersCopyKeepsItsOtherContactsAndIdentifiers() {
        Practitioner server = PractitionerMapper.toFhir(doctor);
        server.addIdentifier().setSystem("https://example.org/hospital-staff").setValue("S-12");
        server.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue("luc@example.org");
        server.addName().setFamily("Bonnet-Martin").setUse(org.hl7.fhir.r4.model.HumanName.NameUse.MAIDEN);

        Practitioner written = PractitionerMapper.write(doctor, server.copy());

        assertThat(written.getIdentifier()).hasSize(3);
        assertThat(written.getTelecom()).extracting(ContactPoint::getValue)
                .containsExactlyInAnyOrder("luc.bonnet@medecin.mssante.fr", "0478000000", "luc@example.org");
        assertThat(written.getName()).hasSize(2);
        assertThat(written.getQualification()).hasSize(1);
    }

    @Test
    void aCercleDeSoinsComesBackWithItsMembershipsAndKeepsForeignParticipants() {
        CareTeamMember current = new CareTeamMember(UUID.randomUUID(), patient, doctor, CareRole.MEDECIN_TRAITANT, LocalDate.of(2026, 1, 5), null);
        CareTeamMember past = new CareTeamMember(UUID.randomUUID(), patient, social, CareRole.ASSISTANT_SOCIAL, LocalDate.of(2025, 3, 1),
                LocalDate.of(2026, 6, 30));
        CareTeam server = CareTeamMapper.toFhir(patient, List.of(current));
        server.addParticipant().addRole(new CodeableConcept(new Coding("http://snomed.info/sct", "133932002", null)))
                .setMember(new Reference().setDisplay("Paul FABRE (fils)"));
        server.addExtension("https://example.org/fhir/dac-case", new StringType("DAC-42"));

        CareTeam written = reparse(CareTeamMapper.write(patient, List.of(current, past), server.copy()), CareTeam.class);

        assertThat(CareTeamMapper.patientOf(written, "test")).isEqualTo(patient);
        assertThat(CareTeamMapper.memberships(written, "test")).containsExactly(
                new CareTeamMapper.Membership(current.id(), doctor.id(), CareRole.MEDECIN_TRAITANT, current.startDate(), null),
                new CareTeamMapper.Membership(past.id(), social.id(), CareRole.ASSISTANT_SOCIAL, past.startDate(), past.endDate()));
        assertThat(written.getParticipant()).hasSize(3);
        assertThat(written.getParticipant().get(0).getId()).as("updated in place").isEqualTo(current.id().toString());
        assertThat(written.getExtensionByUrl("https://example.org/fhir/dac-case")).isNotNull();
        assertThat(written.getIdElement().getIdPart()).isEqualTo(CareTeamMapper.serverId(patient));
    }

    @Test
    void badCareTeamsAndPractitionersAreRejectedNamingTheInput() {
        CareTeam noSubject = CareTeamMapper.toFhir(patient, List.of());
        noSubject.setSubject(new Reference("Group/g1"));
        assertThatThrownBy(() -> CareTeamMapper.patientOf(noSubject, "CareTeam/x")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("CareTeam/x");
        CareTeam badRole = CareTeamMapper.toFhir(patient, List.of(new CareTeamMember(UUID.randomUUID(), patient, doctor,
                CareRole.IDEC, LocalDate.of(2026, 1, 5), null)));
        badRole.getParticipantFirstRep().getRoleFirstRep().getCodingFirstRep().setCode("CHEF");
        assertThatThrownBy(() -> CareTeamMapper.memberships(badRole, "CareTeam/y")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("CareTeam/y");
        assertThatThrownBy(() -> PractitionerMapper.toLocal(new Practitioner(), UUID.randomUUID(), "Practitioner/z"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("Practitioner/z");
    }

    @Test
    void aParticipantTakesPartFromItsStartUpToItsEndDayByTheRuleOfTheLocalMemberships() {
        LocalDate day = LocalDate.of(2026, 12, 2);
        CareTeam team = new CareTeam();
        CareTeam.CareTeamParticipantComponent open = team.addParticipant().setPeriod(FhirDates.period(day, null));
        CareTeam.CareTeamParticipantComponent endsToday = team.addParticipant().setPeriod(FhirDates.period(day.minusDays(5), day));
        CareTeam.CareTeamParticipantComponent endsTomorrow = team.addParticipant().setPeriod(FhirDates.period(day.minusDays(5), day.plusDays(1)));
        CareTeam.CareTeamParticipantComponent startsTomorrow = team.addParticipant().setPeriod(FhirDates.period(day.plusDays(1), null));
        CareTeam.CareTeamParticipantComponent noPeriod = team.addParticipant();
        CareTeam.CareTeamParticipantComponent endUnreadable = team.addParticipant();
        endUnreadable.getPeriod().getEndElement().setValueAsString("2026-12");

        assertThat(CareTeamMapper.takesPartOn(open, day)).isTrue();
        assertThat(CareTeamMapper.takesPartOn(endsToday, day)).as("the end day is the first day without").isFalse();
        assertThat(CareTeamMapper.takesPartOn(endsTomorrow, day)).isTrue();
        assertThat(CareTeamMapper.takesPartOn(startsTomorrow, day)).isFalse();
        assertThat(CareTeamMapper.takesPartOn(noPeriod, day)).isTrue();
        assertThat(CareTeamMapper.takesPartOn(endUnreadable, day)).as("an end this cannot read limits nothing").isTrue();
        CareTeamMember member = new CareTeamMember(UUID.randomUUID(), UUID.randomUUID(), null, CareRole.IDEC, day.minusDays(5), day);
        assertThat(member.activeOn(day)).isEqualTo(CareTeamMapper.takesPartOn(endsToday, day));
    }

    @Test
    void aProfessionalsPracticeIsOnePractitionerRoleWithTheWorkContactsUnderAnIdDerivedFromTheirs() {
        Professional nurse = new Professional(UUID.randomUUID(), "Petit", "Nina", Profession.INFIRMIER, "10001234567",
                "nina.petit@infirmier.mssante.fr", "0601020304");
        var role = PractitionerRoleMapper.of(nurse, "p-42");
        assertThat(role.getIdElement().getIdPart()).isEqualTo(PractitionerRoleMapper.serverId(nurse.id()))
                .isEqualTo(PractitionerRoleMapper.of(nurse, "p-42").getIdElement().getIdPart());
        assertThat(role.getPractitioner().getReference()).isEqualTo("Practitioner/p-42");
        assertThat(role.getActive()).isTrue();
        assertThat(role.getCodeFirstRep().getCoding()).extracting(Coding::getSystem, Coding::getCode)
                .contains(org.assertj.core.groups.Tuple.tuple(PractitionerMapper.PROFESSION_SYSTEM, "INFIRMIER"),
                        org.assertj.core.groups.Tuple.tuple(NationalDirectory.PROFESSION, "60"));
        assertThat(role.getTelecom()).extracting(ContactPoint::getSystem, ContactPoint::getValue).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ContactPoint.ContactPointSystem.EMAIL, "nina.petit@infirmier.mssante.fr"),
                org.assertj.core.groups.Tuple.tuple(ContactPoint.ContactPointSystem.PHONE, "0601020304"));
        assertThat(role.getTelecomFirstRep().getExtensionByUrl(FrCore.EMAIL_TYPE)).as("typed MSSANTE").isNotNull();
        assertThat(role.hasOrganization()).as("Relais knows no place of work").isFalse();
    }
}
