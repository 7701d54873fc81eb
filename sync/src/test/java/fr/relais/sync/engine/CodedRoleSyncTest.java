package fr.relais.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.careteam.Coded;
import fr.relais.core.i18n.Language;
import fr.relais.core.wording.RoleWords;
import fr.relais.sync.fhir.ObservationMapper;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.junit.jupiter.api.Test;

/**
 * A relative's relationship and a participant's role another system coded, shown in French when Relais knows the code,
 * with the other system's words otherwise, and left on the server as that system wrote them.
 */
class CodedRoleSyncTest extends ForeignWorldFixture {
    private static final String ROLE_CODE = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";
    private static final String SNOMED = "http://snomed.info/sct";
    private static final String TRE_R216 = "https://mos.esante.gouv.fr/NOS/TRE_R216-HL7RoleCode/FHIR/TRE-R216-HL7RoleCode";
    private static final String TRE_R260 = "https://mos.esante.gouv.fr/NOS/TRE_R260-HL7RoleClass/FHIR/TRE-R260-HL7RoleClass";
    private final RoleWords french = new RoleWords(Language.FR);

    @Test
    void aDaughterCodedByTheHospitalIsShownAsFille() {
        String patientId = world.create("patient-hospital.json", Map.of());
        String daughterId = relative(patientId, new Coding(ROLE_CODE, "DAU", "Daughter"), "LE GOFF", "Anne");
        String practitionerId = world.create("practitioner-annuaire.json", Map.of("rpps", ForeignWorld.freshRpps()));
        hospitalCareTeam(patientId, practitionerId, daughterId, team -> team.getParticipant().get(1).getMember().setDisplay(null));

        SyncReport pulled = laptop.sync();

        assertThat(pulled.skipped()).isEmpty();
        UUID daughter = ObservationMapper.localId(daughterId);
        assertThat(laptop.core.relatives().relationship(daughter)).contains(new Coded(ROLE_CODE, "DAU", "Daughter"));
        var shown = laptop.core.careTeam().otherParticipantsOf(ObservationMapper.localId(patientId)).get(1);
        assertThat(shown.name()).isEqualTo("LE GOFF Anne");
        assertThat(shown.relativeId()).isEqualTo(daughter);
        assertThat(french.relationship(shown)).isEqualTo("fille");
        assertThat(new RoleWords(Language.EN).relationship(shown)).isEqualTo("daughter");
        // Read, never written: the hospital's record keeps its code and its words.
        var onServer = world.read(RelatedPerson.class, daughterId);
        assertThat(onServer.getMeta().getVersionId()).isEqualTo("1");
        assertThat(onServer.getRelationshipFirstRep().getCodingFirstRep().getCode()).isEqualTo("DAU");
        assertThat(onServer.getRelationshipFirstRep().getCodingFirstRep().getDisplay()).isEqualTo("Daughter");
    }

    @Test
    void aHospiceRoleCodedInSnomedIsShownInFrench() {
        String patientId = world.create("patient-hospital.json", Map.of());
        String rpps = ForeignWorld.freshRpps();
        String practitionerId = world.create("practitioner-annuaire.json", Map.of("rpps", rpps));
        String sonId = world.create("relatedperson-carer.json", Map.of("patient", patientId));
        String teamId = hospitalCareTeam(patientId, practitionerId, sonId, team -> team.getParticipant().get(1)
                .setRole(java.util.List.of(new CodeableConcept(new Coding(SNOMED, "385763009", "Hospice care")))));

        assertThat(laptop.sync().skipped()).isEmpty();

        UUID patient = ObservationMapper.localId(patientId);
        var son = laptop.core.careTeam().otherParticipantsOf(patient).get(1);
        assertThat(son.role()).as("the hospital's words, kept").isEqualTo("Hospice care");
        assertThat(son.roleCode()).isEqualTo(new Coded(SNOMED, "385763009", "Hospice care"));
        assertThat(french.role(son)).isEqualTo("Soins palliatifs");
        assertThat(french.relationship(son)).isEqualTo("fils");

        // The nurse joins the team: the push patches the hospital's CareTeam, whose coded role goes back as written.
        var nurse = laptop.core.careTeam().findProfessionalByRpps(rpps).orElseThrow();
        java.time.LocalDate today = laptop.core.clock().instant().atZone(fr.relais.core.time.CareZone.PARIS).toLocalDate();
        laptop.core.careTeam().assign(patient, nurse.id(), fr.relais.core.careteam.CareRole.IDE_LIBERALE, today);
        SyncReport pushed = laptop.sync();

        assertThat(pushed.refused()).isZero();
        var onServer = world.read(CareTeam.class, teamId);
        assertThat(onServer.getMeta().getVersionId()).isEqualTo("2");
        var role = onServer.getParticipant().get(1).getRoleFirstRep();
        assertThat(role.hasText()).isFalse();
        assertThat(role.getCoding()).singleElement().satisfies(c -> {
            assertThat(c.getSystem()).isEqualTo(SNOMED);
            assertThat(c.getCode()).isEqualTo("385763009");
            assertThat(c.getDisplay()).isEqualTo("Hospice care");
        });
        // Read back: still the same participant, still shown in French.
        laptop.sync();
        assertThat(french.role(laptop.core.careTeam().otherParticipantsOf(patient).get(1))).isEqualTo("Soins palliatifs");
    }

