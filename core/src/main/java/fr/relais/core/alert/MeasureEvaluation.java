package fr.relais.core.alert;

import fr.relais.core.measure.Measure;
import fr.relais.core.measure.MeasureListener;
import fr.relais.core.measure.MeasureRepository;
import fr.relais.core.measure.Reading;
import fr.relais.core.pathway.Enrollment;
import fr.relais.core.pathway.EnrollmentRepository;
import fr.relais.core.pathway.EnrollmentStatus;
import fr.relais.core.rule.AlertLevel;
import fr.relais.core.rule.AlertRule;
import fr.relais.core.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Incremental evaluation. Each recorded measure is checked, in its own transaction, against the rules in force for the
 * patient's active pathways (the pathway's, or a physician's override); a measure entered in error takes back what it
 * caused; a new enrollment has the measures already on file judged at once.
 */
public final class MeasureEvaluation implements MeasureListener {
    private final Database database;
    private final AlertRepository alerts;
    private final MeasureRepository measures;
    private final EnrollmentRepository enrollments;
    private final ThresholdService thresholds;
    private final ValueJudgement judgement;
    private final MissingDataWatch missing;
    private final AlertChanges changes;
    private final Rejudgement rejudgement;
    private final ReferenceReadingCancelled referenceCancelled;
    private final Clock clock;

    public MeasureEvaluation(Database database, AlertRepository alerts, MeasureRepository measures, EnrollmentRepository enrollments,
                             ThresholdService thresholds, ValueJudgement judgement, MissingDataWatch missing, AlertChanges changes,
                             Clock clock) {
        this.database = database;
        this.alerts = alerts;
        this.measures = measures;
        this.enrollments = enrollments;
        this.thresholds = thresholds;
        this.judgement = judgement;
        this.missing = missing;
        this.changes = changes;
        this.rejudgement = new Rejudgement(alerts, measures, thresholds);
        this.referenceCancelled = new ReferenceReadingCancelled(alerts, enrollments, rejudgement);
        this.clock = clock;
    }

    /** The new measure (and any later one, when it arrives late) against what came before. */
    @Override
    public void recorded(Measure measure) {
        ValueJudgement.Raised raised = judgement.stored();
        for (Enrollment enrollment : activeEnrollments(measure.patientId())) {
            RuleBook book = thresholds.rules(enrollment);
            List<AlertRule> rules = book.valueRulesAt(measure.code(), measure.effectiveAt());
            missing.received(enrollment, book, measure.code());
            if (rules.isEmpty()) {
                continue;
            }
            List<Reading> series = measures.validSeries(measure.patientId(), measure.code(), seriesStart(measure, rules));
            int from = 0;
            while (from < series.size() && series.get(from).at().isBefore(measure.effectiveAt())) {
                from++;
            }
            judgeFrom(enrollment, book, series, from, raised);
        }
    }

    /**
     * The bulk path's measures (stored in one transaction, each patient's in time order): judged patient by patient as
     * if {@link #recorded} had been called for each in storage order, with one read of each (patient, code) series per
     * enrollment instead of one per measure. The series is read once from the start the earliest new measure needs;
     * then the new readings join it one by one, in storage order, and each time the readings from the new one's time
     * on are judged, exactly as {@link #recorded} judges them: a value is judged by what came before it, and a value
     * stored earlier but taken later is judged again as a new earlier one joins (then it only raises what it had not).
     */
    @Override
    public void recordedAll(List<Measure> batch) {
        ValueJudgement.Raised raised = judgement.stored();
        Map<UUID, Map<String, List<Measure>>> byPatient = new LinkedHashMap<>();
        for (Measure m : batch) {
            byPatient.computeIfAbsent(m.patientId(), p -> new LinkedHashMap<>()).computeIfAbsent(m.code(), c -> new ArrayList<>()).add(m);
        }
        for (Map.Entry<UUID, Map<String, List<Measure>>> patient : byPatient.entrySet()) {
            for (Enrollment enrollment : activeEnrollments(patient.getKey())) {
                RuleBook book = thresholds.rules(enrollment);
                for (List<Measure> arrivals : patient.getValue().values()) {
                    missing.received(enrollment, book, arrivals.get(0).code());
                    judgeArrivals(enrollment, book, arrivals, raised);
                }
            }
        }
    }

