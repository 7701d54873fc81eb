package fr.relais.core.demo;

import fr.relais.core.careteam.CareRole;
import fr.relais.core.careteam.CareTeamService;
import fr.relais.core.careteam.Profession;
import fr.relais.core.careteam.Professional;
import fr.relais.core.error.BadInputException;
import fr.relais.core.identity.IdentityDocument;
import fr.relais.core.identity.IdentityEvidence;
import fr.relais.core.identity.Ins;
import fr.relais.core.identity.InsMatricule;
import fr.relais.core.identity.InsOid;
import fr.relais.core.identity.InsSource;
import fr.relais.core.identity.NewPatient;
import fr.relais.core.identity.PatientService;
import fr.relais.core.identity.Registration;
import fr.relais.core.identity.Sex;
import fr.relais.core.identity.StrictTraits;
import fr.relais.core.measure.BulkIngest;
import fr.relais.core.measure.NewMeasure;
import fr.relais.core.pathway.Enrollment;
import fr.relais.core.pathway.EnrollmentService;
import fr.relais.core.store.Database;
import fr.relais.core.task.Task;
import fr.relais.core.task.TaskService;
import fr.relais.core.task.TaskStatus;
import fr.relais.core.store.StoreKind;
import fr.relais.core.time.CareZone;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntConsumer;

/**
 * A deterministic fictitious French population, created through the same services as real patients (validation,
 * identity rules, duplicate flags, audit). Test INS numbers under the test OID mark every patient as fictitious,
 * which is why only a demo store accepts them.
 */
public final class DemoGenerator {
    static final String SEED_KEY = "demo.seed";
    private static final int BATCH = 250;
    /** Pathways given to demo patients (one or two each). */
    private static final List<String> PATHWAYS = List.of("insuffisance-cardiaque-sortie", "bpco-exacerbation",
            "diabete-type-2", "personne-agee-fragile-domicile", "chirurgie-ambulatoire-raac");

    private final Database database;
    private final PatientService patients;
    private final CareTeamService careTeam;
    private final EnrollmentService enrollments;
    private final TaskService tasks;
    private final BulkIngest measures;
    private final Clock clock;
    private final fr.relais.core.consent.ConsentService consents;
    private final DemoStays stays;

    public DemoGenerator(Database database, PatientService patients, CareTeamService careTeam,
                         EnrollmentService enrollments, TaskService tasks, BulkIngest measures, Clock clock,
                         fr.relais.core.consent.ConsentService consents, fr.relais.core.hospital.HospitalEvents hospital) {
        this.consents = consents;
        this.stays = new DemoStays(hospital, tasks, clock);
        this.database = database;
        this.patients = patients;
        this.careTeam = careTeam;
        this.enrollments = enrollments;
        this.tasks = tasks;
        this.measures = measures;
        this.clock = clock;
    }


    /** Fills the store; a store already filled with the same seed is left as it is. */
    public DemoSummary generate(int patientCount, long seed, IntConsumer progress) {
        if (patientCount < 1 || patientCount > 200_000) {
            throw new BadInputException("patients", "number.range", String.valueOf(patientCount), "1", "200000");
        }
        var meta = database.meta();
        if (meta.get(SEED_KEY).isPresent()) {
            return new DemoSummary(patients.count(), careTeam.professionals().size(), 0, true);
        }
        if (meta.kind() != StoreKind.DEMO && patients.count() > 0) {
            throw new BadInputException(database.file().toString(), "demo.realStore");
        }
        Random random = new Random(seed);
        LocalDate today = LocalDate.now(clock.withZone(CareZone.PARIS));
        Map<CareRole, List<Professional>> staff = database.inTransaction(() -> {
            meta.setKind(StoreKind.DEMO);
            meta.put(SEED_KEY, Long.toString(seed));
            return createStaff(random);
        });
        int members = 0;
        List<StrictTraits> created = new ArrayList<>();
        for (int start = 0; start < patientCount; start += BATCH) {
            int end = Math.min(patientCount, start + BATCH);
            int batchStart = start;
            members += database.inTransaction(() -> {
                int added = 0;
                List<NewMeasure> devices = new ArrayList<>();
                Map<UUID, fr.relais.core.identity.Patient> owners = new java.util.HashMap<>();
                for (int i = batchStart; i < end; i++) {
                    added += createPatient(i, random, today, staff, created, devices);
                }
                // The group's device measures in one go, judged patient by patient before the group commits.
                measures.ingest("démonstration", devices.stream().map(m -> new BulkIngest.Row(m,
                        owners.computeIfAbsent(m.patientId(), patients::get))).toList());
                return added;
            });
            progress.accept(end);
        }
        // A few patients in hospital and a recent discharge, as a hospital's messages would have said.
        stays.send(patientCount);
        // As on any morning: tasks past their window expire, and the planner learns the new table sizes.
        tasks.expireOverdue();
        database.optimize();
        return new DemoSummary(patientCount, staff.values().stream().mapToInt(List::size).sum(), members, false);
    }

