package fr.relais.sync.engine;

import fr.relais.core.identity.PatientService;
import fr.relais.core.careteam.Organizations;
import fr.relais.core.careteam.CareTeamMember;
import fr.relais.core.careteam.CareTeamService;
import fr.relais.core.careteam.Professional;
import fr.relais.core.privacy.CareTeamScrub;
import fr.relais.core.replication.Conflict;
import fr.relais.core.replication.SyncLink;
import fr.relais.sync.fhir.CareTeamMapper;
import fr.relais.sync.fhir.RelaisFhir;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.CareTeam;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A patient's cercle de soins as one CareTeam (its local id is the patient's). Memberships merge one by one: one added
 * on either side is kept (a membership's id derives from who, which role and since when, so the same assignment made
 * on two laptops is one membership); its end date merges three-way against the last server version, and two different
 * end dates set since then go to the conflict inbox (field {@code member:<id>:end}). Relais never deletes a membership.
 * Participants of other systems (any member kind) are kept as the server lists them, shown in the patient file, and
 * stay on the server's CareTeam, which a push patches.
 */
final class CareTeamSync implements RecordSync<CareTeam> {
    private static final Logger LOG = LoggerFactory.getLogger(CareTeamSync.class);
    private static final String FIELD = "member:%s:end";

    private final MergeDesk desk;
    private final PatientService patients;
    private final CareTeamService careTeam;
    private final Organizations organizations;
    private final fr.relais.core.careteam.Relatives relatives;
    private final fr.relais.core.privacy.PatientAnonymisation anonymisation;

    CareTeamSync(MergeDesk desk, PatientService patients, CareTeamService careTeam, Organizations organizations,
                 fr.relais.core.careteam.Relatives relatives, fr.relais.core.privacy.PatientAnonymisation anonymisation) {
        this.relatives = relatives;
        this.anonymisation = anonymisation;
        this.desk = desk;
        this.patients = patients;
        this.careTeam = careTeam;
        this.organizations = organizations;
    }

    @Override
    public String recordType() {
        return CareTeamService.TEAM_RECORD;
    }

    @Override
    public Class<CareTeam> resourceClass() {
        return CareTeam.class;
    }

    @Override
    public boolean sharedIds() {
        return true;
    }

    @Override
    public String serverIdFor(UUID patientId) {
        return CareTeamMapper.serverId(patientId);
    }

    @Override
    public UUID localIdFor(CareTeam remote) {
        return CareTeamMapper.patientOf(remote, "CareTeam/" + remote.getIdElement().getIdPart());
    }

    @Override
    public UUID patientOf(UUID localId) {
        return localId;
    }