    /** One enrollment's judgement of new measures of one patient and code (see {@link #recordedAll}). */
    private void judgeArrivals(Enrollment enrollment, RuleBook book, List<Measure> arrivals, ValueJudgement.Raised raised) {
        // The earliest start any of them needs: the earliest baseline, and enough readings before the earliest for a trend.
        Measure first = null;
        Instant window = null;
        int count = 0;
        for (Measure m : arrivals) {
            List<AlertRule> rules = book.valueRulesAt(m.code(), m.effectiveAt());
            if (rules.isEmpty()) {
                continue;
            }
            Instant start = RuleEvaluation.windowStart(rules, m.effectiveAt());
            window = window == null || start.isBefore(window) ? start : window;
            count = Math.max(count, RuleEvaluation.lookbackCount(rules));
            first = first == null || m.effectiveAt().isBefore(first.effectiveAt()) ? m : first;
        }
        if (first == null) {
            return; // no value rule in force at any of their times: recorded() would judge none of them
        }
        Instant from = seriesStart(first, window, count);
        Map<UUID, Measure> fresh = new HashMap<>();
        arrivals.forEach(m -> fresh.put(m.id(), m));
        Map<UUID, Reading> waiting = new HashMap<>();
        List<Reading> visible = new ArrayList<>();
        for (Reading r : measures.validSeries(first.patientId(), first.code(), from)) {
            if (fresh.containsKey(r.id())) {
                waiting.put(r.id(), r);
            } else {
                visible.add(r);
            }
        }
        for (Measure m : arrivals) {
            Reading reading = waiting.get(m.id());
            if (reading == null) {
                continue;
            }
            // After every reading taken at the same time or before: stored later, it comes later in the series (rowid).
            int index = visible.size();
            while (index > 0 && visible.get(index - 1).at().isAfter(reading.at())) {
                index--;
            }
            visible.add(index, reading);
            if (!book.valueRulesAt(m.code(), m.effectiveAt()).isEmpty()) {
                // from the first reading taken at its time: those before it cannot change (only earlier ones count)
                int start = index;
                while (start > 0 && !visible.get(start - 1).at().isBefore(reading.at())) {
                    start--;
                }
                judgeFrom(enrollment, book, visible, start, raised);
            }
        }
    }

    /**
     * How far back the series must be read to judge a measure taken at its time by these rules: the earliest baseline
     * start, or earlier when a trend needs more readings than the window holds.
     */
    private Instant seriesStart(Measure measure, List<AlertRule> rules) {
        return seriesStart(measure, RuleEvaluation.windowStart(rules, measure.effectiveAt()), RuleEvaluation.lookbackCount(rules));
    }

    /** {@code window}, or the time of the {@code count}-th valid reading before the measure when that is earlier. */
    private Instant seriesStart(Measure measure, Instant window, int count) {
        if (count > 0) {
            Optional<Instant> earliest = measures.nthValidBefore(measure.patientId(), measure.code(), measure.effectiveAt(), count);
            if (earliest.isPresent() && earliest.get().isBefore(window)) {
                return earliest.get();
            }
        }
        return window;
    }

    /** Judges the readings of the series from {@code from} on (each by what comes before it). */
    private void judgeFrom(Enrollment enrollment, RuleBook book, List<Reading> series, int from, ValueJudgement.Raised raised) {
        for (int i = from; i < series.size(); i++) {
            judgement.at(enrollment, book, series, i, raised);
        }
    }

