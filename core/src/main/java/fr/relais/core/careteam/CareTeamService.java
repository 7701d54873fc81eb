package fr.relais.core.careteam;

import fr.relais.core.audit.AuditLog;
import fr.relais.core.error.BadInputException;
import fr.relais.core.error.NotFoundException;
import fr.relais.core.identity.PatientService;
import fr.relais.core.replication.Outbox;
import fr.relais.core.replication.RecordKind;
import fr.relais.core.store.Database;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The cercle de soins: professionals, who plays which role for a patient, and who holds a role on a given day. Both
 * are shared with the team server: a professional as a Practitioner, a patient's cercle as one CareTeam.
 */
public final class CareTeamService {
    /** The outbox kind of a professional (the record's id). */
    public static final String PROFESSIONAL_RECORD = RecordKind.PROFESSIONAL;
    /** The outbox kind of a patient's cercle de soins (the record's id is the patient's). */
    public static final String TEAM_RECORD = RecordKind.CARE_TEAM;

    private final Database database;
    private final CareTeamRepository repository;
    private final PatientService patients;
    private final AuditLog audit;
    private final Clock clock;
    private final Outbox outbox;

    public CareTeamService(Database database, CareTeamRepository repository, PatientService patients, AuditLog audit, Clock clock,
                           Outbox outbox) {
        this.outbox = outbox;
        this.database = database;
        this.repository = repository;
        this.patients = patients;
        this.audit = audit;
        this.clock = clock;
    }

    public Professional addProfessional(String familyName, String givenName, Profession profession, String rpps,
                                        String mssanteAddress, String phone) {
        if (familyName == null || familyName.isBlank()) {
            throw new BadInputException("familyName", "name.missing");
        }
        if (givenName == null || givenName.isBlank()) {
            throw new BadInputException("givenName", "name.missing");
        }
        if (rpps != null && !isRpps(rpps)) {
            throw new BadInputException("rpps", "rpps.invalid", rpps);
        }
        Professional professional = new Professional(rpps == null ? UUID.randomUUID() : idOf(rpps), familyName.trim(),
                givenName.trim(), profession, rpps, mssanteAddress, phone);
        return database.inTransaction(() -> {
            if (rpps != null && repository.findProfessionalByRpps(rpps).isPresent()) {
                throw new BadInputException("rpps", "rpps.taken", rpps);
            }
            repository.insertProfessional(professional, clock.instant());
            audit.record("professional.create", "Professional", professional.id(), null, profession.name());
            outbox.record(PROFESSIONAL_RECORD, professional.id());
            return professional;
        });
    }

    /**
     * The id of a professional known by RPPS: derived from the number, so that two workstations adding the same doctor
     * from the directory name them alike and the team server holds one Practitioner.
     */
    /** An RPPS number's shape: 11 digits. */
    public static boolean isRpps(String value) {
        return value != null && value.matches("[0-9]{11}");
    }

