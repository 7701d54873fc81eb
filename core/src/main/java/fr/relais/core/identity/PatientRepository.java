package fr.relais.core.identity;

import static fr.relais.core.store.schema.Tables.IDENTITY_EVENT;
import static fr.relais.core.store.schema.Tables.PATIENT;
import static fr.relais.core.store.schema.Tables.PATIENT_DUPLICATE;
import static fr.relais.core.store.schema.Tables.PATIENT_MERGE;

import fr.relais.core.store.schema.tables.records.PatientRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Translates patients between the domain and the {@code patient} table and its satellites. */
public final class PatientRepository {
    private final DSLContext dsl;

    public PatientRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void insert(Patient patient) {
        PatientRecord record = dsl.newRecord(PATIENT);
        fill(record, patient);
        record.setCreatedAt(patient.createdAt());
        record.insert();
    }

    public void update(Patient patient) {
        PatientRecord record = dsl.newRecord(PATIENT);
        fill(record, patient);
        record.changed(PATIENT.ID, false);
        record.changed(PATIENT.CREATED_AT, false);
        dsl.executeUpdate(record, PATIENT.ID.eq(patient.id()));
    }

    private static void fill(PatientRecord r, Patient p) {
        StrictTraits t = p.traits();
        r.setId(p.id());
        r.setBirthFamilyName(t.birthFamilyName());
        r.setBirthGivenNames(t.givenNamesText());
        r.setUsedFamilyName(p.usedFamilyName());
        r.setUsedGivenName(p.usedGivenName());
        r.setSex(t.sex().name());
        r.setBirthDate(t.birthDate());
        r.setBirthDatePrecision(t.birthDatePrecision().name());
        r.setBirthplaceCode(t.birthplaceCode());
        r.setIpp(p.ipp());
        r.setInsMatricule(p.ins() == null ? null : p.ins().matricule().value());
        r.setInsOid(p.ins() == null ? null : p.ins().oid().oid());
        r.setIdentityStatus(p.status().name());
        r.setInsSource(p.evidence().insSource().name());
        r.setIdentityDocument(p.evidence().document() == null ? null : p.evidence().document().name());
        r.setStatusChangedAt(p.statusChangedAt());
        r.setReplacedBy(p.replacedBy());
        r.setUpdatedAt(p.updatedAt());
    }

    static Patient toPatient(PatientRecord r) {
        StrictTraits traits = new StrictTraits(r.getBirthFamilyName(),
                r.getBirthGivenNames().isBlank() ? List.of() : Arrays.asList(r.getBirthGivenNames().split(" ")),
                Sex.valueOf(r.getSex()), r.getBirthDate(), r.getBirthplaceCode(),
                BirthDatePrecision.valueOf(r.getBirthDatePrecision()));
        Ins ins = r.getInsMatricule() == null ? null
                : new Ins(new InsMatricule(r.getInsMatricule()), InsOid.parse("ins_oid", r.getInsOid()));
        IdentityEvidence evidence = new IdentityEvidence(InsSource.valueOf(r.getInsSource()),
                r.getIdentityDocument() == null ? null : IdentityDocument.valueOf(r.getIdentityDocument()));
        return new Patient(r.getId(), traits, r.getUsedFamilyName(), r.getUsedGivenName(), r.getIpp(),
                ins, IdentityStatus.valueOf(r.getIdentityStatus()), evidence, r.getStatusChangedAt(),
                r.getCreatedAt(), r.getUpdatedAt(),
                r.getReplacedBy(), List.of());
    }

    /** One patient, with the records it replaced. */
    public Optional<Patient> find(UUID id) {
        return dsl.selectFrom(PATIENT).where(PATIENT.ID.eq(id)).fetchOptional(PatientRepository::toPatient)
                .map(this::withReplaced);
    }

    public Optional<Patient> findByIpp(String ipp) {
        return dsl.selectFrom(PATIENT).where(PATIENT.IPP.eq(ipp)).fetchOptional(PatientRepository::toPatient)
                .map(this::withReplaced);
    }

    private Patient withReplaced(Patient p) {
        return p.withReplaces(dsl.select(PATIENT.ID).from(PATIENT).where(PATIENT.REPLACED_BY.eq(p.id()))
                .orderBy(PATIENT.ID).fetch(r -> r.value1()));
    }