    /**
     * Withdraws what a wrong measure caused: an alert left with no measure behind it is withdrawn, others re-levelled
     * and re-explained by the measures left (the wrong value is never shown again). Then the relative alerts that rose
     * from it (their reference reading) are judged again without it.
     */
    @Override
    public void enteredInError(Measure measure) {
        for (UUID alertId : alerts.alertsOfMeasure(measure.id())) {
            alerts.detach(alertId, measure.id());
            changes.withdrawOrRelevel(alertId, alerts.remainingLevels(alertId), AlertChanges.WITHDRAWN_IN_ERROR, this::shownLeft);
        }
        for (Rejudgement.Outcome outcome : referenceCancelled.after(measure)) {
            rejudged(outcome);
        }
    }

    /**
     * Judges the valid measures already stored for one enrollment (a patient enrolled with weights on file), as
     * {@link FullReevaluation#evaluateAll()} does for every enrollment: each value since the enrollment's start by what
     * came before it, never raising a measure already behind an alert of a rule. Reads on the caller's connection, so it
     * runs inside the transaction that starts the enrollment. Returns how many values raised or joined an alert.
     */
    public int evaluateEnrollment(Enrollment enrollment) {
        return database.inTransaction(() -> {
            RuleBook book = thresholds.rules(enrollment);
            Set<String> codes = new TreeSet<>();
            ValueJudgement.valueCodes(book, codes);
            ValueJudgement.Raised raised = judgement.stored();
            for (String code : codes) {
                judgement.series(List.of(enrollment), Map.of(enrollment.id(), book),
                        measures.validSeries(enrollment.patientId(), code, Instant.EPOCH), raised);
            }
            return raised.added();
        });
    }

    /**
     * Applies the re-judgement of an alert whose reference reading was cancelled: withdrawn when nothing behind it
     * rises any more; otherwise re-explained by the worst remaining rise, at the highest remaining level (possibly
     * lower), the measures no longer rising detached so that a later re-levelling or re-run does not count them.
     */
    private void rejudged(Rejudgement.Outcome outcome) {
        Alert alert = alerts.find(outcome.alertId()).orElseThrow();
        if (!alert.status().isOpen()) {
            return;
        }
        Instant now = clock.instant();
        if (outcome.finding().isEmpty()) {
            changes.change(alert, AlertStatus.WITHDRAWN, alert.level(), AlertChanges.ENGINE, ReferenceReadingCancelled.REASON, now);
            return;
        }
        outcome.noLongerRising().forEach(id -> alerts.detach(alert.id(), id));
        Finding finding = outcome.finding().get();
        String reason = ReferenceReadingCancelled.historyEntry(finding);
        Alert reexplained = alert.explainedBy(Rejudgement.keepingNotice(finding, alert.explanation()));
        if (finding.level() != alert.level()) {
            changes.change(reexplained, alert.status(), finding.level(), AlertChanges.ENGINE, reason, now);
        } else {
            alerts.update(reexplained);
            alerts.insertEvent(alert.id(), now, AlertChanges.ENGINE, alert.status(), alert.status(), alert.level(), reason);
        }
    }

    /**
     * What an alert shows once a measure behind it was entered in error: the worst value left at its (new) level, judged
     * again, its after-hours notice kept. Never the wrong value, nor a value worded against another level's bound.
     */
    private Optional<String> shownLeft(Alert alert, AlertLevel level) {
        if (alert.enrollmentId() == null) {
            return Optional.empty();
        }
        return enrollments.find(alert.enrollmentId()).flatMap(e -> rejudgement.of(alert, e).worstAt(level))
                .map(f -> Rejudgement.keepingNotice(f, alert.explanation()));
    }

    private List<Enrollment> activeEnrollments(UUID patientId) {
        return enrollments.ofPatient(patientId).stream().filter(e -> e.status() == EnrollmentStatus.ACTIVE).toList();
    }
}
