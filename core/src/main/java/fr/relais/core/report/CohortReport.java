package fr.relais.core.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Activity and outcome indicators of a cohort (definitions in docs/reports.md and in each report's appendix). Decimal
 * indicators are null when their denominator is zero ("not computable", never a made-up 0). Patients are numbered,
 * not named, unless identity was asked for.
 */
public record CohortReport(CohortQuery query, String pathwayTitle, Instant generatedAt, Indicators indicators,
                           Map<String, Integer> stopReasons, List<PromChange> promChanges, List<PatientRow> patients) {

    public record Indicators(int enrollments, int patients, int newEnrollments, int active, int paused, int completed, int stopped,
                             int tasksDue, int tasksOnTime, int tasksLate, int tasksMissed, int tasksOpenOverdue,
                             BigDecimal medianDelayHours, int measuresExpected, int measuresReceived, BigDecimal measureAdherence,
                             int alerts, BigDecimal patientMonths, BigDecimal alertsPerPatientMonth,
                             BigDecimal medianHoursToAcknowledge, BigDecimal shareEscalated, int hospitalDischarges,
                             int readmissions30, BigDecimal readmissionRate30, long daysInHospital, long daysAtHome) {
    }

    /** Mean change of a questionnaire score between a patient's first and last response in the period. */
    public record PromChange(String questionnaireId, int patients, BigDecimal meanFirst, BigDecimal meanLast, BigDecimal meanChange) {
    }

    /** One enrollment of the cohort; {@code name} and {@code ipp} only when identity was asked for. */
    public record PatientRow(int number, String name, String ipp, String status, String statusReason, int tasksDue, int tasksOnTime,
                             int tasksLate, int tasksMissed, int measuresExpected, int measuresReceived, int alerts) {
    }
}
