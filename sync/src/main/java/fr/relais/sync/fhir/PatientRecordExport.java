package fr.relais.sync.fhir;

import fr.relais.core.audit.AuditLog;
import fr.relais.core.report.PatientReportService;
import fr.relais.core.store.Database;
import fr.relais.core.urgentcare.UrgentCarePlanService;
import fr.relais.core.alert.Alert;
import fr.relais.core.careteam.CareTeamMember;
import fr.relais.core.i18n.Language;
import fr.relais.core.measure.Measure;
import fr.relais.core.questionnaire.QuestionnaireResponse;
import fr.relais.core.report.PatientReportData;
import fr.relais.core.task.Task;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

/**
 * A patient's whole record as one FHIR Bundle (type collection) for portability: identity, cercle de soins and its
 * professionals, pathways (CarePlan) and their tasks, measures, questionnaire responses and alerts with how they were
 * handled, and the urgent care plan. It reads the same consistent snapshot as the patient report and writes through the sync's mappers, so the
 * export, the report and the team server say the same thing.
 */
public final class PatientRecordExport {
    private final Database database;
    private final PatientReportService reports;
    private final UrgentCarePlanService urgentCarePlans;
    private final AuditLog audit;

    public PatientRecordExport(Database database, PatientReportService reports, UrgentCarePlanService urgentCarePlans, AuditLog audit) {
        this.database = database;
        this.reports = reports;
        this.urgentCarePlans = urgentCarePlans;
        this.audit = audit;
    }

    /** Refused when the organisation's IPP namespace is not configured: the bundle carries the IPP. */
    public Bundle export(UUID patientId, IppNamespace ipp) {
        IppNamespace.required(ipp);
        PatientReportData data = reports.gather(patientId);
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        bundle.getMeta().setLastUpdated(java.util.Date.from(data.generatedAt()));
        Patient patient = new Patient();
        PatientMapper.write(PatientMapper.fields(data.patient()), patient, ipp);
        patient.setId("Patient/" + patientId);
        add(bundle, patient);
        if (!data.careTeam().isEmpty()) {
            add(bundle, CareTeamMapper.toFhir(patientId, data.careTeam()));
            data.careTeam().stream().map(CareTeamMember::professional).distinct().forEach(p -> add(bundle, PractitionerMapper.toFhir(p)));
        }
        for (PatientReportData.PathwayPart part : data.pathways()) {
            add(bundle, CarePlanMapper.toFhir(part.enrollment(), part.template().title().in(Language.FR)));
            for (Task t : part.tasks()) {
                add(bundle, TaskMapper.toFhir(t));
            }
        }
        for (List<Measure> series : data.measuresByCode().values()) {
            for (Measure m : series) {
                Observation observation = new Observation();
                ObservationMapper.write(m, observation);
                observation.setId("Observation/" + m.id());
                add(bundle, observation);
            }
        }
        for (QuestionnaireResponse r : data.responses()) {
            add(bundle, QuestionnaireResponseMapper.toFhir(r));
        }
        for (Alert a : data.alerts()) {
            add(bundle, DetectedIssueMapper.toFhir(a));
        }
        // The urgent care plan belongs to the patient's record whatever its sharing: the export goes to the patient.
        urgentCarePlans.current(patientId).ifPresent(v -> add(bundle, UrgentCarePlanMapper.toFhir(patientId, v.plan())));
        return bundle;
    }

    public String json(UUID patientId, IppNamespace ipp) {
        return RelaisFhir.CONTEXT.newJsonParser().setPrettyPrint(true).encodeResourceToString(export(patientId, ipp));
    }

    /** Writes an exported record as JSON (UTF-8) and traces the disclosure in the audit trail. */
    public void write(Bundle bundle, OutputStream out) {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try {
            RelaisFhir.CONTEXT.newJsonParser().setPrettyPrint(true).encodeResourceToWriter(bundle, writer);
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        UUID patientId = UUID.fromString(bundle.getEntryFirstRep().getResource().getIdElement().getIdPart());
        database.inTransaction(() -> {
            audit.record("patient.export", "Patient", patientId, patientId, "FHIR Bundle, " + bundle.getEntry().size() + " resources");
            return null;
        });
    }

    private static void add(Bundle bundle, Resource resource) {
        String id = resource.getIdElement().getIdPart();
        bundle.addEntry().setFullUrl("urn:uuid:" + id).setResource(resource);
    }
}
