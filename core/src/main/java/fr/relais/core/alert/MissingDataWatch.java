package fr.relais.core.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.relais.core.measure.MeasureRepository;
import fr.relais.core.pathway.Enrollment;
import fr.relais.core.pathway.EnrollmentRepository;
import fr.relais.core.pathway.TemplateRepository;
import fr.relais.core.rule.AlertRule;
import fr.relais.core.store.Database;
import fr.relais.core.time.CareZone;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Missing-data rules: an alert where a rule's measure has not come for longer than the rule in force allows, resolved
 * when the measure arrives. Run with the start of the day, by the {@link AlertWatch} and after a full re-run.
 */
public final class MissingDataWatch {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database database;
    private final AlertRepository alerts;
    private final MeasureRepository measures;
    private final EnrollmentRepository enrollments;
    private final TemplateRepository templates;
    private final ThresholdService thresholds;
    private final TelemonitoringConsent telemonitoring;
    private final AlertChanges changes;
    private final HospitalPause hospital;
    private final Clock clock;

    public MissingDataWatch(Database database, AlertRepository alerts, MeasureRepository measures, EnrollmentRepository enrollments,
                            TemplateRepository templates, ThresholdService thresholds, TelemonitoringConsent telemonitoring,
                            AlertChanges changes, HospitalPause hospital, Clock clock) {
        this.database = database;
        this.alerts = alerts;
        this.measures = measures;
        this.enrollments = enrollments;
        this.templates = templates;
        this.thresholds = thresholds;
        this.telemonitoring = telemonitoring;
        this.changes = changes;
        this.hospital = hospital;
        this.clock = clock;
    }

    /**
     * Raises a missing-data alert where a rule's measure has not come for longer than the rule in force allows. Each
     * window without data ({@link MissingWindow}) is its own episode: an alert resolved by a human comes back with the
     * next window if data are still missing, and a window already handled is not raised again. On a telemonitoring
     * pathway no data are expected while the patient's telemonitoring consent is withdrawn: no missing-data alert is
     * raised, an open one is withdrawn, and once the consent is given again the gap counts from then. The same holds
     * while the patient is in hospital, on a pathway whose template pauses missing data during a stay: counted again
     * from the discharge.
     */
    public int evaluateMissing() {
        return database.inTransaction(() -> {
            Instant now = clock.instant();
            int raised = 0;
            // Read once for all enrollments (the start of the day runs this over thousands of them).
            Map<UUID, List<ThresholdOverride>> overrides = thresholds.allOverridesByPatient();
            Set<String> open = alerts.openRuleKeys();
            Map<String, Boolean> telemonitored = new HashMap<>();
            Map<String, Boolean> pausedInHospital = new HashMap<>();
            for (Enrollment enrollment : enrollments.active()) {
                boolean consentMatters = telemonitored.computeIfAbsent(enrollment.templateId() + "/" + enrollment.templateVersion(),
                        k -> templates.find(enrollment.templateId(), enrollment.templateVersion())
                                .map(t -> t.template().telemonitoring()).orElse(false));
                Instant start = enrollment.startDate().atStartOfDay(CareZone.PARIS).toInstant();
                boolean hospitalMatters = pausedInHospital.computeIfAbsent(enrollment.templateId() + "/" + enrollment.templateVersion(),
                        k -> templates.find(enrollment.templateId(), enrollment.templateVersion())
                                .map(t -> t.template().hospitalEvents().pauseMissingData()).orElse(false));
                if (hospitalMatters) {
                    if (hospital.inHospital(enrollment.patientId())) {
                        withdrawMissing(enrollment, now, "patient in hospital");
                        continue;
                    }
                    Optional<Instant> discharged = hospital.lastDischarge(enrollment.patientId());
                    if (discharged.isPresent() && discharged.get().isAfter(start)) {
                        start = discharged.get();
                    }
                }
                if (consentMatters) {
                    if (telemonitoring.withdrawn(enrollment.patientId())) {
                        withdrawMissing(enrollment, now, "telemonitoring consent withdrawn");
                        continue;
                    }
                    Optional<Instant> given = telemonitoring.givenAt(enrollment.patientId());
                    if (given.isPresent() && given.get().isAfter(start)) {
                        start = given.get();
                    }
                }
                Instant from = start;
                for (AlertRule rule : thresholds.rules(enrollment, overrides.getOrDefault(enrollment.patientId(), List.of())).at(now)) {
                    if (!(rule instanceof AlertRule.Missing missing) || open.contains(enrollment.id() + "/" + rule.id())) {
                        continue;
                    }
                    Instant since = measures.lastValidAt(enrollment.patientId(), rule.code()).filter(t -> t.isAfter(from))
                            .orElse(from);
                    Optional<MissingWindow> window = MissingWindow.at(since, missing.after(), now);
                    if (window.isPresent()) {
                        MissingWindow w = window.get();
                        String explanation = JSON.createObjectNode().put("rule", rule.id()).put("code", rule.code())
                                .put("lastMeasureOrStart", since.toString()).put("allowedGap", missing.after().toString())
                                .put("window", w.number()).put("dueAt", w.due().toString())
                                .put("mandatory", missing.mandatory()).toString();
                        if (changes.open(enrollment, rule, missing.level(), explanation, w.trigger(), now).status().isOpen()) {
                            raised++;
                        }
                    }
                }
            }
            return raised;
        });
    }

    /** A measure of {@code code} arrived for the enrollment: its open missing-data alerts on that code are resolved. */
    void received(Enrollment enrollment, RuleBook book, String code) {
        for (AlertRule rule : book.at(clock.instant())) {
            if (rule instanceof AlertRule.Missing && rule.code().equals(code)) {
                alerts.openFor(enrollment.id(), rule.id(), null).ifPresent(alert -> changes.change(alert, AlertStatus.RESOLVED,
                        alert.level(), AlertChanges.ENGINE, "data received", clock.instant()));
            }
        }
    }

    /** The open missing-data alerts of an enrollment whose patient sends nothing for now ({@code why}): nothing is awaited. */
    private void withdrawMissing(Enrollment enrollment, Instant now, String why) {
        for (Alert alert : alerts.list(true, enrollment.patientId())) {
            if (enrollment.id().equals(alert.enrollmentId()) && "MISSING".equals(alert.kind())) {
                changes.change(alert, AlertStatus.WITHDRAWN, alert.level(), AlertChanges.ENGINE, why, now);
            }
        }
    }
}