    public List<Patient> findByInsMatricule(String matricule) {
        return dsl.selectFrom(PATIENT).where(PATIENT.INS_MATRICULE.eq(matricule).and(PATIENT.REPLACED_BY.isNull()))
                .fetch(PatientRepository::toPatient);
    }

    public List<Patient> findByBirthDateAndSex(LocalDate birthDate, Sex sex) {
        return dsl.selectFrom(PATIENT)
                .where(PATIENT.BIRTH_DATE.eq(birthDate).and(PATIENT.SEX.eq(sex.name())).and(PATIENT.REPLACED_BY.isNull()))
                .fetch(PatientRepository::toPatient);
    }

    /**
     * Live patients (records replaced by a merge left out) in display order (family name, given names, id), the page
     * at a row number: SQLite steps over every row before {@code offset} (the command line's {@code --offset}).
     */
    public List<Patient> list(int offset, int limit) {
        return dsl.selectFrom(PATIENT).where(PATIENT.REPLACED_BY.isNull()).orderBy(displayOrder()).limit(limit).offset(offset)
                .fetch(PatientRepository::toPatient);
    }

    /**
     * Live patients in display order, the page after {@code after} (the first page when null): the query seeks the key
     * in the display-order index (migration V54), so any page costs about the same, however deep.
     */
    public List<Patient> listAfter(PatientKey after, int limit) {
        return dsl.selectFrom(PATIENT).where(PATIENT.REPLACED_BY.isNull()).and(after == null ? DSL.noCondition() : after(after))
                .orderBy(displayOrder()).limit(limit).fetch(PatientRepository::toPatient);
    }

    /**
     * Rows after the key. SQLite seeks an expression index on its first column only when that column has a range of
     * its own: hence the family-name bound beside the row-value comparison that makes the order exact.
     */
    private static Condition after(PatientKey key) {
        org.jooq.Field<String> family = sortFamily();
        return family.ge(key.familyName()).and(DSL.condition("({0}, {1}, {2}) > ({3}, {4}, {5})", family, PATIENT.BIRTH_GIVEN_NAMES, PATIENT.ID,
                DSL.val(key.familyName()), DSL.val(key.givenNames()), DSL.val(key.id(), PATIENT.ID)));
    }

    /** The family name the list sorts on, spelled as in the index patient_display_order (V54) so SQLite matches it. */
    private static org.jooq.Field<String> sortFamily() {
        return DSL.coalesce(PATIENT.USED_FAMILY_NAME, PATIENT.BIRTH_FAMILY_NAME);
    }

    /**
     * Search as the nurse types: a name prefix (birth or used, family or given), an IPP or INS prefix, or a birth date
     * (yyyy-MM-dd or dd/MM/yyyy).
     */
    public List<Patient> search(String text, int limit) {
        String term = text == null ? "" : text.trim();
        if (term.isEmpty()) {
            return list(0, limit);
        }
        return dsl.selectFrom(PATIENT).where(matching(term).and(PATIENT.REPLACED_BY.isNull())).orderBy(displayOrder()).limit(limit).fetch(PatientRepository::toPatient);
    }

    /** How many live patients {@link #search} would find without a limit (the list says "500 sur 3 000"). */
    public int countMatching(String text) {
        String term = text == null ? "" : text.trim();
        return term.isEmpty() ? count() : dsl.fetchCount(PATIENT, matching(term).and(PATIENT.REPLACED_BY.isNull()));
    }

    private static Condition matching(String term) {
        Condition condition = DSL.falseCondition();
        Optional<LocalDate> date = SearchDates.parse(term);
        if (date.isPresent()) {
            condition = PATIENT.BIRTH_DATE.eq(date.get());
        } else {
            String like = escapeLike(term.toLowerCase(java.util.Locale.ROOT)) + "%";
            String words = "% " + like;
            condition = DSL.lower(PATIENT.BIRTH_FAMILY_NAME).like(like, '\\')
                    .or(DSL.lower(PATIENT.USED_FAMILY_NAME).like(like, '\\'))
                    .or(DSL.lower(PATIENT.BIRTH_GIVEN_NAMES).like(like, '\\'))
                    .or(DSL.lower(PATIENT.BIRTH_GIVEN_NAMES).like(words, '\\'))
                    .or(DSL.lower(PATIENT.USED_GIVEN_NAME).like(like, '\\'))
                    .or(DSL.lower(PATIENT.IPP).like(like, '\\'))
                    .or(PATIENT.INS_MATRICULE.like(escapeLike(term.replace(" ", "").toUpperCase(java.util.Locale.ROOT)) + "%", '\\'));
        }
        return condition;
    }

