package fr.relais.core.careteam;

import static fr.relais.core.store.schema.Tables.CARE_TEAM_MEMBER;
import static fr.relais.core.store.schema.Tables.CARE_TEAM_OTHER_PARTICIPANT;
import static fr.relais.core.store.schema.Tables.PROFESSIONAL;
import static fr.relais.core.store.schema.Tables.RELATED_PERSON;

import fr.relais.core.store.KeptStatements;
import fr.relais.core.store.schema.tables.records.ProfessionalRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;

/** Professionals and care team memberships in the store. */
public final class CareTeamRepository {
    /**
     * A membership and its professional, columns selected by name: the join's two {@code id} columns would be alike in
     * rows read back through a kept statement, so the professional's id is the membership's {@code professional_id}.
     */
    private static final List<org.jooq.SelectFieldOrAsterisk> MEMBER_COLUMNS = List.of(CARE_TEAM_MEMBER.ID,
            CARE_TEAM_MEMBER.PATIENT_ID, CARE_TEAM_MEMBER.ROLE, CARE_TEAM_MEMBER.START_DATE, CARE_TEAM_MEMBER.END_DATE,
            CARE_TEAM_MEMBER.PROFESSIONAL_ID, PROFESSIONAL.FAMILY_NAME, PROFESSIONAL.GIVEN_NAME, PROFESSIONAL.PROFESSION,
            PROFESSIONAL.RPPS, PROFESSIONAL.MSSANTE_ADDRESS, PROFESSIONAL.PHONE);
    /**
     * A patient's memberships and their professionals, its SQL rendered once (the ADT listener reads it for each
     * worklist item an event creates).
     */
    private static final KeptStatements.Shape<ResultQuery<Record>> MEMBERS_OF = v -> DSL.select(MEMBER_COLUMNS)
            .from(CARE_TEAM_MEMBER).join(PROFESSIONAL).on(PROFESSIONAL.ID.eq(CARE_TEAM_MEMBER.PROFESSIONAL_ID))
            .where(CARE_TEAM_MEMBER.PATIENT_ID.eq(v.of(CARE_TEAM_MEMBER.PATIENT_ID)))
            .orderBy(CARE_TEAM_MEMBER.ROLE, CARE_TEAM_MEMBER.START_DATE);

    private final DSLContext dsl;
    private final KeptStatements kept;

    public CareTeamRepository(DSLContext dsl) {
        this.dsl = dsl;
        this.kept = new KeptStatements(dsl);
    }

    public void insertProfessional(Professional p, Instant at) {
        dsl.insertInto(PROFESSIONAL).set(record(p).with(PROFESSIONAL.CREATED_AT, at)).execute();
    }

    /** What the team server may change about a professional (the id and creation time stay). */
    public void updateProfessional(Professional p) {
        dsl.update(PROFESSIONAL).set(record(p)).where(PROFESSIONAL.ID.eq(p.id())).execute();
    }

    private ProfessionalRecord record(Professional p) {
        return dsl.newRecord(PROFESSIONAL)
                .with(PROFESSIONAL.ID, p.id())
                .with(PROFESSIONAL.FAMILY_NAME, p.familyName())
                .with(PROFESSIONAL.GIVEN_NAME, p.givenName())
                .with(PROFESSIONAL.PROFESSION, p.profession().name())
                .with(PROFESSIONAL.RPPS, p.rpps())
                .with(PROFESSIONAL.MSSANTE_ADDRESS, p.mssanteAddress())
                .with(PROFESSIONAL.PHONE, p.phone());
    }

    public Optional<Professional> findProfessional(UUID id) {
        return dsl.selectFrom(PROFESSIONAL).where(PROFESSIONAL.ID.eq(id)).fetchOptional(CareTeamRepository::toProfessional);
    }

    public Optional<Professional> findProfessionalByRpps(String rpps) {
        return dsl.selectFrom(PROFESSIONAL).where(PROFESSIONAL.RPPS.eq(rpps)).fetchOptional(CareTeamRepository::toProfessional);
    }

    public List<Professional> professionals() {
        return dsl.selectFrom(PROFESSIONAL).orderBy(PROFESSIONAL.FAMILY_NAME, PROFESSIONAL.GIVEN_NAME)
                .fetch(CareTeamRepository::toProfessional);
    }

    public void insertMember(CareTeamMember m) {
        dsl.insertInto(CARE_TEAM_MEMBER)
                .set(CARE_TEAM_MEMBER.ID, m.id())
                .set(CARE_TEAM_MEMBER.PATIENT_ID, m.patientId())
                .set(CARE_TEAM_MEMBER.PROFESSIONAL_ID, m.professional().id())
                .set(CARE_TEAM_MEMBER.ROLE, m.role().name())
                .set(CARE_TEAM_MEMBER.START_DATE, m.startDate())
                .set(CARE_TEAM_MEMBER.END_DATE, m.endDate())
                .execute();
    }

    /** A membership's role and period (the patient and professional of a membership never change). */
    public void updateMember(CareTeamMember m) {
        dsl.update(CARE_TEAM_MEMBER)
                .set(CARE_TEAM_MEMBER.ROLE, m.role().name())
                .set(CARE_TEAM_MEMBER.START_DATE, m.startDate())
                .set(CARE_TEAM_MEMBER.END_DATE, m.endDate())
                .where(CARE_TEAM_MEMBER.ID.eq(m.id()))
                .execute();
    }

