package fr.relais.sync.fhir;

import fr.relais.core.error.BadInputException;
import fr.relais.core.measure.Measure;
import fr.relais.core.measure.MeasureCatalog;
import fr.relais.core.measure.MeasureSource;
import fr.relais.core.measure.MeasureStatus;
import fr.relais.core.measure.MeasureValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
    /** LOINC 85354-9, "Blood pressure panel with all children optional": systolic and diastolic as components. */
    public static final String BP_PANEL = "85354-9";
    /**
     * The blood-pressure codes read as a panel when the values are in components: 85354-9, and 55284-4 "Blood pressure
     * systolic and diastolic", which other platforms write (found by a team try-out; https://loinc.org/55284-4).
     */
    private static final java.util.Set<String> BP_PANELS = java.util.Set.of(BP_PANEL, "55284-4");

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
        if (isForeign(target) || isBloodPressurePanel(target) || isUnderAnotherCode(target)) {
            writeStatusOnly(m, target);
            return;
        }
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

    /**
     * Why a measure another system cancelled is kept in error here: an Observation with status {@code cancelled} was
     * never a valid value (the examination did not happen or was abandoned), so, like one marked wrong, it is kept,
     * shown struck out and never judged. Stored data, read by the nurse in the measure's history: French.
     */
    static final String CANCELLED_REASON = "annulée par le système d'origine";

    /** An Observation another system wrote under a code Relais reads as one of its own (glucose in mmol/L, arterial SpO2). */
    private static boolean isUnderAnotherCode(Observation target) {
        String loinc = loincOf(target.getCode());
        return loinc != null && !loinc.equals(MeasureCatalog.relaisCode(loinc));
    }

    /**
     * An Observation another system wrote (the server's copy, without the source extension Relais puts on every
     * measure it writes). A new Observation has no subject yet.
     */
    private static boolean isForeign(Observation target) {
        return target.hasSubject() && target.getExtensionByUrl(RelaisFhir.extension("measure-source")) == null;
    }

    /**
     * Another system's Observation (a weight from a telemonitoring platform, a blood-pressure panel, a measure under
     * another LOINC code) goes back as it was written: Relais only ever sends back an entered-in-error made here
     * (measures are append-only), so only the status changes, and the reason goes as a note in the nurse's words
     * (no prefix, no Relais extension, display or interpretation): the other system's users read it as written. A
     * component marked in error here marks the whole reading in error there.
     */
    private static void writeStatusOnly(Measure m, Observation target) {
        if (m.status() != MeasureStatus.ENTERED_IN_ERROR) {
            return;
        }
        target.setStatus(Observation.ObservationStatus.ENTEREDINERROR);
        String reason = m.errorReason();
        boolean noted = target.getNote().stream().anyMatch(n -> reason != null && reason.equals(n.getText()));
        if (reason != null && !reason.isBlank() && !noted) {
            target.addNote(new Annotation().setText(reason));
        }
    }

    /** A measure from an Observation, its quantity converted to the canonical unit; refused when it cannot be read. */
    public static Measure toLocal(Observation r, String source) {
        return toLocalAll(r, source).get(0);
    }

    /**
     * The measures an Observation holds: one for a single measure; two for a blood-pressure panel (LOINC 85354-9),
     * which Relais stores as its systolic and diastolic measures. The systolic one takes the panel's id (it carries the
     * panel's sync link), the diastolic one an id derived from it ({@link #panelPartId}). A panel without a systolic
     * component is refused (kept unread): Relais has no measure to hang the panel on.
     */
    public static List<Measure> toLocalAll(Observation r, String source) {
        try {
            UUID id = localId(r.getIdElement().getIdPart());
            if (isBloodPressurePanel(r)) {
                Measure systolic = null;
                Measure diastolic = null;
                for (Observation.ObservationComponentComponent c : r.getComponent()) {
                    String code = MeasureCatalog.relaisCode(loincOf(c.getCode()));
                    if (MeasureCatalog.SYSTOLIC.equals(code) && systolic == null) {
                        systolic = measure(r, source, id, code, c.getValueQuantity());
                    } else if (MeasureCatalog.DIASTOLIC.equals(code) && diastolic == null) {
                        diastolic = measure(r, source, panelPartId(id, code), code, c.getValueQuantity());
                    }
                }
                if (systolic == null) {
                    throw new BadInputException(source, "fhir.observation", new BadInputException.Reason("fhir.reason.noSystolic"));
                }
                return diastolic == null ? List.of(systolic) : List.of(systolic, diastolic);
            }
            String loinc = loincOf(r.getCode());
            if (loinc == null) {
                throw new BadInputException(source, "fhir.observation", new BadInputException.Reason("fhir.reason.noLoinc"));
            }
            return List.of(measure(r, source, id, MeasureCatalog.relaisCode(loinc), r.getValueQuantity()));
        } catch (org.hl7.fhir.exceptions.FHIRException | NullPointerException | IllegalArgumentException e) {
            throw FhirRefusal.of(source, "fhir.observation", e);
        }
    }

    /**
     * An Observation whose value is text (valueString: "72 kg environ") about a LOINC code: kept as written, not read as
     * a measure; null for any other Observation.
     */
    public static fr.relais.core.measure.TextMeasure textMeasure(Observation r, String source) {
        boolean asText = r.hasValueStringType();
        boolean notTaken = !r.hasValue() && r.hasDataAbsentReason();
        if (!(asText || notTaken) || r.hasComponent() || r.hasHasMember()) {
            return null;
        }
        String loinc = loincOf(r.getCode());
        String subject = r.getSubject().getReferenceElement().getIdPart();
        if (loinc == null || subject == null || !"Patient".equals(r.getSubject().getReferenceElement().getResourceType())) {
            return null; // refused with its reason by toLocalAll
        }
        String status = r.getStatus() == null ? "unknown" : r.getStatus().toCode();
        UUID id = localId(r.getIdElement().getIdPart());
        if (notTaken) {
            // Not a value: kept as "mesure non faite", never judged nor counted (docs/alerts.md, "Missing data").
            CodeableConcept reason = r.getDataAbsentReason();
            Coding coded = reason.getCoding().stream().filter(c -> DATA_ABSENT_REASON.equals(c.getSystem())).findFirst()
                    .orElse(reason.getCodingFirstRep());
            String code = coded.hasCode() ? coded.getCode() : "unknown";
            String written = reason.hasText() ? reason.getText() : coded.hasDisplay() ? coded.getDisplay() : code;
            return new fr.relais.core.measure.TextMeasure(id, localId(subject), MeasureCatalog.relaisCode(loinc), written,
                    effectiveOf(r, source), status, code);
        }
        return new fr.relais.core.measure.TextMeasure(id, localId(subject), MeasureCatalog.relaisCode(loinc),
                r.getValueStringType().getValue(), effectiveOf(r, source), status);
    }

    /** FHIR's code system for why a value is missing (asked-declined, not-performed...). */
    static final String DATA_ABSENT_REASON = "http://terminology.hl7.org/CodeSystem/data-absent-reason";

    /**
     * A panel that only groups other Observations ({@code hasMember}: a vital-signs panel 85353-1 pointing to a weight
     * and a saturation) and holds no value of its own: its members are Observations of their own, read as measures;
     * the panel is kept quietly (linked, never stored as a measure, never sent back).
     */
    public static boolean isContainer(Observation r) {
        return r.hasHasMember() && !r.hasValue() && !r.hasComponent();
    }

    /** Whether the Observation is a blood-pressure panel (LOINC 85354-9, or another code of one) whose values are in its components. */
    public static boolean isBloodPressurePanel(Observation r) {
        String loinc = loincOf(r.getCode());
        return loinc != null && BP_PANELS.contains(loinc) && r.hasComponent();
    }

    /** The local id of a panel's component other than the one carrying the panel's id: derived, the same on every laptop. */
    public static UUID panelPartId(UUID panel, String code) {
        return UUID.nameUUIDFromBytes((panel + "/" + code).getBytes(StandardCharsets.UTF_8));
    }

    private static Measure measure(Observation r, String source, UUID id, String loinc, Quantity q) {
        String subject = r.getSubject().getReferenceElement().getIdPart();
        if (subject == null || !"Patient".equals(r.getSubject().getReferenceElement().getResourceType())) {
            throw new BadInputException(source, "fhir.observation", new BadInputException.Reason("fhir.reason.noPatient"));
        }
        String unit = q.hasCode() ? q.getCode() : q.getUnit();
        MeasureValue value = MeasureValue.of(source, loinc, q.getValue().toPlainString(), unit);
        String original = stringExtension(r, "measure-original");
        String[] originalParts = original == null ? new String[] {q.getValue().toPlainString(), unit} : original.split(" ", 2);
        var sourceExt = r.getExtensionByUrl(RelaisFhir.extension("measure-source"));
        MeasureSource measureSource = sourceExt != null && sourceExt.getValue() instanceof Coding c
                ? MeasureSource.valueOf(c.getCode()) : MeasureSource.SYNCED;
        String recordedBy = stringExtension(r, "measure-recorded-by");
        // Cancelled (never a valid value) is kept as a measure marked wrong: shown, never judged. Preliminary, amended
        // and corrected are values to act on, read as final (docs/sync.md, "Observation status"); a preliminary one is
        // marked so, and shown "provisoire" until a final version comes.
        boolean cancelled = r.getStatus() == Observation.ObservationStatus.CANCELLED;
        boolean error = cancelled || r.getStatus() == Observation.ObservationStatus.ENTEREDINERROR;
        String errorReason = r.getNote().stream().map(Annotation::getText).filter(t -> t != null && t.startsWith(ERROR_NOTE))
                .map(t -> t.substring(ERROR_NOTE.length())).findFirst()
                .orElse(cancelled ? CANCELLED_REASON : error ? lastNote(r).orElse("entered in error on the server") : null);
        java.time.Instant effective = effectiveOf(r, source);
        java.time.Instant updated = r.getMeta().getLastUpdated() == null ? effective : r.getMeta().getLastUpdated().toInstant();
        return new Measure(id, localId(subject), loinc, value.value(), value.type().unit(), originalParts[0],
                originalParts.length > 1 ? originalParts[1] : unit, effective, measureSource,
                recordedBy == null ? "server" : recordedBy, value.unusual(),
                error ? MeasureStatus.ENTERED_IN_ERROR : MeasureStatus.FINAL, error ? errorReason : null, updated, updated,
                r.getStatus() == Observation.ObservationStatus.PRELIMINARY);
    }

    /**
     * The reason of an Observation marked wrong without Relais's prefix (another system's, or one marked here and sent
     * back in plain words): its last note, the one added with the status.
     */
    private static java.util.Optional<String> lastNote(Observation r) {
        return r.getNote().stream().map(Annotation::getText).filter(t -> t != null && !t.isBlank()).reduce((first, second) -> second);
    }

    /**
     * When the measure was taken: {@code effectiveDateTime} or {@code effectiveInstant} as written; for a period, its
     * end, else its start. The value of a measure taken over a period (an averaged weight, a 24-hour blood pressure)
     * is only known once the period is over: dating it at the end keeps the 3-day rise and the missing-data rule from
     * judging a value before it existed; a period still open has only its start.
     */
    static java.time.Instant effectiveOf(Observation r, String source) {
        if (r.hasEffectiveDateTimeType() && r.getEffectiveDateTimeType().getValue() != null) {
            return r.getEffectiveDateTimeType().getValue().toInstant();
        }
        if (r.hasEffectiveInstantType() && r.getEffectiveInstantType().getValue() != null) {
            return r.getEffectiveInstantType().getValue().toInstant();
        }
        if (r.hasEffectivePeriod()) {
            org.hl7.fhir.r4.model.Period period = r.getEffectivePeriod();
            if (period.getEnd() != null) {
                return period.getEnd().toInstant();
            }
            if (period.getStart() != null) {
                return period.getStart().toInstant();
            }
        }
        throw new BadInputException(source, "fhir.observation", new BadInputException.Reason("fhir.reason.noEffective"));
    }

    private static String loincOf(CodeableConcept code) {
        return code.getCoding().stream().filter(c -> RelaisFhir.LOINC.equals(c.getSystem())).map(Coding::getCode).findFirst().orElse(null);
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