    @Override
    public Outcome apply(CareTeam remote, UUID patientId, Optional<SyncLink> link, String origin) {
        if (patients.find(patientId).isEmpty()) {
            return Outcome.UNCHANGED; // another team's patient
        }
        Map<UUID, CareTeamMapper.Membership> theirs = byId(CareTeamMapper.memberships(remote, origin));
        Map<UUID, CareTeamMapper.Membership> base = base(link).map(r -> byId(CareTeamMapper.memberships(r, "base"))).orElse(Map.of());
        Map<UUID, CareTeamMember> mine = careTeam.teamOf(patientId).stream()
                .collect(Collectors.toMap(CareTeamMember::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        // A relative another system deleted on the server has left the patient's contacts, even if the CareTeam still names them.
        boolean changedHere = careTeam.applySyncedOthers(patientId, CareTeamMapper.others(remote, this::nameOf,
                m -> professionalOf(m).map(Professional::id).orElse(null), relative -> relatives.relationship(relative).orElse(null)).stream()
                .filter(o -> o.relativeId() == null || !relatives.deletedOnServer(o.relativeId())).toList(), origin);
        boolean serverBehind = mine.keySet().stream().anyMatch(id -> !theirs.containsKey(id));
        int conflicts = 0;
        for (CareTeamMapper.Membership remoteMember : theirs.values()) {
            CareTeamMember local = mine.get(remoteMember.id());
            if (local == null) {
                Optional<Professional> professional = careTeam.findProfessional(remoteMember.professionalId());
                if (professional.isEmpty()) {
                    LOG.warn("{}: membership {} names Practitioner/{}, not received yet: applied with a later version",
                            origin, remoteMember.id(), remoteMember.professionalId());
                    continue;
                }
                careTeam.applySyncedMember(new CareTeamMember(remoteMember.id(), patientId, professional.get(), remoteMember.role(),
                        remoteMember.start(), remoteMember.end()), origin);
                changedHere = true;
                continue;
            }
            LocalDate baseEnd = Optional.ofNullable(base.get(remoteMember.id())).map(CareTeamMapper.Membership::end).orElse(null);
            if (Objects.equals(local.endDate(), remoteMember.end())) {
                continue;
            }
            if (Objects.equals(local.endDate(), baseEnd)) {
                careTeam.applySyncedMember(withEnd(local, remoteMember.end()), origin);
                changedHere = true;
            } else if (Objects.equals(remoteMember.end(), baseEnd)) {
                serverBehind = true;
            } else {
                desk.openConflict(recordType(), patientId, FIELD.formatted(local.id()), text(baseEnd), text(local.endDate()),
                        text(remoteMember.end()), remote.getMeta().getVersionId());
                conflicts++;
            }
        }
        if (serverBehind) {
            desk.pushBack(recordType(), patientId);
        }
        if (conflicts > 0) {
            return Outcome.CONFLICT;
        }
        return !changedHere ? Outcome.UNCHANGED : serverBehind ? Outcome.MERGED : Outcome.UPDATED;
    }

    /**
     * The name Relais holds for a participant: a professional, a patient, an organization or a relative received from
     * the server (a relative's RelatedPerson is read in the same sync, before the care teams).
     */
    private String nameOf(org.hl7.fhir.r4.model.Reference member) {
        var target = member.getReferenceElement();
        if (!target.hasIdPart()) {
            return null;
        }
        if ("Practitioner".equals(target.getResourceType())) {
            return professionalOf(member).map(Professional::displayName).orElse(null);
        }
        if ("Patient".equals(target.getResourceType())) {
            return patients.find(fr.relais.sync.fhir.ObservationMapper.localId(target.getIdPart()))
                    .map(fr.relais.core.identity.Patient::displayName).orElse(null);
        }
        if ("Organization".equals(target.getResourceType())) {
            return organizations.name(fr.relais.sync.fhir.ObservationMapper.localId(target.getIdPart())).orElse(null);
        }
        if (fr.relais.core.careteam.Relatives.RECORD.equals(target.getResourceType())) {
            return relatives.name(fr.relais.sync.fhir.ObservationMapper.localId(target.getIdPart())).orElse(null);
        }
        return null;
    }

    /** The professional held here a participant's reference names (a Practitioner received), if any. */
    private Optional<Professional> professionalOf(org.hl7.fhir.r4.model.Reference member) {
        var target = member.getReferenceElement();
        if (!"Practitioner".equals(target.getResourceType()) || !target.hasIdPart()) {
            return Optional.empty();
        }
        return desk.syncState().linkByServerId(CareTeamService.PROFESSIONAL_RECORD, target.getIdPart()).flatMap(l -> careTeam.findProfessional(l.localId()));
    }

    private static CareTeamMember withEnd(CareTeamMember m, LocalDate end) {
        return new CareTeamMember(m.id(), m.patientId(), m.professional(), m.role(), m.startDate(), end);
    }

    /** The end date a conflict's value names (empty: still a member). */
    private static LocalDate endOf(String value) {
        return value == null || value.isEmpty() ? null : LocalDate.parse(value);
    }

    private static String text(LocalDate end) {
        return end == null ? "" : end.toString();
    }

    private static Map<UUID, CareTeamMapper.Membership> byId(List<CareTeamMapper.Membership> members) {
        return members.stream().collect(Collectors.toMap(CareTeamMapper.Membership::id, Function.identity(), (a, b) -> a));
    }

    @Override
    public Map<String, String> localFields(UUID patientId) {
        Map<String, String> fields = new HashMap<>();
        careTeam.teamOf(patientId).forEach(m -> fields.put(FIELD.formatted(m.id()), text(m.endDate())));
        return fields;
    }

    @Override
    public CareTeam build(UUID patientId, Optional<SyncLink> link) {
        CareTeam resource = base(link).orElseGet(CareTeam::new);
        if (anonymisation.isAnonymised(patientId)) {
            // An anonymised patient's care team keeps its structure, whoever wrote it; the names references carry for the
            // patient and their relatives go (one rule with the base kept here: CareTeamScrub, whose text the erasure
            // already scrubbed of the patient's names).
            var json = RelaisFhir.CONTEXT.newJsonParser();
            resource = json.parseResource(CareTeam.class, CareTeamScrub.anonymised(json.encodeResourceToString(resource),
                    fr.relais.core.privacy.IdentifyingText.NONE));
        }
        return CareTeamMapper.write(patientId, careTeam.teamOf(patientId), resource);
    }

    @Override
    public boolean followsDeletions() {
        return true;
    }

    /**
     * Another system deleted the patient's CareTeam: nobody is in the cercle de soins any more by it. Each membership
     * still running ends today (Relais never removes one: the history of who was in the team stays, and a membership
     * ended today holds no role from today, so no task or alert review is assigned by it), and the other systems'
     * participants, which only that CareTeam listed, are no longer shown. The patient and their records stay.
     */
    @Override
    public void applyDeletion(UUID patientId, String origin) {
        LocalDate today = desk.clock().instant().atZone(fr.relais.core.time.CareZone.PARIS).toLocalDate();
        String why = origin + ": " + DELETED_REASON;
        for (CareTeamMember member : careTeam.teamOf(patientId)) {
            if (member.endDate() == null || member.endDate().isAfter(today)) {
                careTeam.applySyncedMember(withEnd(member, member.startDate().isAfter(today) ? member.startDate() : today), why);
            }
        }
        careTeam.applySyncedOthers(patientId, List.of(), why);
    }

    /** Why the memberships ended, in the audit trail (in French, as a nurse's reason is). */
    static final String DELETED_REASON = "cercle de soins supprimé sur le serveur par un autre système";

    @Override
    public void keepRemote(Conflict conflict, String why) {
        UUID memberId = UUID.fromString(conflict.field().split(":")[1]);
        CareTeamMember member = careTeam.teamOf(conflict.localId()).stream().filter(m -> m.id().equals(memberId))
                .findFirst().orElseThrow();
        careTeam.applySyncedMember(withEnd(member, endOf(conflict.remoteValue())), why + ": server value kept");
    }
}
