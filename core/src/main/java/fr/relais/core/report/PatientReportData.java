package fr.relais.core.report;

import fr.relais.core.alert.Alert;
import fr.relais.core.alert.ThresholdService.RuleInForce;
import fr.relais.core.careteam.CareTeamMember;
import fr.relais.core.chart.ThresholdBand;
import fr.relais.core.identity.Patient;
import fr.relais.core.measure.Measure;
import fr.relais.core.pathway.Enrollment;
import fr.relais.core.pathway.PathwayTemplate;
import fr.relais.core.questionnaire.QuestionnaireResponse;
import fr.relais.core.task.Task;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Everything one patient's pathway report shows, read in one transaction so that the report is consistent: with each
 * measure's red and orange zones as they were in force over its chart ({@code bandsByCode}) and the measures that
 * raised an alert ({@code alertMeasures}), the patient's hospital events in the order they happened and the stay the
 * patient is in now, if any, and the documents the hospitals sent (the discharge letters), the latest first.
 */
public record PatientReportData(Patient patient, List<CareTeamMember> careTeam, List<PathwayPart> pathways,
                                Map<String, List<Measure>> measuresByCode, List<RuleInForce> rules,
                                List<QuestionnaireResponse> responses, List<Alert> alerts, Map<java.util.UUID, List<fr.relais.core.alert.AlertStep>> alertHistory,
                                Map<String, List<ThresholdBand>> bandsByCode, Set<UUID> alertMeasures, Instant generatedAt,
                                String author, List<fr.relais.core.hospital.StoredHospitalEvent> hospitalEvents,
                                java.util.Optional<fr.relais.core.hospital.HospitalStay> inHospital,
                                List<fr.relais.core.hospital.HospitalDocument> hospitalDocuments) {

    /** One enrollment with its template and its tasks in due order. */
    public record PathwayPart(Enrollment enrollment, PathwayTemplate template, List<Task> tasks) {
    }
}