    private Map<CareRole, List<Professional>> createStaff(Random random) {
        Map<CareRole, List<Professional>> staff = new EnumMap<>(CareRole.class);
        addStaff(staff, CareRole.IDEC, Profession.INFIRMIER, 3, random);
        addStaff(staff, CareRole.MEDECIN_TRAITANT, Profession.MEDECIN, 8, random);
        addStaff(staff, CareRole.IDE_LIBERALE, Profession.INFIRMIER, 6, random);
        addStaff(staff, CareRole.PHARMACIEN, Profession.PHARMACIEN, 3, random);
        addStaff(staff, CareRole.KINESITHERAPEUTE, Profession.MASSEUR_KINESITHERAPEUTE, 2, random);
        return staff;
    }

    private void addStaff(Map<CareRole, List<Professional>> staff, CareRole role, Profession profession, int count, Random random) {
        List<Professional> list = new ArrayList<>();
        String domain = profession == Profession.MEDECIN ? "medecin.mssante.fr" : profession == Profession.INFIRMIER
                ? "infirmier.mssante.fr" : profession == Profession.PHARMACIEN ? "pharmacien.mssante.fr" : "pro.mssante.fr";
        for (int i = 0; i < count; i++) {
            boolean female = random.nextBoolean();
            String given = pick(female ? DemoNames.FEMALE : DemoNames.MALE, random);
            String family = pick(DemoNames.FAMILY, random);
            // 999 prefix: fictitious RPPS numbers that no real professional holds.
            String rpps = "999" + String.format("%08d", random.nextInt(100_000_000));
            String mail = (NameAscii.of(given) + "." + NameAscii.of(family) + "@" + domain);
            list.add(careTeam.addProfessional(family, given, profession, rpps, mail, "01" + String.format("%08d", random.nextInt(100_000_000))));
        }
        staff.put(role, list);
    }

    private int createPatient(int index, Random random, LocalDate today, Map<CareRole, List<Professional>> staff,
                              List<StrictTraits> created, List<NewMeasure> devices) {
        StrictTraits traits;
        // One patient in a hundred repeats an earlier one's traits, so the duplicate flag shows in the demo.
        if (index % 100 == 99 && !created.isEmpty()) {
            traits = created.get(random.nextInt(created.size()));
        } else {
            boolean female = random.nextInt(100) < 55;
            List<String> given = new ArrayList<>();
            given.add(pick(female ? DemoNames.FEMALE : DemoNames.MALE, random));
            if (random.nextInt(100) < 60) {
                given.add(pick(female ? DemoNames.FEMALE : DemoNames.MALE, random));
            }
            LocalDate birth = today.minusYears(45 + random.nextInt(50)).minusDays(random.nextInt(365));
            traits = new StrictTraits(pick(DemoNames.FAMILY, random), given, female ? Sex.F : Sex.M, birth,
                    pick(DemoNames.BIRTHPLACES, random));
        }
        created.add(traits);

        // Statuses cycle so every one is present, weighted towards the qualified identities a mature team holds. Each
        // comes the legitimate way: a document seen at the desk, then (simulated) INSi answers for RECUP and QUAL.
        int statusDraw = random.nextInt(100);
        Ins ins = null;
        IdentityEvidence evidence;
        if (statusDraw < 50) {
            ins = testIns(traits, random);
            evidence = new IdentityEvidence(InsSource.SM, random.nextBoolean() ? IdentityDocument.CN : IdentityDocument.PA);
        } else if (statusDraw < 65) {
            ins = testIns(traits, random);
            evidence = IdentityEvidence.NONE;
        } else if (statusDraw < 80) {
            evidence = new IdentityEvidence(InsSource.SM, IdentityDocument.CN);
        } else {
            evidence = IdentityEvidence.NONE;
        }
        // An INS belongs to one identity: a drawn order number already given to another demo patient is drawn again.
        while (ins != null && patients.findByIppOrIns(ins.matricule().value()).isPresent()) {
            ins = testIns(traits, random);
        }
        String usedFamily = traits.sex() == Sex.F && random.nextInt(100) < 40 ? pick(DemoNames.FAMILY, random) : null;
        Registration registration = patients.register(new NewPatient(traits, usedFamily, null,
                String.format("DEMO%06d", index + 1), null, evidence, null));
        if (ins != null) {
            patients.recordInsiAnswer(registration.patient().id(), new DemoInsiAnswer(ins, traits), "INSi (démonstration)");
        }

        LocalDate since = today.minusDays(30 + random.nextInt(700));
        int members = 0;
        var id = registration.patient().id();
        careTeam.assign(id, pick(staff.get(CareRole.IDEC), random).id(), CareRole.IDEC, since);
        members++;
        if (random.nextInt(100) < 95) {
            careTeam.assign(id, pick(staff.get(CareRole.MEDECIN_TRAITANT), random).id(), CareRole.MEDECIN_TRAITANT, since);
            members++;
        }
        if (random.nextInt(100) < 70) {
            careTeam.assign(id, pick(staff.get(CareRole.IDE_LIBERALE), random).id(), CareRole.IDE_LIBERALE, since);
            members++;
        }
        if (random.nextInt(100) < 50) {
            careTeam.assign(id, pick(staff.get(CareRole.PHARMACIEN), random).id(), CareRole.PHARMACIEN, since);
            members++;
        }
        if (random.nextInt(100) < 20) {
            careTeam.assign(id, pick(staff.get(CareRole.KINESITHERAPEUTE), random).id(), CareRole.KINESITHERAPEUTE, since);
            members++;
        }
        enrollAndWork(id, random, today, devices);
        return members;
    }

