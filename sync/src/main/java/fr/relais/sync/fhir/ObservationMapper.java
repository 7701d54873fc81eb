package fr.relais.sync.fhir;

import fr.relais.core.error.BadInputException;
import fr.relais.core.measure.Measure;
import fr.relais.core.measure.MeasureCatalog;
import fr.relais.core.measure.MeasureSource;
import fr.relais.core.measure.MeasureStatus;
import fr.relais.core.measure.MeasureValue;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * Measure ↔ FHIR Observation (vital signs, glucose, questionnaire scores). Observations are append-only: after its
 * creation only the status may change (to entered-in-error). What was typed or received travels in Relais extensions
 * beside the canonical quantity, so nothing of the original entry is lost.
 */
public final class ObservationMapper {
    private static final String CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    static final String INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
    static final String ALERT_LEVEL = "urn:relais:fhir:CodeSystem:alert-level";
    private static final Set<String> SCORES = Set.of(MeasureCatalog.PHQ9_TOTAL, MeasureCatalog.GAD7_TOTAL);

    private ObservationMapper() {
    }

    /** Sets what Relais models on {@code target} (a copy of the server's version, or a new resource). */
    public static void write(Measure m, Observation target) {
        write(m, null, target);
    }

    /**
     * As {@link #write(Measure, Observation)}, with the alert level the measure was judged at here in
     * {@code interpretation}: red as critical abnormal (AA), yellow as abnormal (A), beside Relais's own level code.
     * Other interpretations (another system's H or L) stay.
     */
    public static void write(Measure m, fr.relais.core.rule.AlertLevel level, Observation target) {
        target.getInterpretation().removeIf(i -> i.getCoding().stream().anyMatch(c -> ALERT_LEVEL.equals(c.getSystem())));
        if (level == fr.relais.core.rule.AlertLevel.RED || level == fr.relais.core.rule.AlertLevel.YELLOW) {
            boolean red = level == fr.relais.core.rule.AlertLevel.RED;
            target.addInterpretation(new CodeableConcept()
                    .addCoding(new Coding(INTERPRETATION, red ? "AA" : "A", red ? "Critical abnormal" : "Abnormal"))
                    .addCoding(new Coding(ALERT_LEVEL, level.name(), null)));
        }
        target.setStatus(m.status() == MeasureStatus.ENTERED_IN_ERROR ? Observation.ObservationStatus.ENTEREDINERROR
                : Observation.ObservationStatus.FINAL);
        if (target.getCategory().isEmpty()) {
            target.addCategory(new CodeableConcept(new Coding(CATEGORY, SCORES.contains(m.code()) ? "survey" : "vital-signs", null)));
        }
        target.setCode(new CodeableConcept(new Coding(RelaisFhir.LOINC, m.code(),
                MeasureCatalog.find(m.code()).map(t -> t.name().in(fr.relais.core.i18n.Language.FR)).orElse(null))));
        target.setSubject(new Reference("Patient/" + m.patientId()));
        target.setEffective(FhirDates.instant(m.effectiveAt()));
        target.setValue(new Quantity().setValue(m.value()).setUnit(m.unit()).setSystem(RelaisFhir.UCUM).setCode(m.unit()));
        target.getExtension().removeIf(e -> e.getUrl().startsWith(RelaisFhir.EXTENSION + "measure-"));
        target.addExtension(RelaisFhir.extension("measure-original"), new StringType(m.originalValue() + " " + m.originalUnit()));
        target.addExtension(RelaisFhir.extension("measure-source"), new Coding(RelaisFhir.extension("measure-source-cs"), m.source().name(), null));
        target.addExtension(RelaisFhir.extension("measure-recorded-by"), new StringType(m.recordedBy()));
        target.addExtension(RelaisFhir.extension("measure-unusual"), new BooleanType(m.unusual()));
        target.getNote().removeIf(n -> n.getText() != null && n.getText().startsWith(ERROR_NOTE));
        if (m.errorReason() != null) {
            target.addNote(new Annotation().setText(ERROR_NOTE + m.errorReason()));
        }
    }

    private static final String ERROR_NOTE = "entered-in-error: ";

    /** A measure from an Observation, its quantity converted to the canonical unit; refused when it cannot be read. */
    public static Measure toLocal(Observation r, String source) {
        try {
            UUID id = localId(r.getIdElement().getIdPart());
            String subject = r.getSubject().getReferenceElement().getIdPart();
            if (subject == null || !"Patient".equals(r.getSubject().getReferenceElement().getResourceType())) {
                throw new BadInputException(source, "fhir.observation", new BadInputException.Reason("fhir.reason.noPatient"));
            }
            Coding loinc = r.getCode().getCoding().stream().filter(c -> RelaisFhir.LOINC.equals(c.getSystem())).findFirst()
                    .orElseThrow(() -> new BadInputException(source, "fhir.observation", new BadInputException.Reason("fhir.reason.noLoinc")));
            Quantity q = r.getValueQuantity();
            String unit = q.hasCode() ? q.getCode() : q.getUnit();
            MeasureValue value = MeasureValue.of(source, loinc.getCode(), q.getValue().toPlainString(), unit);
            String original = stringExtension(r, "measure-original");
            String[] originalParts = original == null ? new String[] {q.getValue().toPlainString(), unit} : original.split(" ", 2);
            var sourceExt = r.getExtensionByUrl(RelaisFhir.extension("measure-source"));
            MeasureSource measureSource = sourceExt != null && sourceExt.getValue() instanceof Coding c
                    ? MeasureSource.valueOf(c.getCode()) : MeasureSource.SYNCED;
            String recordedBy = stringExtension(r, "measure-recorded-by");
            boolean error = r.getStatus() == Observation.ObservationStatus.ENTEREDINERROR;
            String errorReason = r.getNote().stream().map(Annotation::getText).filter(t -> t != null && t.startsWith(ERROR_NOTE))
                    .map(t -> t.substring(ERROR_NOTE.length())).findFirst().orElse(error ? "entered in error on the server" : null);
            java.time.Instant effective = r.getEffectiveDateTimeType().getValue().toInstant();
            java.time.Instant updated = r.getMeta().getLastUpdated() == null ? effective : r.getMeta().getLastUpdated().toInstant();
            return new Measure(id, localId(subject), loinc.getCode(), value.value(), value.type().unit(), originalParts[0],
                    originalParts.length > 1 ? originalParts[1] : unit, effective, measureSource,
                    recordedBy == null ? "server" : recordedBy, value.unusual(),
                    error ? MeasureStatus.ENTERED_IN_ERROR : MeasureStatus.FINAL, error ? errorReason : null, updated, updated);
        } catch (org.hl7.fhir.exceptions.FHIRException | NullPointerException | IllegalArgumentException e) {
            throw FhirRefusal.of(source, "fhir.observation", e);
        }
    }

    /** Relais ids are UUIDs; a server id of another form gets a stable UUID derived from it. */
    public static UUID localId(String serverId) {
        try {
            return UUID.fromString(serverId);
        } catch (IllegalArgumentException notAUuid) {
            return UUID.nameUUIDFromBytes(serverId.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String stringExtension(Observation r, String name) {
        var e = r.getExtensionByUrl(RelaisFhir.extension(name));
        return e != null && e.getValue() instanceof StringType s ? s.getValue() : null;
    }
}