    public static UUID idOf(String rpps) {
        return UUID.nameUUIDFromBytes(("professional:rpps:" + rpps).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Adds a professional found in the national directory to a patient's cercle de soins: the professional already
     * known by this RPPS is reused, otherwise recorded with the directory's name, profession and MSSanté address.
     */
    public CareTeamMember assignFromDirectory(UUID patientId, DirectoryListing entry, CareRole role, LocalDate startDate) {
        if (!entry.active()) {
            throw new BadInputException(entry.displayName(), "directory.inactive", entry.rpps());
        }
        return database.inTransaction(() -> {
            Professional professional = entry.rpps() == null ? null : repository.findProfessionalByRpps(entry.rpps()).orElse(null);
            if (professional == null) {
                professional = addProfessional(entry.familyName(), entry.givenName() == null ? "-" : entry.givenName(), entry.profession(),
                        entry.rpps(), entry.preferredMailbox(), null);
            }
            return assign(patientId, professional.id(), role, startDate);
        });
    }

    public CareTeamMember assign(UUID patientId, UUID professionalId, CareRole role, LocalDate startDate) {
        return database.inTransaction(() -> {
            patients.get(patientId);
            Professional professional = repository.findProfessional(professionalId)
                    .orElseThrow(() -> new NotFoundException("professional", NotFoundException.What.PROFESSIONAL, professionalId));
            // Derived from what it says: the same assignment made on two laptops is one membership on the team server.
            UUID id = UUID.nameUUIDFromBytes(("careteam-member:" + patientId + "/" + professional.id() + "/" + role + "/" + startDate)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            CareTeamMember member = new CareTeamMember(id, patientId, professional, role, startDate, null);
            repository.insertMember(member);
            audit.record("careteam.assign", "CareTeamMember", member.id(), patientId, role.name());
            outbox.record(TEAM_RECORD, patientId);
            return member;
        });
    }

    public void endMembership(UUID patientId, UUID memberId, LocalDate endDate) {
        database.inTransaction(() -> {
            if (repository.endMember(memberId, endDate) == 0) {
                throw new NotFoundException("member", NotFoundException.What.CARE_TEAM_MEMBER, memberId);
            }
            audit.record("careteam.end", "CareTeamMember", memberId, patientId, endDate.toString());
            outbox.record(TEAM_RECORD, patientId);
        });
    }

    /**
     * Applies a professional received from the team server (the caller's transaction, outbox suppressed): recorded
     * when new here, else its name, profession and contacts take the server's (Relais never edits a professional).
     */
    public void applySyncedProfessional(Professional received, String origin) {
        if (repository.findProfessional(received.id()).isPresent()) {
            repository.updateProfessional(received);
        } else {
            repository.insertProfessional(received, clock.instant());
        }
        audit.record("professional.sync", "Professional", received.id(), null, origin);
    }

    /** Applies one membership of a cercle de soins as merged by the sync engine: added when new here, else updated. */
    public void applySyncedMember(CareTeamMember merged, String origin) {
        if (repository.findMember(merged.id()).isPresent()) {
            repository.updateMember(merged);
        } else {
            repository.insertMember(merged);
        }
        audit.record("careteam.sync", "CareTeamMember", merged.id(), merged.patientId(), merged.role() + " " + origin);
    }

    /**
     * Takes the participants of other systems the server's CareTeam lists for a patient (the caller's transaction,
     * outbox suppressed); returns whether they changed.
     */
    public boolean applySyncedOthers(UUID patientId, List<OtherParticipant> others, String origin) {
        if (repository.othersOf(patientId).equals(others)) {
            return false;
        }
        repository.replaceOthers(patientId, others);
        audit.record("careteam.sync", "CareTeam", patientId, patientId, others.size() + " other participant(s) " + origin);
        return true;
    }

    /** Who else the team server lists in the patient's care team (another system's participants), in its order. */
    public List<OtherParticipant> otherParticipantsOf(UUID patientId) {
        return repository.othersOf(patientId);
    }

    /**
     * The other participants to show beside the memberships: a professional who is also a member here (the hospital
     * lists its nurse as "Infirmier", she joined as the IDE libérale) is one person, shown once, on her membership
     * line with the other roles ({@link #otherRolesOf}).
     */
    public List<OtherParticipant> othersBesideMembers(UUID patientId) {
        java.util.Set<UUID> members = teamOf(patientId).stream().map(m -> m.professional().id()).collect(java.util.stream.Collectors.toSet());
        return otherParticipantsOf(patientId).stream().filter(o -> o.professionalId() == null || !members.contains(o.professionalId())).toList();
    }

    /**
     * The participations other systems list, in the patient's care team, for a professional held here with a role
     * ("Infirmier"), in their order: the participant rather than its words, so that a coded role is shown in the
     * reader's language ({@code fr.relais.core.wording.RoleWords}).
     */
    public List<OtherParticipant> otherRolesOf(UUID patientId, UUID professionalId) {
        return otherParticipantsOf(patientId).stream().filter(o -> professionalId.equals(o.professionalId()) && o.role() != null).toList();
    }

    public List<CareTeamMember> teamOf(UUID patientId) {
        return repository.membersOf(patientId);
    }

    /**
     * Who holds {@code role} on {@code day} in a patient's team (as {@link #teamOf} returns it); empty means the work
     * goes to the team queue for that role.
     */
    public static Optional<CareTeamMember> holderIn(List<CareTeamMember> team, CareRole role, LocalDate day) {
        return team.stream().filter(m -> m.role() == role && m.activeOn(day)).findFirst();
    }

    /** A professional by Relais id or RPPS number. */
    public Professional professional(String idOrRpps) {
        Optional<Professional> found = repository.findProfessionalByRpps(idOrRpps);
        if (found.isEmpty()) {
            try {
                found = repository.findProfessional(java.util.UUID.fromString(idOrRpps));
            } catch (IllegalArgumentException notAUuid) {
                // neither an RPPS number we know nor a Relais id: not found below
            }
        }
        return found.orElseThrow(() -> new NotFoundException("professional", NotFoundException.What.PROFESSIONAL_ID_OR_RPPS, idOrRpps));
    }

    public Optional<Professional> findProfessional(java.util.UUID id) {
        return repository.findProfessional(id);
    }

    public Optional<Professional> findProfessionalByRpps(String rpps) {
        return rpps == null || rpps.isBlank() ? Optional.empty() : repository.findProfessionalByRpps(rpps);
    }

    public List<Professional> professionals() {
        return repository.professionals();
    }
}