    @Test
    void anUnknownRoleCodeKeepsTheHospitalsWording() {
        String patientId = world.create("patient-hospital.json", Map.of());
        // The hospital's own code system happens to use "DAU" too: a code means something only in its system.
        String relativeId = relative(patientId, new Coding("https://dpi.chu-exemple.fr/fhir/CodeSystem/lien-patient", "DAU",
                "belle-fille (par alliance)"), "LE GOFF", "Anne");
        String practitionerId = world.create("practitioner-annuaire.json", Map.of("rpps", ForeignWorld.freshRpps()));
        hospitalCareTeam(patientId, practitionerId, relativeId, team -> team.getParticipant().get(1)
                .setRole(java.util.List.of(new CodeableConcept(new Coding(SNOMED, "429577009", "Patient advocate")))));

        assertThat(laptop.sync().skipped()).isEmpty();

        var shown = laptop.core.careTeam().otherParticipantsOf(ObservationMapper.localId(patientId)).get(1);
        assertThat(french.role(shown)).isEqualTo("Patient advocate");
        assertThat(french.relationship(shown)).isEqualTo("belle-fille (par alliance)");
    }

    @Test
    void aDaughterAndAnEmergencyContactCodedInTheFrenchTerminologiesAreShownInFrenchAndLeftAsWritten() {
        String patientId = world.create("patient-hospital.json", Map.of());
        String daughterId = relative(patientId, new Coding(TRE_R216, "DAU", "Fille"), "LE GOFF", "Anne");
        String neighbourId = relative(patientId, new Coding(TRE_R260, "ECON", "personne à prévenir en cas d'urgence"), "JAOUEN", "Pierre");
        String rpps = ForeignWorld.freshRpps();
        String practitionerId = world.create("practitioner-annuaire.json", Map.of("rpps", rpps));
        String teamId = hospitalCareTeam(patientId, practitionerId, daughterId, team -> {
            team.getParticipant().get(1).setRole(java.util.List.of(new CodeableConcept(new Coding(TRE_R260, "CAREGIVER", "Aidant"))));
            team.addParticipant().setMember(new org.hl7.fhir.r4.model.Reference("RelatedPerson/" + neighbourId));
        });

        assertThat(laptop.sync().skipped()).isEmpty();

        UUID patient = ObservationMapper.localId(patientId);
        var daughter = participantNaming(patient, daughterId);
        assertThat(french.relationship(daughter)).isEqualTo("fille");
        assertThat(new RoleWords(Language.EN).relationship(daughter)).isEqualTo("daughter");
        assertThat(french.role(daughter)).isEqualTo("Aidant ou aidante");
        var neighbour = participantNaming(patient, neighbourId);
        assertThat(neighbour.name()).isEqualTo("JAOUEN Pierre");
        assertThat(french.relationship(neighbour)).isEqualTo("personne à prévenir en cas d'urgence");
        assertThat(new RoleWords(Language.EN).relationship(neighbour)).isEqualTo("emergency contact");

        // The nurse joins the team: the CareTeam's French codes go back as written, the relatives are never written.
        var nurse = laptop.core.careTeam().findProfessionalByRpps(rpps).orElseThrow();
        java.time.LocalDate today = laptop.core.clock().instant().atZone(fr.relais.core.time.CareZone.PARIS).toLocalDate();
        laptop.core.careTeam().assign(patient, nurse.id(), fr.relais.core.careteam.CareRole.IDE_LIBERALE, today);
        assertThat(laptop.sync().refused()).isZero();
        assertThat(world.read(CareTeam.class, teamId).getParticipant().get(1).getRoleFirstRep().getCoding()).singleElement().satisfies(c -> {
            assertThat(c.getSystem()).isEqualTo(TRE_R260);
            assertThat(c.getCode()).isEqualTo("CAREGIVER");
            assertThat(c.getDisplay()).isEqualTo("Aidant");
        });
        for (String id : java.util.List.of(daughterId, neighbourId)) {
            var onServer = world.read(RelatedPerson.class, id);
            assertThat(onServer.getMeta().getVersionId()).isEqualTo("1");
        }
        assertThat(world.read(RelatedPerson.class, daughterId).getRelationshipFirstRep().getCodingFirstRep().getSystem()).isEqualTo(TRE_R216);
        laptop.sync();
        assertThat(french.relationship(participantNaming(patient, daughterId))).isEqualTo("fille");
    }

    /** The other participant of the patient's care team that names this relative (by server id). */
    private fr.relais.core.careteam.OtherParticipant participantNaming(UUID patient, String relativeServerId) {
        UUID relative = ObservationMapper.localId(relativeServerId);
        return laptop.core.careTeam().otherParticipantsOf(patient).stream().filter(o -> relative.equals(o.relativeId()))
                .findFirst().orElseThrow();
    }

    /** A relative of the patient the hospital records without the team's tag, with a coded relationship; their server id. */
    private String relative(String patientId, Coding relationship, String family, String given) {
        var relative = (RelatedPerson) world.parse("relatedperson-carer.json", Map.of("patient", patientId));
        relative.getRelationship().clear();
        relative.addRelationship().addCoding(relationship);
        relative.getName().clear();
        relative.addName().setUse(HumanName.NameUse.USUAL).setFamily(family).addGiven(given);
        return world.client().create().resource(relative).execute().getId().getIdPart();
    }
}
