package fr.relais.sync.fhir;

import fr.relais.core.careteam.CareRole;
import fr.relais.core.careteam.CareTeamMember;
import fr.relais.core.careteam.OtherParticipant;
import fr.relais.core.error.BadInputException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;

/**
 * A patient's cercle de soins ↔ one FHIR CareTeam (ANS "cercle de soins" shape): one participant per membership, with
 * its role and period, the professional as a Practitioner reference and the membership's id as the participant's
 * element id (so that two laptops' edits of the same membership meet). Written onto the server's copy: participants
 * Relais does not hold and every element Relais does not model stay as they were; those of other systems are read as
 * {@link OtherParticipant}s for the patient file.
 */
public final class CareTeamMapper {
    private CareTeamMapper() {
    }

    /** One membership as the team server says it. */
    public record Membership(UUID id, UUID professionalId, CareRole role, LocalDate start, LocalDate end) {
    }

    /** One cercle de soins per patient: its id is derived from the patient's so that every laptop names it alike. */
    public static String serverId(UUID patientId) {
        return UUID.nameUUIDFromBytes(("careteam:" + patientId).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    public static CareTeam toFhir(UUID patientId, List<CareTeamMember> members) {
        CareTeam team = write(patientId, members, new CareTeam());
        team.setId("CareTeam/" + serverId(patientId));
        return team;
    }

    /**
     * Sets the memberships Relais holds on {@code target}: each replaces the participant of the same id in place, or
     * is added. Participants Relais does not hold (another system's, or a membership not received here yet) stay.
     */
    public static CareTeam write(UUID patientId, List<CareTeamMember> members, CareTeam target) {
        target.setStatus(CareTeam.CareTeamStatus.ACTIVE);
        if (!target.hasName() && !target.getIdElement().hasIdPart()) {
            target.setName("Cercle de soins"); // only on a team Relais creates: another system's stays named as it was
        }
        // Only the reference is Relais's: the display, identifier and type another system put on the subject stay (an
        // anonymised patient's display is removed before, by the care-team sync).
        target.getSubject().setReference("Patient/" + patientId);
        for (CareTeamMember m : members) {
            CareTeam.CareTeamParticipantComponent p = target.getParticipant().stream()
                    .filter(existing -> m.id().toString().equals(existing.getId())).findFirst().orElseGet(target::addParticipant);
            p.setId(m.id().toString());
            p.getRole().removeIf(c -> c.getCoding().stream().anyMatch(code -> RelaisFhir.CARE_ROLE_SYSTEM.equals(code.getSystem())));
            p.addRole(new CodeableConcept(new Coding(RelaisFhir.CARE_ROLE_SYSTEM, m.role().name(), null)));
            p.setMember(new Reference("Practitioner/" + m.professional().id()).setDisplay(m.professional().displayName()));
            p.setPeriod(FhirDates.period(m.startDate(), m.endDate()));
        }
        return target;
    }

    public static UUID patientOf(CareTeam r, String source) {
        if (!"Patient".equals(r.getSubject().getReferenceElement().getResourceType())) {
            throw new BadInputException(source, "fhir.careTeam", new BadInputException.Reason("fhir.reason.noPatient"));
        }
        return ObservationMapper.localId(r.getSubject().getReferenceElement().getIdPart());
    }

    /** The memberships Relais shares (participants with a Relais role); others are the server's own business. */
    public static List<Membership> memberships(CareTeam r, String source) {
        List<Membership> found = new ArrayList<>();
        try {
            for (CareTeam.CareTeamParticipantComponent p : r.getParticipant()) {
                if (!isRelais(p)) {
                    continue;
                }
                if (!p.hasId() || !"Practitioner".equals(p.getMember().getReferenceElement().getResourceType()) || !p.getPeriod().hasStart()) {
                    throw new BadInputException(source, "fhir.careTeam", new fr.relais.core.error.BadInputException.Reason("fhir.reason.participantIncomplete"));
                }
                String role = p.getRole().stream().flatMap(c -> c.getCoding().stream())
                        .filter(c -> RelaisFhir.CARE_ROLE_SYSTEM.equals(c.getSystem())).findFirst().orElseThrow().getCode();
                found.add(new Membership(UUID.fromString(p.getId()), ObservationMapper.localId(p.getMember().getReferenceElement().getIdPart()),
                        CareRole.valueOf(role), day(p.getPeriod().getStartElement().getValueAsString()),
                        p.getPeriod().hasEnd() ? day(p.getPeriod().getEndElement().getValueAsString()) : null));
            }
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw FhirRefusal.of(source, "fhir.careTeam", e);
        }
        return found;
    }

    /**
     * The participants Relais does not hold as memberships (another system's: a PractitionerRole, a RelatedPerson, the
     * patient, an Organization, a Practitioner in a role of another code system), in the server's order, for the
     * patient file. {@code nameOf}: the name Relais knows for a member reference (null when none: the reference's
     * display is used); {@code professionalOf}: the professional held here a member reference names (null when none);
     * {@code relationshipOf}: what the relative of a RelatedPerson reference (by local id) is to the patient, when
     * coded (null otherwise). A role's code is kept beside its words, so that a known code is shown in French.
     * A participant's dates this cannot read count as none.
     */
    public static List<OtherParticipant> others(CareTeam r, Function<Reference, String> nameOf, Function<Reference, java.util.UUID> professionalOf,
                                                Function<java.util.UUID, fr.relais.core.careteam.Coded> relationshipOf) {
        List<OtherParticipant> found = new ArrayList<>();
        for (CareTeam.CareTeamParticipantComponent p : r.getParticipant()) {
            if (isRelais(p) || !p.hasMember()) {
                continue;
            }
            Reference member = p.getMember();
            String kind = member.getReferenceElement().getResourceType() != null ? member.getReferenceElement().getResourceType()
                    : member.hasType() ? member.getType() : "Unknown";
            String name = nameOf.apply(member);
            if (name == null && member.hasDisplay()) {
                name = member.getDisplay();
            }
            String role = p.getRole().stream().map(c -> c.hasText() ? c.getText()
                    : c.getCoding().stream().map(x -> x.hasDisplay() ? x.getDisplay() : x.getCode()).filter(java.util.Objects::nonNull)
                    .findFirst().orElse(null)).filter(java.util.Objects::nonNull).findFirst().orElse(null);
            var target = member.getReferenceElement();
            java.util.UUID relative = "RelatedPerson".equals(target.getResourceType()) && target.hasIdPart()
                    ? ObservationMapper.localId(target.getIdPart()) : null;
            found.add(new OtherParticipant(kind, name, role, readableDay(p.getPeriod().getStartElement()),
                    readableDay(p.getPeriod().getEndElement()), professionalOf.apply(member), roleCode(p, role), relative,
                    relative == null ? null : relationshipOf.apply(relative)));
        }
        return found;
    }

    /**
     * The first coding of a participant's roles with a system and a code, with the words Relais shows for the role
     * when it has no French for the code ({@code role}: the other system's text or display).
     */
    private static fr.relais.core.careteam.Coded roleCode(CareTeam.CareTeamParticipantComponent p, String role) {
        return p.getRole().stream().flatMap(c -> c.getCoding().stream()).filter(c -> c.hasSystem() && c.hasCode()).findFirst()
                .map(c -> new fr.relais.core.careteam.Coded(c.getSystem(), c.getCode(), role)).orElse(null);
    }

    /**
     * Whether a participant takes part on {@code day}, by the rule of the local memberships. A date this cannot read
     * counts as no limit (a scoped pull then brings more, never less).
     */
    public static boolean takesPartOn(CareTeam.CareTeamParticipantComponent participant, LocalDate day) {
        return CareTeamMember.activeOn(readableDay(participant.getPeriod().getStartElement()), readableDay(participant.getPeriod().getEndElement()), day);
    }

    private static LocalDate readableDay(org.hl7.fhir.r4.model.DateTimeType value) {
        try {
            return value == null || value.isEmpty() ? null : day(value.getValueAsString());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static LocalDate day(String fhirDate) {
        return LocalDate.parse(fhirDate.length() > 10 ? fhirDate.substring(0, 10) : fhirDate);
    }

    private static boolean isRelais(CareTeam.CareTeamParticipantComponent p) {
        return p.getRole().stream().flatMap(c -> c.getCoding().stream()).anyMatch(c -> RelaisFhir.CARE_ROLE_SYSTEM.equals(c.getSystem()));
    }
}
