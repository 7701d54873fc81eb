package fr.relais.core.alert;

import fr.relais.core.measure.Reading;
import fr.relais.core.pathway.Enrollment;
import fr.relais.core.rule.AlertRule;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Judges readings of a series against an enrollment's value rules in force when each was taken, and raises what they
 * find: the common step of incremental evaluation, the evaluation of a new enrollment and the full re-run. No alert
 * storms: one open alert per enrollment, rule and direction ({@link Crossing}), to which new triggering values attach.
 */
public final class ValueJudgement {
    private final AlertRepository alerts;
    private final AlertChanges changes;
    private final Clock clock;

    public ValueJudgement(AlertRepository alerts, AlertChanges changes, Clock clock) {
        this.alerts = alerts;
        this.changes = changes;
        this.clock = clock;
    }

    /** Every reading of one series (one patient, one code) against each of the patient's enrollments with a rule on it. */
    void series(List<Enrollment> patientEnrollments, Map<UUID, RuleBook> books, List<Reading> series, Raised raised) {
        if (series.isEmpty()) {
            return;
        }
        for (Enrollment enrollment : patientEnrollments) {
            RuleBook book = books.get(enrollment.id());
            String code = series.get(0).code();
            if (book.defaults().stream().noneMatch(r -> r.code().equals(code))) {
                continue;
            }
            for (int i = 0; i < series.size(); i++) {
                at(enrollment, book, series, i, raised);
            }
        }
    }

    /** The enrollment's value rules in force when the reading at {@code index} was taken. */
    void at(Enrollment enrollment, RuleBook book, List<Reading> series, int index, Raised raised) {
        Reading reading = series.get(index);
        if (reading.at().isBefore(book.start())) {
            return;
        }
        for (AlertRule rule : book.valueRulesAt(reading.code(), reading.at())) {
            Optional<Finding> finding = RuleEvaluation.evaluate(rule, series, index);
            if (finding.isPresent() && !raised.seen(reading.id(), enrollment.id(), rule.id())) {
                raise(enrollment, finding.get(), reading);
                raised.mark(reading.id(), enrollment.id(), rule.id());
            }
        }
    }

    private void raise(Enrollment enrollment, Finding finding, Reading reading) {
        Instant now = clock.instant();
        Optional<Alert> open = alerts.openFor(enrollment.id(), finding.rule().id(), Crossing.directionOf(finding.explanation()));
        Alert alert = open.isEmpty()
                ? changes.open(enrollment, finding.rule(), finding.level(), finding.explanation(), reading.id().toString(), now)
                : changes.joined(open.get(), finding.level(), finding.explanation(), now);
        alerts.attach(alert.id(), reading.id(), finding.level());
    }

    /** Codes with a value rule in force at some time (defaults or overrides; overrides never change a rule's code). */
    static void valueCodes(RuleBook book, Set<String> codes) {
        book.defaults().stream().filter(r -> !(r instanceof AlertRule.Missing)).forEach(r -> codes.add(r.code()));
    }

    /** Asks the store whether a value was raised: a few look-ups per new measure. */
    Raised stored() {
        return new Raised() {
            @Override
            boolean seen(UUID measureId, UUID enrollmentId, String ruleId) {
                return alerts.alreadyRaised(measureId, enrollmentId, ruleId);
            }
        };
    }

    /** Every key read once up front, so that the millions of measures of a full re-run cost no look-up each. */
    Raised inMemory() {
        Set<String> keys = alerts.raisedKeys();
        return new Raised() {
            @Override
            boolean seen(UUID measureId, UUID enrollmentId, String ruleId) {
                return keys.contains(AlertRepository.raisedKey(measureId.toString(), enrollmentId.toString(), ruleId));
            }

            @Override
            void mark(UUID measureId, UUID enrollmentId, String ruleId) {
                keys.add(AlertRepository.raisedKey(measureId.toString(), enrollmentId.toString(), ruleId));
                super.mark(measureId, enrollmentId, ruleId);
            }
        };
    }

    /** Whether a measure is already behind an alert of an enrollment's rule: seen values are never raised twice. */
    abstract static class Raised {
        private int added;

        abstract boolean seen(UUID measureId, UUID enrollmentId, String ruleId);

        /** Counts a value that raised or joined an alert (in the store, the attach row written by the raise is the mark). */
        void mark(UUID measureId, UUID enrollmentId, String ruleId) {
            added++;
        }

        int added() {
            return added;
        }
    }
}