    /**
     * Enrolls the patient in one or two pathways started up to 80 days ago, then does part of the work that was due:
     * the engine creates the tasks, the nurses complete most past ones, a few stay overdue, and devices send the last
     * two weeks of measures (added to {@code devices}; the alert engine judges them when they are stored). Completions
     * carry the generation time, not a back-dated one: the demo shows a realistic worklist, not a realistic history.
     */
    private void enrollAndWork(UUID patientId, Random random, LocalDate today, List<NewMeasure> devices) {
        int count = random.nextInt(100) < 25 ? 2 : 1;
        List<String> chosen = new ArrayList<>(PATHWAYS);
        Collections.shuffle(chosen, random);
        for (String pathway : chosen.subList(0, count)) {
            LocalDate start = today.minusDays(random.nextInt(80));
            // Demo patients in a telemonitoring pathway consented to it, as real ones must have (collected at the start).
            if (enrollments.templateFor(pathway, null).telemonitoring()
                    && !consents.active(patientId, fr.relais.core.consent.ConsentScope.TELEMONITORING)) {
                consents.add(patientId, fr.relais.core.consent.ConsentScope.TELEMONITORING, "IDEC (démonstration)", start);
            }
            Enrollment enrollment = enrollments.enroll(patientId, pathway, null, start);
            for (Task task : enrollments.tasksOf(enrollment.id())) {
                boolean past = task.dueAt().isBefore(clock.instant());
                if (past && task.status() == TaskStatus.REQUESTED && task.role() != CareRole.PATIENT && random.nextInt(100) < 85) {
                    tasks.complete(task.id(), firstOutcome(enrollment, task), null);
                }
            }
            DemoMeasures.of(enrollment, enrollments.templateOf(enrollment), random, today, clock.instant(), devices);
        }
    }

    private String firstOutcome(Enrollment enrollment, Task task) {
        return enrollments.outcomesOf(enrollment, task.stepId()).stream().findFirst().orElse(null);
    }

    /** A test INS built from the traits (sex, year, month, birthplace), with a valid key, under the test OID. */
    static Ins testIns(StrictTraits traits, Random random) {
        String sexDigit = traits.sex() == Sex.F ? "2" : "1";
        String year = String.format("%02d", traits.birthDate().getYear() % 100);
        String month = String.format("%02d", traits.birthDate().getMonthValue());
        String place = traits.birthplaceCode() == null ? "99100" : traits.birthplaceCode();
        String order = String.format("%03d", 1 + random.nextInt(999));
        return new Ins(InsMatricule.withKey(sexDigit + year + month + place + order), InsOid.NIR_TEST);
    }

    private static <T> T pick(List<T> list, Random random) {
        return list.get(random.nextInt(list.size()));
    }
}
