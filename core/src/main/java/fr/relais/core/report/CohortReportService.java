package fr.relais.core.report;

import static fr.relais.core.store.schema.Tables.ALERT;
import static fr.relais.core.store.schema.Tables.ALERT_EVENT;
import static fr.relais.core.store.schema.Tables.ENROLLMENT;
import static fr.relais.core.store.schema.Tables.MEASURE;
import static fr.relais.core.store.schema.Tables.QUESTIONNAIRE_RESPONSE;
import static fr.relais.core.store.schema.Tables.TASK;
import static fr.relais.core.store.schema.Tables.TASK_EVENT;

import fr.relais.core.careteam.CareRole;
import fr.relais.core.error.NotFoundException;
import fr.relais.core.hospital.HospitalStay;
import fr.relais.core.hospital.HospitalStayRepository;
import fr.relais.core.i18n.Language;
import fr.relais.core.identity.PatientService;
import fr.relais.core.pathway.MeasurePlanItem;
import fr.relais.core.pathway.PathwayTemplate;
import fr.relais.core.pathway.TemplateRepository;
import fr.relais.core.store.Database;
import fr.relais.core.time.CareZone;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Computes a cohort's indicators straight from the store, one pass per table, so that a cohort of a thousand
 * patients takes seconds. Each indicator's definition is in docs/reports.md and in the report's appendix; the code
 * below follows those words.
 */
public final class CohortReportService {
    private static final String ENGINE = fr.relais.core.session.Actor.ENGINE;
    private final Database database;
    private final TemplateRepository templates;
    private final PatientService patients;
    private final HospitalStayRepository stays;
    private final Clock clock;

    public CohortReportService(Database database, TemplateRepository templates, PatientService patients, HospitalStayRepository stays,
                               Clock clock) {
        this.database = database;
        this.templates = templates;
        this.patients = patients;
        this.stays = stays;
        this.clock = clock;
    }