    public Optional<CareTeamMember> findMember(UUID memberId) {
        return dsl.select(MEMBER_COLUMNS).from(CARE_TEAM_MEMBER).join(PROFESSIONAL).on(PROFESSIONAL.ID.eq(CARE_TEAM_MEMBER.PROFESSIONAL_ID))
                .where(CARE_TEAM_MEMBER.ID.eq(memberId)).fetchOptional(CareTeamRepository::toMember);
    }

    public int endMember(UUID memberId, java.time.LocalDate endDate) {
        return dsl.update(CARE_TEAM_MEMBER).set(CARE_TEAM_MEMBER.END_DATE, endDate)
                .where(CARE_TEAM_MEMBER.ID.eq(memberId)).execute();
    }

    /** Replaces the participants of other systems of a patient's care team (as the server's latest version lists them). */
    public void replaceOthers(UUID patientId, List<OtherParticipant> others) {
        dsl.deleteFrom(CARE_TEAM_OTHER_PARTICIPANT).where(CARE_TEAM_OTHER_PARTICIPANT.PATIENT_ID.eq(patientId)).execute();
        for (int i = 0; i < others.size(); i++) {
            OtherParticipant o = others.get(i);
            dsl.insertInto(CARE_TEAM_OTHER_PARTICIPANT).set(CARE_TEAM_OTHER_PARTICIPANT.PATIENT_ID, patientId)
                    .set(CARE_TEAM_OTHER_PARTICIPANT.POSITION, i).set(CARE_TEAM_OTHER_PARTICIPANT.KIND, o.kind())
                    .set(CARE_TEAM_OTHER_PARTICIPANT.NAME, o.name()).set(CARE_TEAM_OTHER_PARTICIPANT.ROLE, o.role())
                    .set(CARE_TEAM_OTHER_PARTICIPANT.START_DATE, o.startDate())
                    .set(CARE_TEAM_OTHER_PARTICIPANT.END_DATE, o.endDate())
                    .set(CARE_TEAM_OTHER_PARTICIPANT.PROFESSIONAL_ID, o.professionalId())
                    .set(CARE_TEAM_OTHER_PARTICIPANT.ROLE_SYSTEM, o.roleCode() == null ? null : o.roleCode().system())
                    .set(CARE_TEAM_OTHER_PARTICIPANT.ROLE_CODE, o.roleCode() == null ? null : o.roleCode().code())
                    .set(CARE_TEAM_OTHER_PARTICIPANT.RELATIVE_ID, o.relativeId()).execute();
        }
    }

    /**
     * The participants of other systems of a patient's care team, in the server's order; a relative with the
     * relationship their own record gives now (one source: the relative's record, {@link Relatives}).
     */
    public List<OtherParticipant> othersOf(UUID patientId) {
        return dsl.selectFrom(CARE_TEAM_OTHER_PARTICIPANT).where(CARE_TEAM_OTHER_PARTICIPANT.PATIENT_ID.eq(patientId))
                .orderBy(CARE_TEAM_OTHER_PARTICIPANT.POSITION).fetch(r -> new OtherParticipant(r.getKind(), r.getName(), r.getRole(),
                        r.getStartDate(), r.getEndDate(), r.getProfessionalId(),
                        // The role's words are the other system's (the role column): the code keeps no words of its own.
                        Coded.ofNullable(r.getRoleSystem(), r.getRoleCode(), r.getRole()), r.getRelativeId(),
                        r.getRelativeId() == null ? null : relationshipOf(r.getRelativeId())));
    }

    private Coded relationshipOf(UUID relativeId) {
        return dsl.select(RELATED_PERSON.RELATIONSHIP_SYSTEM, RELATED_PERSON.RELATIONSHIP_CODE, RELATED_PERSON.RELATIONSHIP_DISPLAY)
                .from(RELATED_PERSON).where(RELATED_PERSON.ID.eq(relativeId.toString()))
                .fetchOptional(r -> Coded.ofNullable(r.value1(), r.value2(), r.value3())).orElse(null);
    }

    /** The whole cercle de soins of a patient, past members included, ordered by role. */
    public List<CareTeamMember> membersOf(UUID patientId) {
        return kept.fetch(MEMBERS_OF, CareTeamRepository::toMember, patientId);
    }

    /** A row of {@link #MEMBER_COLUMNS}. */
    private static CareTeamMember toMember(Record r) {
        return new CareTeamMember(r.get(CARE_TEAM_MEMBER.ID), r.get(CARE_TEAM_MEMBER.PATIENT_ID),
                new Professional(r.get(CARE_TEAM_MEMBER.PROFESSIONAL_ID), r.get(PROFESSIONAL.FAMILY_NAME), r.get(PROFESSIONAL.GIVEN_NAME),
                        Profession.valueOf(r.get(PROFESSIONAL.PROFESSION)), r.get(PROFESSIONAL.RPPS), r.get(PROFESSIONAL.MSSANTE_ADDRESS),
                        r.get(PROFESSIONAL.PHONE)),
                CareRole.valueOf(r.get(CARE_TEAM_MEMBER.ROLE)), r.get(CARE_TEAM_MEMBER.START_DATE), r.get(CARE_TEAM_MEMBER.END_DATE));
    }

    private static Professional toProfessional(ProfessionalRecord r) {
        return new Professional(r.getId(), r.getFamilyName(), r.getGivenName(),
                Profession.valueOf(r.getProfession()), r.getRpps(), r.getMssanteAddress(), r.getPhone());
    }
}