    private static List<org.jooq.SortField<?>> displayOrder() {
        return List.of(sortFamily().asc(), PATIENT.BIRTH_GIVEN_NAMES.asc(), PATIENT.ID.asc());
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    public int count() {
        return dsl.fetchCount(PATIENT, PATIENT.REPLACED_BY.isNull());
    }

    public void insertIdentityEvent(UUID patientId, IdentityEvent event) {
        dsl.insertInto(IDENTITY_EVENT)
                .set(IDENTITY_EVENT.ID, UUID.randomUUID())
                .set(IDENTITY_EVENT.PATIENT_ID, patientId)
                .set(IDENTITY_EVENT.AT, event.at())
                .set(IDENTITY_EVENT.ACTOR, event.actor())
                .set(IDENTITY_EVENT.FROM_STATUS, event.from() == null ? null : event.from().name())
                .set(IDENTITY_EVENT.TO_STATUS, event.to().name())
                .set(IDENTITY_EVENT.REASON, event.reason())
                .execute();
    }

    public List<IdentityEvent> identityEvents(UUID patientId) {
        return dsl.selectFrom(IDENTITY_EVENT).where(IDENTITY_EVENT.PATIENT_ID.eq(patientId))
                .orderBy(IDENTITY_EVENT.AT, DSL.field("rowid"))
                .fetch(r -> new IdentityEvent(r.getAt(), r.getActor(),
                        r.getFromStatus() == null ? null : IdentityStatus.valueOf(r.getFromStatus()),
                        IdentityStatus.valueOf(r.getToStatus()), r.getReason()));
    }

    public void insertDuplicate(UUID patientId, DuplicateFlag flag, Instant at) {
        dsl.insertInto(PATIENT_DUPLICATE)
                .set(PATIENT_DUPLICATE.PATIENT_ID, patientId)
                .set(PATIENT_DUPLICATE.OTHER_PATIENT_ID, flag.otherPatientId())
                .set(PATIENT_DUPLICATE.REASON, flag.reason().name())
                .set(PATIENT_DUPLICATE.FLAGGED_AT, at)
                .onConflictDoNothing()
                .execute();
    }

    /** The duplicate flag between two records, settled by their merge. */
    public void deleteDuplicateFlag(UUID a, UUID b) {
        dsl.deleteFrom(PATIENT_DUPLICATE).where(PATIENT_DUPLICATE.PATIENT_ID.eq(a).and(PATIENT_DUPLICATE.OTHER_PATIENT_ID.eq(b))
                .or(PATIENT_DUPLICATE.PATIENT_ID.eq(b).and(PATIENT_DUPLICATE.OTHER_PATIENT_ID.eq(a)))).execute();
    }

    public void insertMerge(UUID replaced, UUID survivor, Instant at, String actor, String reason, int moved) {
        dsl.insertInto(PATIENT_MERGE)
                .set(PATIENT_MERGE.REPLACED_ID, replaced)
                .set(PATIENT_MERGE.SURVIVOR_ID, survivor)
                .set(PATIENT_MERGE.MERGED_AT, at)
                .set(PATIENT_MERGE.ACTOR, actor)
                .set(PATIENT_MERGE.REASON, reason)
                .set(PATIENT_MERGE.MOVED_RECORDS, moved)
                .execute();
    }

    public List<DuplicateFlag> duplicatesOf(UUID patientId) {
        UUID id = patientId;
        return dsl.select(PATIENT_DUPLICATE.PATIENT_ID, PATIENT_DUPLICATE.OTHER_PATIENT_ID, PATIENT_DUPLICATE.REASON)
                .from(PATIENT_DUPLICATE)
                .where(PATIENT_DUPLICATE.PATIENT_ID.eq(id).or(PATIENT_DUPLICATE.OTHER_PATIENT_ID.eq(id)))
                .fetch(r -> new DuplicateFlag(id.equals(r.value1()) ? r.value2() : r.value1(),
                        DuplicateReason.valueOf(r.value3())));
    }
}