    public CohortReport compute(CohortQuery q) {
        return database.inTransaction(() -> {
            var dsl = database.dsl();
            PathwayTemplate template = templates.latest(q.templateId())
                    .orElseThrow(() -> new NotFoundException("--pathway", NotFoundException.What.PATHWAY, q.templateId())).template();
            Instant now = clock.instant();
            Instant from = q.from().atStartOfDay(CareZone.PARIS).toInstant();
            Instant to = q.to().plusDays(1).atStartOfDay(CareZone.PARIS).toInstant();
            LocalDate today = now.atZone(CareZone.PARIS).toLocalDate();
            // Enrollments overlapping the period: started by its end, not ended before its start.
            List<Row> cohort = new ArrayList<>();
            dsl.selectFrom(ENROLLMENT).where(ENROLLMENT.TEMPLATE_ID.eq(q.templateId())
                    .and(ENROLLMENT.START_DATE.le(q.to()))).orderBy(ENROLLMENT.START_DATE, ENROLLMENT.CREATED_AT, ENROLLMENT.ID).forEach(r -> {
                        LocalDate start = r.getStartDate();
                        boolean closed = r.getStatus().equals("COMPLETED") || r.getStatus().equals("STOPPED");
                        LocalDate end = closed ? r.getStatusChangedAt().atZone(CareZone.PARIS).toLocalDate()
                                : r.getEndDate().isBefore(today) ? r.getEndDate() : today;
                        if (!end.isBefore(q.from())) {
                            cohort.add(new Row(r.getId(), r.getPatientId(), start, end,
                                    r.getStatus(), r.getStatusReason(), r.getTemplateVersion()));
                        }
                    });
            Map<UUID, Row> byEnrollment = new HashMap<>();
            cohort.forEach(r -> byEnrollment.put(r.id, r));
            List<UUID> ids = cohort.stream().map(r -> r.id).toList();

            // Tasks of the team (not the patient's own self-measures) due in the period.
            Map<UUID, Instant> completedAt = new HashMap<>();
            dsl.select(TASK_EVENT.TASK_ID, org.jooq.impl.DSL.max(TASK_EVENT.AT)).from(TASK_EVENT).join(TASK).on(TASK.ID.eq(TASK_EVENT.TASK_ID))
                    .where(TASK.ENROLLMENT_ID.in(ids).and(TASK_EVENT.TO_STATUS.eq("COMPLETED"))).groupBy(TASK_EVENT.TASK_ID)
                    .forEach(r -> completedAt.put(r.value1(), r.value2()));
            List<Long> delays = new ArrayList<>();
            dsl.selectFrom(TASK).where(TASK.ENROLLMENT_ID.in(ids).and(TASK.ROLE.ne(CareRole.PATIENT.name()))
                    .and(TASK.DUE_AT.ge(from)).and(TASK.DUE_AT.lt(to))
                    // Work withdrawn (pathway stopped, task cancelled, entered in error) was never owed.
                    .and(TASK.STATUS.notIn("CANCELLED", "ENTERED_IN_ERROR"))).forEach(t -> {
                        Row row = byEnrollment.get(t.getEnrollmentId());
                        Instant due = t.getDueAt();
                        row.tasksDue++;
                        Instant done = completedAt.get(t.getId());
                        if (t.getStatus().equals("COMPLETED") && done != null) {
                            long minutes = Math.max(0, Duration.between(due, done).toMinutes());
                            delays.add(minutes);
                            if (done.isAfter(due)) {
                                row.tasksLate++;
                            } else {
                                row.tasksOnTime++; // completed exactly at the deadline is on time
                            }
                        } else if (t.getStatus().equals("FAILED")) {
                            row.tasksMissed++;
                        } else if (t.getIsOpen() == 1 && due.isBefore(now)) {
                            row.tasksOpenOverdue++;
                        }
                    });

            // Measurement adherence: valid measures received against the plan, per enrollment, over its days in the period.
            for (Row row : cohort) {
                LocalDate a = row.start.isAfter(q.from()) ? row.start : q.from();
                LocalDate b = row.end.isBefore(q.to()) ? row.end : q.to();
                long days = ChronoUnit.DAYS.between(a, b) + 1;
                row.activeDays = Math.max(0, days);
                PathwayTemplate version = templates.find(q.templateId(), row.version).map(s -> s.template()).orElse(template);
                for (MeasurePlanItem item : version.measurementPlan()) {
                    long every = Math.max(1, item.every().toTotalMonths() * 30 + item.every().getDays());
                    int expected = (int) (row.activeDays / every);
                    if (expected == 0) {
                        continue;
                    }
                    int received = dsl.fetchCount(MEASURE, MEASURE.PATIENT_ID.eq(row.patientId).and(MEASURE.CODE.eq(item.code()))
                            .and(MEASURE.STATUS.eq("FINAL"))
                            .and(MEASURE.EFFECTIVE_AT.ge(a.atStartOfDay(CareZone.PARIS).toInstant()))
                            .and(MEASURE.EFFECTIVE_AT.lt(b.plusDays(1).atStartOfDay(CareZone.PARIS).toInstant())));
                    row.measuresExpected += expected;
                    row.measuresReceived += Math.min(expected, received);
                }
            }

            // Alerts opened in the period: rate, time to the first human decision, escalations.
            List<Long> ackMinutes = new ArrayList<>();
            int[] escalated = {0};
            Map<UUID, Instant> firstHuman = new HashMap<>();
            dsl.select(ALERT_EVENT.ALERT_ID, org.jooq.impl.DSL.min(ALERT_EVENT.AT)).from(ALERT_EVENT).join(ALERT).on(ALERT.ID.eq(ALERT_EVENT.ALERT_ID))
                    .where(ALERT.ENROLLMENT_ID.in(ids).and(ALERT_EVENT.ACTOR.ne(ENGINE))).groupBy(ALERT_EVENT.ALERT_ID)
                    .forEach(r -> firstHuman.put(r.value1(), r.value2()));
            dsl.selectFrom(ALERT).where(ALERT.ENROLLMENT_ID.in(ids).and(ALERT.OPENED_AT.ge(from))
                    .and(ALERT.OPENED_AT.lt(to))).forEach(al -> {
                        byEnrollment.get(al.getEnrollmentId()).alerts++;
                        Instant human = firstHuman.get(al.getId());
                        if (human != null) {
                            ackMinutes.add(Duration.between(al.getOpenedAt(), human).toMinutes());
                        }
                        if (al.getEscalationStep() > 0) {
                            escalated[0]++;
                        }
                    });

            // PROM change: first and last score of each patient in the period, for each questionnaire.
            Map<String, Map<UUID, BigDecimal[]>> scores = new TreeMap<>();
            List<UUID> patientIds = cohort.stream().map(r -> r.patientId).distinct().toList();
            dsl.selectFrom(QUESTIONNAIRE_RESPONSE).where(QUESTIONNAIRE_RESPONSE.PATIENT_ID.in(patientIds)
                    .and(QUESTIONNAIRE_RESPONSE.SCORE.isNotNull()).and(QUESTIONNAIRE_RESPONSE.STATUS.eq("COMPLETED"))
                    .and(QUESTIONNAIRE_RESPONSE.AUTHORED_AT.ge(from))
                    .and(QUESTIONNAIRE_RESPONSE.AUTHORED_AT.lt(to))).orderBy(QUESTIONNAIRE_RESPONSE.AUTHORED_AT)
                    .forEach(r -> {
                        BigDecimal[] firstLast = scores.computeIfAbsent(r.getQuestionnaireId(), k -> new HashMap<>())
                                .computeIfAbsent(r.getPatientId(), k -> new BigDecimal[2]);
                        BigDecimal score = new BigDecimal(r.getScore());
                        if (firstLast[0] == null) {
                            firstLast[0] = score;
                        }
                        firstLast[1] = score;
                    });
            List<CohortReport.PromChange> proms = new ArrayList<>();
            scores.forEach((questionnaire, byPatient) -> {
                List<BigDecimal[]> pairs = byPatient.values().stream().filter(p -> p[0] != null).toList();
                BigDecimal first = mean(pairs.stream().map(p -> p[0]).toList());
                BigDecimal last = mean(pairs.stream().map(p -> p[1]).toList());
                proms.add(new CohortReport.PromChange(questionnaire, pairs.size(), first, last,
                        first == null ? null : last.subtract(first)));
            });

            // Hospital stays: discharges in the days followed, readmissions within 30 days, days at home.
            List<CohortHospitalFigures.Window> windows = cohort.stream().filter(r -> r.activeDays > 0)
                    .map(r -> new CohortHospitalFigures.Window(r.patientId, r.start.isAfter(q.from()) ? r.start : q.from(),
                            r.end.isBefore(q.to()) ? r.end : q.to())).toList();
            Map<UUID, List<HospitalStay>> staysByPatient = new HashMap<>();
            stays.ofPatients(patientIds).forEach(st -> staysByPatient.computeIfAbsent(st.patientId(), k -> new ArrayList<>()).add(st));
            CohortHospitalFigures.Figures hospital = CohortHospitalFigures.of(windows, staysByPatient);

            Map<String, Integer> stopReasons = new TreeMap<>();
            cohort.stream().filter(r -> r.status.equals("STOPPED"))
                    .forEach(r -> stopReasons.merge(r.statusReason == null ? "-" : r.statusReason, 1, Integer::sum));
            int due = cohort.stream().mapToInt(r -> r.tasksDue).sum();
            int expected = cohort.stream().mapToInt(r -> r.measuresExpected).sum();
            int received = cohort.stream().mapToInt(r -> r.measuresReceived).sum();
            int alertCount = cohort.stream().mapToInt(r -> r.alerts).sum();
            BigDecimal patientMonths = BigDecimal.valueOf(cohort.stream().mapToLong(r -> r.activeDays).sum())
                    .divide(new BigDecimal("30.4375"), 2, RoundingMode.HALF_UP);
            var indicators = new CohortReport.Indicators(cohort.size(), patientIds.size(),
                    (int) cohort.stream().filter(r -> !r.start.isBefore(q.from())).count(), count(cohort, "ACTIVE"), count(cohort, "PAUSED"),
                    count(cohort, "COMPLETED"), count(cohort, "STOPPED"), due, cohort.stream().mapToInt(r -> r.tasksOnTime).sum(),
                    cohort.stream().mapToInt(r -> r.tasksLate).sum(), cohort.stream().mapToInt(r -> r.tasksMissed).sum(),
                    cohort.stream().mapToInt(r -> r.tasksOpenOverdue).sum(), median(delays, 60), expected, received,
                    ratio(received, expected), alertCount, patientMonths,
                    patientMonths.signum() == 0 ? null : BigDecimal.valueOf(alertCount).divide(patientMonths, 2, RoundingMode.HALF_UP),
                    median(ackMinutes, 60), ratio(escalated[0], alertCount), hospital.discharges(), hospital.readmissions(),
                    ratio(hospital.readmissions(), hospital.discharges()), hospital.daysInHospital(), hospital.daysAtHome());
            List<CohortReport.PatientRow> rows = new ArrayList<>();
            for (int i = 0; i < cohort.size(); i++) {
                Row r = cohort.get(i);
                var patient = q.withIdentity() ? patients.get(r.patientId) : null;
                rows.add(new CohortReport.PatientRow(i + 1, patient == null ? null : patient.displayName(), patient == null ? null : patient.ipp(),
                        r.status, r.statusReason, r.tasksDue, r.tasksOnTime, r.tasksLate, r.tasksMissed, r.measuresExpected,
                        r.measuresReceived, r.alerts));
            }
            return new CohortReport(q, template.title().in(Language.FR), now, indicators, stopReasons, proms, rows);
        });
    }

