package fr.relais.core.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.relais.core.audit.AuditLog;
import fr.relais.core.careteam.CareRole;
import fr.relais.core.careteam.CareTeamService;
import fr.relais.core.error.BadInputException;
import fr.relais.core.error.NotFoundException;
import fr.relais.core.measure.Measure;
import fr.relais.core.measure.MeasureListener;
import fr.relais.core.measure.MeasureRepository;
import fr.relais.core.measure.Reading;
import fr.relais.core.pathway.Enrollment;
import fr.relais.core.pathway.EnrollmentRepository;
import fr.relais.core.pathway.EnrollmentStatus;
import fr.relais.core.pathway.PathwayTemplate;
import fr.relais.core.pathway.TemplateRepository;
import fr.relais.core.replication.RecordKind;
import fr.relais.core.rule.AlertLevel;
import fr.relais.core.rule.AlertRule;
import fr.relais.core.session.Permission;
import fr.relais.core.session.UserSession;
import fr.relais.core.store.Database;
import fr.relais.core.task.TaskRepository;
import fr.relais.core.time.CareZone;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The alert engine. Each recorded measure is checked, in its own transaction, against the rules in force for the
 * patient's active pathways (the pathway's, or a physician's override); each significant questionnaire answer raises
 * a patient-level alert. No alert storms: one open alert per patient, pathway, rule and direction ({@link Crossing}),
 * to which new triggering values attach; a red value raises a yellow alert to red, a worse one re-explains it
 * ({@link WorseValue}). Missing-data rules are checked by {@link #evaluateMissing()}.
 * A human acknowledges, resolves or dismisses, always with a reason.
 */
public final class AlertService implements MeasureListener {
    static final String ENGINE = fr.relais.core.session.Actor.ENGINE;
    /** The outbox kind of an alert: only a person's decision travels; each workstation raises its own alerts. */
    public static final String RECORD = RecordKind.ALERT;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int READ_AHEAD = 16;
    /** Reader threads of a full re-run: two keep two cores busy (the pool has four connections). */
    private static final int READERS = 2;

    private final Database database;
    private final AlertRepository alerts;
    private final MeasureRepository measures;
    private final EnrollmentRepository enrollments;
    private final TemplateRepository templates;
    private final ThresholdService thresholds;
    private final AuditLog audit;
    private final UserSession session;
    private final Clock clock;
    private final AlertTasks work;
    private final fr.relais.core.replication.Outbox outbox;
    private final TelemonitoringConsent telemonitoring;
    private final WorseValue worse;
    private final AfterHoursNotice notice;
    private final ReferenceReadingCancelled referenceCancelled;

    public AlertService(Database database, AlertRepository alerts, MeasureRepository measures, EnrollmentRepository enrollments,
                        TemplateRepository templates, ThresholdService thresholds, TaskRepository tasks,
                        CareTeamService careTeam, AuditLog audit, UserSession session, Clock clock,
                        fr.relais.core.replication.Outbox outbox, TelemonitoringConsent telemonitoring,
                        ReadingHours readingHours) {
        this.database = database;
        this.alerts = alerts;
        this.measures = measures;
        this.enrollments = enrollments;
        this.templates = templates;
        this.thresholds = thresholds;
        this.audit = audit;
        this.session = session;
        this.clock = clock;
        ReviewDeadline deadline = new ReviewDeadline(readingHours);
        this.notice = new AfterHoursNotice(deadline);
        this.work = new AlertTasks(tasks, careTeam, deadline, notice);
        this.worse = new WorseValue(alerts);
        this.referenceCancelled = new ReferenceReadingCancelled(alerts, measures, enrollments, thresholds);
        this.outbox = outbox;
        this.telemonitoring = telemonitoring;
    }

    /** Incremental evaluation: the new measure (and any later one, when it arrives late) against what came before. */
    @Override
    public void recorded(Measure measure) {
        Raised raised = new StoredRaised();
        for (Enrollment enrollment : activeEnrollments(measure.patientId())) {
            RuleBook book = thresholds.rules(enrollment);
            List<AlertRule> rules = book.valueRulesAt(measure.code(), measure.effectiveAt());
            for (AlertRule rule : book.at(clock.instant())) {
                if (rule instanceof AlertRule.Missing && rule.code().equals(measure.code())) {
                    closeMissing(enrollment, rule);
                }
            }
            if (rules.isEmpty()) {
                continue;
            }
            Instant from = RuleEvaluation.windowStart(rules, measure.effectiveAt());
            int count = RuleEvaluation.lookbackCount(rules);
            if (count > 0) {
                Optional<Instant> earliest = measures.nthValidBefore(measure.patientId(), measure.code(), measure.effectiveAt(), count);
                if (earliest.isPresent() && earliest.get().isBefore(from)) {
                    from = earliest.get();
                }
            }
            List<Reading> series = measures.validSeries(measure.patientId(), measure.code(), from);
            for (int i = 0; i < series.size(); i++) {
                if (!series.get(i).at().isBefore(measure.effectiveAt())) {
                    evaluateAt(enrollment, book, series, i, raised);
                }
            }
        }
    }

    /**
     * Withdraws what a wrong measure caused: an alert left with no measure behind it is withdrawn, others re-levelled.
     * Then the relative alerts that rose from it (their reference reading) are judged again without it.
     */
    @Override
    public void enteredInError(Measure measure) {
        for (UUID alertId : alerts.alertsOfMeasure(measure.id())) {
            alerts.detach(alertId, measure.id());
            withdrawOrRelevel(alertId, alerts.remainingLevels(alertId), "measure entered in error");
        }
        for (ReferenceReadingCancelled.Outcome outcome : referenceCancelled.after(measure)) {
            rejudged(outcome);
        }
    }

    /**
     * Applies the re-judgement of an alert whose reference reading was cancelled: withdrawn when nothing behind it
     * rises any more; otherwise re-explained by the worst remaining rise, at the highest remaining level (possibly
     * lower), the measures no longer rising detached so that a later re-levelling or re-run does not count them.
     */
    private void rejudged(ReferenceReadingCancelled.Outcome outcome) {
        Alert alert = alerts.find(outcome.alertId()).orElseThrow();
        if (!alert.status().isOpen()) {
            return;
        }
        Instant now = clock.instant();
        if (outcome.finding().isEmpty()) {
            change(alert, AlertStatus.WITHDRAWN, alert.level(), ENGINE, ReferenceReadingCancelled.REASON, now);
            return;
        }
        outcome.noLongerRising().forEach(id -> alerts.detach(alert.id(), id));
        Finding finding = outcome.finding().get();
        String reason = ReferenceReadingCancelled.historyEntry(finding);
        Alert reexplained = alert.explainedBy(ReferenceReadingCancelled.keepingNotice(finding, alert.explanation()));
        if (finding.level() != alert.level()) {
            change(reexplained, alert.status(), finding.level(), ENGINE, reason, now);
        } else {
            alerts.update(reexplained);
            alerts.insertEvent(alert.id(), now, ENGINE, alert.status(), alert.status(), alert.level(), reason);
        }
    }

    /** Withdraws what a wrong questionnaire response caused, as {@link #enteredInError(Measure)} does for a measure. */
    public void responseEnteredInError(UUID responseId) {
        for (UUID alertId : alerts.alertsOfResponse(responseId)) {
            alerts.detachResponse(alertId, responseId);
            withdrawOrRelevel(alertId, alerts.remainingResponseLevels(alertId), "response entered in error");
        }
    }

    /** An open alert with nothing left behind it is withdrawn; otherwise it takes the highest level still behind it. */
    private void withdrawOrRelevel(UUID alertId, List<AlertLevel> remaining, String reason) {
        Alert alert = alerts.find(alertId).orElseThrow();
        if (!alert.status().isOpen()) {
            return;
        }
        Instant now = clock.instant();
        if (remaining.isEmpty()) {
            change(alert, AlertStatus.WITHDRAWN, alert.level(), ENGINE, reason, now);
            return;
        }
        AlertLevel level = remaining.stream().max(Comparator.naturalOrder()).orElseThrow();
        if (level != alert.level()) {
            change(alert, alert.status(), level, ENGINE, reason, now);
        }
    }

    /**
     * Significant answers of one questionnaire response: each opens (or attaches to) the patient-level alert of its
     * questionnaire item, whatever the patient's pathways, called in the response's transaction.
     */
    public void answered(List<AnswerFinding> findings) {
        Instant now = clock.instant();
        for (AnswerFinding f : findings) {
            String ruleId = "answer:" + f.questionnaireId() + ":" + f.item();
            String explanation = JSON.createObjectNode().put("rule", ruleId).put("questionnaire", f.questionnaireId())
                    .put("item", f.item()).put("answer", f.answer()).put("threshold", f.min()).put("reason", f.reasonFr())
                    .put("reasonEn", f.reasonEn()).put("response", f.responseId().toString()).toString();
            raiseForResponse(f.patientId(), f.responseId(), ruleId, f.questionnaireId(), "ANSWER", f.level(), explanation, now);
        }
    }

    /**
     * A questionnaire score in a published severity band opens (or attaches to) the patient-level alert of the
     * questionnaire's score rule, whatever the patient's pathways (kind ABSOLUTE, rule "score:PHQ-9"), judged by the
     * physician's override for the patient if any. Called in the response's transaction. A pathway with its own rule on
     * the score's code (which judges the score measure) takes over from the questionnaire's rule while it is active.
     */
    public void scored(ScoreFinding f) {
        if (f.scoreCode() != null && thresholds.pathwayRuleOn(f.patientId(), f.scoreCode(), f.authoredAt())) {
            return;
        }
        AlertRule rule = thresholds.patientRuleAt(f.patientId(), f.rule(), f.authoredAt());
        if (!(rule instanceof AlertRule.Absolute bands)) {
            return;
        }
        Optional<Crossing> crossing = Crossing.of(bands, f.score());
        if (crossing.isEmpty()) {
            return;
        }
        String explanation = crossing.get().explain(JSON.createObjectNode().put("rule", rule.id()).put("questionnaire", f.questionnaireId())
                .put("score", f.score().toPlainString()).put("band", f.band()), bands)
                .put("response", f.responseId().toString()).toString();
        // Kind ABSOLUTE like any absolute rule's alert: what makes it the patient's is its null enrollment.
        raiseForResponse(f.patientId(), f.responseId(), rule.id(), f.questionnaireId(), "ABSOLUTE", crossing.get().level(), explanation,
                clock.instant());
    }

    /** Opens the patient-level alert of a rule for one response, or attaches the response to the one open (raising it). */
    private void raiseForResponse(UUID patientId, UUID responseId, String ruleId, String code, String kind, AlertLevel level,
                                  String explanation, Instant now) {
        Optional<Alert> open = alerts.openForPatient(patientId, ruleId, Crossing.directionOf(explanation));
        Alert alert;
        if (open.isEmpty()) {
            UUID id = Alert.episodeId(patientId, ruleId, responseId.toString());
            Optional<Alert> decided = alerts.find(id);
            if (decided.isPresent()) {
                // Already raised and closed on another workstation (received by sync): handled stays handled.
                alerts.attachResponse(id, responseId, level);
                return;
            }
            alert = new Alert(id, patientId, null, ruleId, code, kind, level, AlertStatus.OPEN, explanation, now, now, ENGINE, null, 0, null);
            insert(alert, null, now);
        } else {
            alert = open.get();
            if (level.compareTo(alert.level()) > 0) {
                alert = change(alert.explainedBy(notice.annotate(explanation, level, now)), alert.status(), level, ENGINE,
                        "level raised", now);
            } else {
                alert = worse.shownWorst(alert, explanation, now);
            }
        }
        alerts.attachResponse(alert.id(), responseId, level);
    }

    /**
     * Raises a missing-data alert where a rule's measure has not come for longer than the rule in force allows. Each
     * window without data ({@link MissingWindow}) is its own episode: an alert resolved by a human comes back with the
     * next window if data are still missing, and a window already handled is not raised again. On a telemonitoring
     * pathway no data are expected while the patient's telemonitoring consent is withdrawn: no missing-data alert is
     * raised, an open one is withdrawn, and once the consent is given again the gap counts from then.
     */
    public int evaluateMissing() {
        return database.inTransaction(() -> {
            Instant now = clock.instant();
            int raised = 0;
            // Read once for all enrollments (the start of the day runs this over thousands of them).
            Map<UUID, List<ThresholdOverride>> overrides = thresholds.allOverridesByPatient();
            Set<String> open = alerts.openRuleKeys();
            Map<String, Boolean> telemonitored = new HashMap<>();
            for (Enrollment enrollment : enrollments.active()) {
                boolean consentMatters = telemonitored.computeIfAbsent(enrollment.templateId() + "/" + enrollment.templateVersion(),
                        k -> templates.find(enrollment.templateId(), enrollment.templateVersion())
                                .map(t -> t.template().telemonitoring()).orElse(false));
                Instant start = enrollment.startDate().atStartOfDay(CareZone.PARIS).toInstant();
                if (consentMatters) {
                    if (telemonitoring.withdrawn(enrollment.patientId())) {
                        withdrawMissing(enrollment, now);
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
                        if (open(enrollment, rule, missing.level(), explanation, w.trigger(), now).status().isOpen()) {
                            raised++;
                        }
                    }
                }
            }
            return raised;
        });
    }

    /**
     * Re-runs every value rule over every valid measure, each judged by what came before it and the thresholds in force
     * when it was taken: the same alerts as incremental evaluation. A measure already behind an alert of a rule is not
     * raised again, so alerts a human handled stay handled. Reads each series (patient, code with a rule) once, on
     * reader connections that see committed measures only: call it on its own, not inside a caller's transaction.
     */
    public int evaluateAll() {
        return database.inTransaction(() -> {
            Map<UUID, List<Enrollment>> active = new HashMap<>();
            enrollments.active().forEach(e -> active.computeIfAbsent(e.patientId(), k -> new ArrayList<>()).add(e));
            Map<UUID, List<ThresholdOverride>> overrides = thresholds.allOverridesByPatient();
            Map<UUID, RuleBook> books = new HashMap<>();
            active.values().forEach(list -> list.forEach(e -> books.put(e.id(),
                    thresholds.rules(e, overrides.getOrDefault(e.patientId(), List.of())))));
            MemoryRaised raised = new MemoryRaised(alerts.raisedKeys());
            List<Map.Entry<UUID, String>> series = new ArrayList<>();
            for (Map.Entry<UUID, List<Enrollment>> patient : active.entrySet()) {
                Set<String> codes = new java.util.TreeSet<>();
                patient.getValue().forEach(e -> valueCodes(books.get(e.id()), codes));
                codes.forEach(code -> series.add(Map.entry(patient.getKey(), code)));
            }
            // SQLite reading (through JNI) is most of the cost: other connections read the next series while this
            // thread evaluates and writes. Outside this transaction it sees the committed measures, which are the
            // ones to judge (evaluation writes alerts, never measures).
            java.util.concurrent.ExecutorService reader = java.util.concurrent.Executors.newFixedThreadPool(READERS, r -> {
                Thread t = new Thread(r, "relais-evaluate-reader");
                t.setDaemon(true);
                return t;
            });
            try {
                java.util.ArrayDeque<java.util.concurrent.Future<List<Reading>>> ahead = new java.util.ArrayDeque<>();
                int next = 0;
                for (Map.Entry<UUID, String> s : series) {
                    while (next < series.size() && ahead.size() < READ_AHEAD) {
                        Map.Entry<UUID, String> job = series.get(next++);
                        ahead.add(reader.submit(() -> measures.validSeries(job.getKey(), job.getValue(), Instant.EPOCH)));
                    }
                    evaluateSeries(active.get(s.getKey()), books, join(ahead.poll()), raised);
                }
            } finally {
                reader.shutdownNow();
            }
            return raised.added + evaluateMissing();
        });
    }

    /**
     * Judges the valid measures already stored for one enrollment (a patient enrolled with weights on file), as
     * {@link #evaluateAll()} does for every enrollment: each value since the enrollment's start by what came before it,
     * never raising a measure already behind an alert of a rule. Reads on the caller's connection, so it runs inside
     * the transaction that starts the enrollment. Returns how many values raised or joined an alert.
     */
    public int evaluateEnrollment(Enrollment enrollment) {
        return database.inTransaction(() -> {
            RuleBook book = thresholds.rules(enrollment);
            Set<String> codes = new java.util.TreeSet<>();
            valueCodes(book, codes);
            StoredRaised raised = new StoredRaised();
            for (String code : codes) {
                evaluateSeries(List.of(enrollment), Map.of(enrollment.id(), book),
                        measures.validSeries(enrollment.patientId(), code, Instant.EPOCH), raised);
            }
            return raised.added;
        });
    }

    private static List<Reading> join(java.util.concurrent.Future<List<Reading>> read) {
        try {
            return read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Evaluation interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** Codes with a value rule in force at some time (defaults or overrides; overrides never change a rule's code). */
    private static void valueCodes(RuleBook book, Set<String> codes) {
        book.defaults().stream().filter(r -> !(r instanceof AlertRule.Missing)).forEach(r -> codes.add(r.code()));
    }

    private void evaluateSeries(List<Enrollment> patientEnrollments, Map<UUID, RuleBook> books, List<Reading> series, Raised raised) {
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
                evaluateAt(enrollment, book, series, i, raised);
            }
        }
    }

    /** The enrollment's value rules in force when the reading at {@code index} was taken. */
    private void evaluateAt(Enrollment enrollment, RuleBook book, List<Reading> series, int index, Raised raised) {
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
        Alert alert;
        if (open.isEmpty()) {
            alert = open(enrollment, finding.rule(), finding.level(), finding.explanation(), reading.id().toString(), now);
        } else {
            alert = open.get();
            if (finding.level().compareTo(alert.level()) > 0) {
                // Red supersedes yellow: the same alert, more severe, explained by the newest value.
                alert = change(alert.explainedBy(notice.annotate(finding.explanation(), finding.level(), now)), alert.status(),
                        finding.level(), ENGINE, "level raised", now);
            } else {
                // The worst value is what the nurse must see; one no worse only joins the alert.
                alert = worse.shownWorst(alert, finding.explanation(), now);
            }
        }
        alerts.attach(alert.id(), reading.id(), finding.level());
    }

    /**
     * Opens the alert of a rule for one trigger, unless another workstation's decision on that very alert arrived by
     * sync first: then the closed alert is returned as it is (a handled alert is not raised again).
     */
    private Alert open(Enrollment enrollment, AlertRule rule, AlertLevel level, String explanation, String trigger, Instant now) {
        UUID id = Alert.episodeId(enrollment.id(), rule.id(), trigger);
        Optional<Alert> decided = alerts.find(id);
        if (decided.isPresent()) {
            return decided.get();
        }
        Alert alert = new Alert(id, enrollment.patientId(), enrollment.id(), rule.id(), rule.code(),
                rule.kind().toUpperCase(java.util.Locale.ROOT), level, AlertStatus.OPEN, explanation, now, now, ENGINE, null, 0, null);
        insert(alert, enrollment.templateId(), now);
        return alert;
    }

    private void insert(Alert raised, String templateId, Instant now) {
        Alert alert = raised.explainedBy(notice.annotate(raised.explanation(), raised.level(), now));
        alerts.insert(alert);
        alerts.insertEvent(alert.id(), now, ENGINE, null, AlertStatus.OPEN, alert.level(), null);
        audit.record("alert.open", "Alert", alert.id(), alert.patientId(), alert.ruleId() + " " + alert.level());
        work.review(alert, templateId, now, now, ENGINE);
    }

    /** The open missing-data alerts of an enrollment whose patient withdrew telemonitoring: nothing is awaited. */
    private void withdrawMissing(Enrollment enrollment, Instant now) {
        for (Alert alert : alerts.list(true, enrollment.patientId())) {
            if (enrollment.id().equals(alert.enrollmentId()) && "MISSING".equals(alert.kind())) {
                change(alert, AlertStatus.WITHDRAWN, alert.level(), ENGINE, "telemonitoring consent withdrawn", now);
            }
        }
    }

    private void closeMissing(Enrollment enrollment, AlertRule rule) {
        alerts.openFor(enrollment.id(), rule.id(), null).ifPresent(alert ->
                change(alert, AlertStatus.RESOLVED, alert.level(), ENGINE, "data received", clock.instant()));
    }

    /**
     * Escalates every open alert nobody acknowledged within its delay (4 h red, 24 h yellow) to the next role of its
     * pathway's escalation chain (the médecin traitant first), one step per delay; the alert's history says so. Run
     * with the start of the day and before showing alerts.
     */
    public int escalateOverdue() {
        return database.inTransaction(() -> {
            Instant now = clock.instant();
            int escalated = 0;
            for (Alert alert : alerts.openUnacknowledged()) {
                Instant since = alert.escalatedAt() == null ? alert.openedAt() : alert.escalatedAt();
                // The deadline first: it is cheap, and most open alerts are still within it.
                if (!now.isAfter(work.due(alert.level(), since))) {
                    continue;
                }
                // A level change restarts the clock: a yellow alert turned red is given the red delay from the change.
                Instant levelAt = alerts.levelAt(alert.id()).orElse(since);
                if (levelAt.isAfter(since) && !now.isAfter(work.due(alert.level(), levelAt))) {
                    continue;
                }
                List<CareRole> chain = chainOf(alert);
                if (alert.escalationStep() >= chain.size()) {
                    continue;
                }
                CareRole role = chain.get(alert.escalationStep());
                work.escalate(alert, templateOf(alert), role, now, ENGINE);
                alerts.update(alert.escalated(now));
                alerts.insertEvent(alert.id(), now, ENGINE, alert.status(), alert.status(), alert.level(),
                        "escalated to " + role + " (" + (alert.escalationStep() + 1) + "/" + chain.size() + ")");
                audit.record("alert.escalate", "Alert", alert.id(), alert.patientId(), alert.level() + " " + role);
                escalated++;
            }
            return escalated;
        });
    }

    /**
     * Escalates an open alert now, on a nurse's decision and with a reason, to the next role of its chain (the same
     * step the deadline would take): a review task for that role, the alert's history and the audit trail say who and
     * why. The alert stays open; once the chain is exhausted there is nobody left to escalate to.
     */
    public Alert escalate(UUID id, String reason) {
        session.require(Permission.CLINICAL_WRITE);
        if (reason == null || reason.isBlank()) {
            throw new BadInputException("reason", "reason.missing");
        }
        return database.inTransaction(() -> {
            Alert alert = alerts.find(id).orElseThrow(() -> new NotFoundException("alert", "alert", id));
            if (!alert.status().isOpen()) {
                throw new BadInputException("alert " + id, "alert.transition", alert.status().name(), "ESCALATED");
            }
            List<CareRole> chain = chainOf(alert);
            if (alert.escalationStep() >= chain.size()) {
                throw new BadInputException("alert " + id, "alert.chainExhausted", chain.size());
            }
            CareRole role = chain.get(alert.escalationStep());
            Instant now = clock.instant();
            String actor = session.actor().userId();
            work.escalate(alert, templateOf(alert), role, now, actor);
            Alert escalated = alert.escalated(now);
            alerts.update(escalated);
            outbox.record(RECORD, alert.id());
            alerts.insertEvent(alert.id(), now, actor, alert.status(), alert.status(), alert.level(),
                    "escalated to " + role + " (" + (alert.escalationStep() + 1) + "/" + chain.size() + "): " + reason);
            audit.record("alert.escalate", "Alert", alert.id(), alert.patientId(), alert.level() + " " + role + " manual");
            return escalated;
        });
    }

    /** The pathway of an enrollment's alert (its tasks belong to it); null for a patient-level alert. */
    private String templateOf(Alert alert) {
        return alert.enrollmentId() == null ? null : enrollments.find(alert.enrollmentId()).orElseThrow().templateId();
    }

    private List<CareRole> chainOf(Alert alert) {
        if (alert.enrollmentId() == null) {
            return PathwayTemplate.DEFAULT_ESCALATION;
        }
        Enrollment enrollment = enrollments.find(alert.enrollmentId()).orElseThrow();
        return templates.find(enrollment.templateId(), enrollment.templateVersion()).map(s -> s.template().escalation())
                .orElse(PathwayTemplate.DEFAULT_ESCALATION);
    }

    public Alert acknowledge(UUID id, String reason) {
        session.require(Permission.CLINICAL_WRITE);
        return decide(id, AlertStatus.ACKNOWLEDGED, reason);
    }

    public Alert resolve(UUID id, String reason) {
        session.require(Permission.CLINICAL_WRITE);
        return decide(id, AlertStatus.RESOLVED, reason);
    }

    public Alert dismiss(UUID id, String reason) {
        session.require(Permission.CLINICAL_WRITE);
        return decide(id, AlertStatus.DISMISSED, reason);
    }

    private Alert decide(UUID id, AlertStatus to, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new BadInputException("reason", "reason.missing");
        }
        return database.inTransaction(() -> {
            Alert alert = alerts.find(id).orElseThrow(() -> new NotFoundException("alert", "alert", id));
            boolean allowed = alert.status().isOpen() && alert.status() != to;
            if (!allowed) {
                throw new BadInputException("alert " + id, "alert.transition", alert.status().name(), to.name());
            }
            Alert changed = change(alert, to, alert.level(), session.actor().userId(), reason, clock.instant());
            outbox.record(RECORD, alert.id());
            return changed;
        });
    }

    /**
     * Applies a decision taken on another workstation, as merged by the sync engine (the caller's transaction, outbox
     * suppressed): a new alert (one this workstation has not raised) is stored with the measures behind it that are
     * here and, while still open, a review task in this worklist too (due from when it was opened elsewhere: an alert
     * this workstation did not raise itself, under a threshold prescribed for the patient there, is no less urgent);
     * a known one takes the decided state, its history names who decided and the server version, and a closing
     * decision closes its review tasks here too.
     */
    public Alert applySynced(Alert merged, java.util.Collection<UUID> evidence, String origin) {
        Instant now = clock.instant();
        Optional<Alert> local = alerts.find(merged.id());
        if (local.isEmpty()) {
            alerts.insert(merged);
            alerts.insertEvent(merged.id(), now, merged.statusBy() == null ? ENGINE : merged.statusBy(), null, merged.status(),
                    merged.level(), "sync " + origin);
            if (merged.status() == AlertStatus.OPEN) {
                String templateId = merged.enrollmentId() == null ? null
                        : enrollments.find(merged.enrollmentId()).map(fr.relais.core.pathway.Enrollment::templateId).orElse(null);
                work.review(merged, templateId, merged.openedAt() == null ? now : merged.openedAt(), now, ENGINE);
            }
        } else {
            Alert before = local.get();
            alerts.update(merged);
            alerts.insertEvent(merged.id(), now, merged.statusBy() == null ? ENGINE : merged.statusBy(), before.status(),
                    merged.status(), merged.level(), (merged.statusReason() == null ? "" : merged.statusReason() + " ") + "(sync " + origin + ")");
            // Same rule as a local decision: any status change settles the review task (acknowledging included).
            if (before.status() != merged.status()) {
                work.close(before, merged.status(), merged.statusReason(), now, merged.statusBy() == null ? ENGINE : merged.statusBy());
            } else if (merged.status() == AlertStatus.OPEN && merged.openedAt() != null && before.openedAt() != null
                    && merged.openedAt().isBefore(before.openedAt())) {
                // Raised here too, after another workstation: the alert counts from the first raising, so its review
                // is due from then; the escalation clock follows openedAt (a level change made here keeps its time).
                work.replanFromOpening(merged, templateOf(merged), now, ENGINE);
            }
        }
        for (UUID measureId : evidence) {
            if (measures.find(measureId).isPresent()) {
                alerts.attach(merged.id(), measureId, merged.level());
            }
        }
        audit.record("alert.sync", "Alert", merged.id(), merged.patientId(), merged.status() + " " + origin);
        return merged;
    }

    /** The highest level a measure raised or joined an alert at (its interpretation on the team server), if any. */
    public Optional<AlertLevel> levelOf(UUID measureId) {
        return alerts.levelsOfMeasure(measureId).stream().max(java.util.Comparator.naturalOrder());
    }

    /** The measures behind an alert (to name them as its evidence on the team server). */
    public List<UUID> evidence(UUID alertId) {
        return alerts.measuresOf(alertId);
    }

    public Optional<Alert> find(UUID id) {
        return alerts.find(id);
    }

    /**
     * The open alert of the same rule, scope (enrollment, or patient for an answer alert) and direction (the bound its
     * explanation names crossed) as {@code incoming}, whatever its id.
     */
    public Optional<Alert> openEpisode(Alert incoming) {
        String direction = Crossing.directionOf(incoming.explanation());
        return incoming.enrollmentId() == null ? alerts.openForPatient(incoming.patientId(), incoming.ruleId(), direction)
                : alerts.openFor(incoming.enrollmentId(), incoming.ruleId(), direction);
    }

    private Alert change(Alert alert, AlertStatus to, AlertLevel level, String actor, String reason, Instant now) {
        Alert changed = alert.with(to, level, actor, reason, now);
        alerts.update(changed);
        alerts.insertEvent(alert.id(), now, actor, alert.status(), to, level, reason);
        if (to != alert.status()) {
            work.close(alert, to, reason, now, actor);
        } else if (to.isOpen() && level != alert.level()) {
            // A yellow alert turning red is worked as a red one from now: its review and its escalation clock.
            alerts.levelChangedAt(alert.id(), now);
            work.replan(changed, alert.level(), templateOf(changed), now, actor);
        }
        audit.record("alert." + to.name().toLowerCase(java.util.Locale.ROOT), "Alert", alert.id(), alert.patientId(), level.name());
        return changed;
    }

    public List<Alert> list(boolean openOnly, UUID patientId) {
        session.require(Permission.CLINICAL_READ);
        return alerts.list(openOnly, patientId);
    }

    /** The patient's measures that raised or support an alert (any status). */
    public java.util.Set<UUID> measuresBehindAlerts(UUID patientId) {
        return alerts.measuresBehindAlerts(patientId);
    }

    public Alert get(UUID id) {
        return alerts.find(id).orElseThrow(() -> new NotFoundException("alert", "alert", id));
    }

    public List<String> history(UUID id) {
        session.require(Permission.CLINICAL_READ);
        return alerts.history(id);
    }

    /** An alert's history as structured steps, for what a reader sees (a report writes them in words). */
    public List<AlertStep> steps(UUID id) {
        session.require(Permission.CLINICAL_READ);
        return alerts.steps(id);
    }

    private List<Enrollment> activeEnrollments(UUID patientId) {
        return enrollments.ofPatient(patientId).stream().filter(e -> e.status() == EnrollmentStatus.ACTIVE).toList();
    }

    /** Whether a measure is already behind an alert of an enrollment's rule: seen values are never raised twice. */
    private interface Raised {
        boolean seen(UUID measureId, UUID enrollmentId, String ruleId);

        void mark(UUID measureId, UUID enrollmentId, String ruleId);
    }

    /** Incremental: asks the store (a few look-ups per new measure). */
    private final class StoredRaised implements Raised {
        private int added;

        public boolean seen(UUID measureId, UUID enrollmentId, String ruleId) {
            return alerts.alreadyRaised(measureId, enrollmentId, ruleId);
        }

        public void mark(UUID measureId, UUID enrollmentId, String ruleId) {
            // the attach row written by raise() is the mark; only counted here
            added++;
        }
    }

    /** Full re-run: every key read once up front, so millions of measures cost no look-up each. */
    private static final class MemoryRaised implements Raised {
        private final Set<String> keys;
        private int added;

        MemoryRaised(Set<String> keys) {
            this.keys = keys;
        }

        public boolean seen(UUID measureId, UUID enrollmentId, String ruleId) {
            return keys.contains(AlertRepository.raisedKey(measureId.toString(), enrollmentId.toString(), ruleId));
        }

        public void mark(UUID measureId, UUID enrollmentId, String ruleId) {
            keys.add(AlertRepository.raisedKey(measureId.toString(), enrollmentId.toString(), ruleId));
            added++;
        }
    }
}