    private static int count(List<Row> cohort, String status) {
        return (int) cohort.stream().filter(r -> r.status.equals(status)).count();
    }

    /** A share with two decimals, or null when there is nothing to share. */
    static BigDecimal ratio(int part, int whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP)
                .setScale(2, RoundingMode.HALF_UP);
    }

    /** Median of minutes, in {@code unit} minutes (60: hours), one decimal; null for no values. */
    static BigDecimal median(List<Long> minutes, int unit) {
        if (minutes.isEmpty()) {
            return null;
        }
        List<Long> sorted = new ArrayList<>(minutes);
        Collections.sort(sorted);
        int n = sorted.size();
        double middle = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
        return BigDecimal.valueOf(middle / unit).setScale(1, RoundingMode.HALF_UP);
    }

    private static BigDecimal mean(List<BigDecimal> values) {
        if (values.isEmpty()) {
            return null;
        }
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP);
    }

    /** Working counters of one enrollment. */
    private static final class Row {
        final UUID id;
        final UUID patientId;
        final LocalDate start;
        final LocalDate end;
        final String status;
        final String statusReason;
        final int version;
        long activeDays;
        int tasksDue;
        int tasksOnTime;
        int tasksLate;
        int tasksMissed;
        int tasksOpenOverdue;
        int measuresExpected;
        int measuresReceived;
        int alerts;

        Row(UUID id, UUID patientId, LocalDate start, LocalDate end, String status, String statusReason, int version) {
            this.id = id;
            this.patientId = patientId;
            this.start = start;
            this.end = end;
            this.status = status;
            this.statusReason = statusReason;
            this.version = version;
        }
    }
}
