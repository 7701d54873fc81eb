package fr.relais.core.alert;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.relais.core.audit.AuditLog;
import fr.relais.core.careteam.CareTeamService;
import fr.relais.core.careteam.Profession;
import fr.relais.core.careteam.Professional;
import fr.relais.core.error.BadInputException;
import fr.relais.core.error.DefinitionError;
import fr.relais.core.error.InvalidDefinitionException;
import fr.relais.core.identity.PatientService;
import fr.relais.core.pathway.Enrollment;
import fr.relais.core.pathway.EnrollmentRepository;
import fr.relais.core.pathway.PathwayTemplate;
import fr.relais.core.pathway.TemplateRepository;
import fr.relais.core.replication.Outbox;
import fr.relais.core.replication.RecordKind;
import fr.relais.core.rule.AlertRule;
import fr.relais.core.rule.AlertRuleParser;
import fr.relais.core.session.Permission;
import fr.relais.core.session.UserSession;
import fr.relais.core.store.Database;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Per-patient thresholds. A physician replaces a pathway rule's thresholds for one patient, saying why; the previous
 * thresholds stay in the history with their period, so the thresholds in force at any past time can be shown and a
 * re-run judges old readings by the thresholds of their day. The kind and measure of a rule cannot change, and a
 * mandatory missing-data rule stays mandatory (its delay may change, it cannot be switched off).
 */
public final class ThresholdService {
    /** The outbox kind of an override: shared with the team server, so that every workstation judges by it. */
    public static final String RECORD = RecordKind.THRESHOLD_OVERRIDE;
    /** What a change may touch, in the alertRules syntax: "red.above", "rise", "window"... */
    public static final Set<String> CHANGEABLE = Set.of("red.below", "red.above", "yellow.below", "yellow.above", "rise",
            "window", "count", "direction", "after", "level");
    private static final Map<String, List<String>> FIELDS_BY_KIND = Map.of(
            "absolute", List.of("red.below", "red.above", "yellow.below", "yellow.above"),
            "relative", List.of("window", "rise", "level"),
            "trend", List.of("count", "direction", "level"),
            "missing", List.of("after", "level"));
    private static final Set<String> NUMBERS = Set.of("red.below", "red.above", "yellow.below", "yellow.above", "rise", "count");

    private final Database database;
    private final ThresholdRepository overrides;
    private final EnrollmentRepository enrollments;
    private final TemplateRepository templates;
    private final java.util.function.Supplier<List<AlertRule>> patientRules;
    private final PatientService patients;
    private final CareTeamService careTeam;
    private final UserSession session;
    private final AuditLog audit;
    private final Outbox outbox;
    private final Clock clock;

    /**
     * {@code patientRules}: the rules that apply to every patient whatever the pathway (the score rules of the
     * questionnaires in the library), which a physician may override for one patient like a pathway's.
     */
    public ThresholdService(Database database, ThresholdRepository overrides, EnrollmentRepository enrollments,
                            TemplateRepository templates, PatientService patients, CareTeamService careTeam, AuditLog audit,
                            UserSession session, Clock clock, Outbox outbox, java.util.function.Supplier<List<AlertRule>> patientRules) {
        this.database = database;
        this.overrides = overrides;
        this.enrollments = enrollments;
        this.templates = templates;
        this.patientRules = patientRules;
        this.patients = patients;
        this.careTeam = careTeam;
        this.session = session;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Changes some thresholds of a rule for a patient from now on. {@code changes} maps {@link #CHANGEABLE} names to
     * values ("none" removes a bound); {@code templateId} may be null when the rule id is unambiguous.
     */
    public ThresholdOverride change(UUID patientId, String templateId, String ruleId, Map<String, String> changes,
                                    String prescriber, String reason) {
        session.require(Permission.THRESHOLD_CHANGE);
        requireReason(reason);
        if (changes.isEmpty()) {
            throw new BadInputException("thresholds", "threshold.noChange");
        }
        return database.inTransaction(() -> {
            patients.get(patientId);
            Professional physician = physician(prescriber);
            Instant now = clock.instant();
            Target target = target(patientId, templateId, ruleId, now);
            AlertRule changed = apply(target.current(), changes);
            AlertRule pathwayRule = target.original();
            if (changed instanceof AlertRule.Missing m && pathwayRule instanceof AlertRule.Missing p) {
                if (p.mandatory() && m.longerThan(p, now.atZone(fr.relais.core.time.CareZone.PARIS).toLocalDate())) {
                    // The French telemonitoring minimums (heart-failure weight, diabetes glucose): shortened, never lengthened.
                    throw new BadInputException("after", "threshold.mandatoryDelay", changes.getOrDefault("after", ""), ruleId,
                            days(p.after(), now));
                }
                if (p.mandatory() != m.mandatory()) {
                    changed = new AlertRule.Missing(m.id(), m.code(), m.after(), m.level(), p.mandatory());
                }
            }
            return replace(patientId, target.scope(), ruleId, changed, physician, reason, now);
        });
    }

    /**
     * What an override of {@code ruleId} replaces: a rule of one of the patient's active pathways (scope: the pathway), or
     * a patient-level rule such as a questionnaire's score bands (scope "questionnaire:PHQ-9"), with the rule in force
     * now and the original one.
     */
    private record Target(String scope, AlertRule current, AlertRule original) {
    }

    private Target target(UUID patientId, String templateId, String ruleId, Instant now) {
        java.util.Optional<AlertRule> patientLevel = patientRules.get().stream()
                .filter(r -> r.id().equals(ruleId) && (templateId == null || templateId.equals(r.code()))).findFirst();
        if (patientLevel.isPresent()) {
            AlertRule rule = patientLevel.get();
            return new Target(rule.code(), patientRuleAt(patientId, rule, now), rule);
        }
        Enrollment enrollment = enrollmentWithRule(patientId, templateId, ruleId);
        AlertRule current = rules(enrollment).at(now).stream().filter(r -> r.id().equals(ruleId)).findFirst().orElseThrow();
        return new Target(enrollment.templateId(), current, pathwayRule(enrollment, ruleId));
    }

    /**
     * A patient-level rule (a questionnaire's score bands, whatever the pathway) as in force for a patient at a time: a
     * physician's override for this patient, else the rule itself.
     */
    public AlertRule patientRuleAt(UUID patientId, AlertRule rule, Instant at) {
        return overrides.ofPatient(patientId).stream()
                .filter(o -> o.templateId().equals(rule.code()) && o.ruleId().equals(rule.id()) && o.inForceAt(at)).findFirst()
                .map(o -> o.rule() == null ? rule : o.rule()).orElse(rule);
    }

    /** Whether one of the patient's active pathways has a value rule of its own on {@code code} at a time. */
    public boolean pathwayRuleOn(UUID patientId, String code, Instant at) {
        return enrollments.ofPatient(patientId).stream().filter(e -> e.status() == fr.relais.core.pathway.EnrollmentStatus.ACTIVE)
                .anyMatch(e -> !rules(e).valueRulesAt(code, at).isEmpty());
    }

    /** A delay in whole calendar days from today, for a message a nurse reads ("2 jours", not "P2D"). */
    private static long days(java.time.Period period, Instant now) {
        java.time.LocalDate today = now.atZone(fr.relais.core.time.CareZone.PARIS).toLocalDate();
        return java.time.temporal.ChronoUnit.DAYS.between(today, today.plus(period));
    }

    /** Puts the pathway's own rule (or the questionnaire's) back in force for the patient. */
    public ThresholdOverride restore(UUID patientId, String templateId, String ruleId, String prescriber, String reason) {
        session.require(Permission.THRESHOLD_CHANGE);
        requireReason(reason);
        return database.inTransaction(() -> {
            patients.get(patientId);
            Professional physician = physician(prescriber);
            Instant now = clock.instant();
            return replace(patientId, target(patientId, templateId, ruleId, now).scope(), ruleId, null, physician, reason, now);
        });
    }

    private ThresholdOverride replace(UUID patientId, String templateId, String ruleId, AlertRule rule, Professional physician,
                                      String reason, Instant now) {
        overrides.close(patientId, templateId, ruleId, now);
        ThresholdOverride o = new ThresholdOverride(UUID.randomUUID(), patientId, templateId, ruleId, rule, now, null,
                physician.id(), session.actor().userId(), reason, now);
        overrides.insert(o);
        outbox.record(RECORD, o.id());
        audit.record("threshold." + (rule == null ? "restore" : "override"), "ThresholdOverride", o.id(), patientId,
                templateId + "/" + ruleId + (rule == null ? "" : " " + AlertRuleJson.write(rule)));
        return o;
    }

    public java.util.Optional<ThresholdOverride> find(UUID id) {
        return overrides.find(id);
    }

    /**
     * Applies a physician's change recorded on another workstation (the caller's transaction, outbox suppressed), so
     * that every workstation judges the patient's next measures by the same thresholds. The rule's overrides are then
     * chained again by the time each took effect (each ends when the next begins), whatever order they arrived in: every
     * workstation ends with the same history. Measures already judged here are not judged again. False when known.
     */
    public boolean applySynced(ThresholdOverride received, String origin) {
        if (overrides.find(received.id()).isPresent()) {
            return false;
        }
        if (careTeam.findProfessional(received.prescriberId()).isEmpty()) {
            throw new BadInputException(origin, "threshold.unknownPrescriber", received.prescriberId());
        }
        List<ThresholdOverride> chain = new ArrayList<>(overrides.chain(received.patientId(), received.templateId(), received.ruleId()));
        chain.add(received);
        chain.sort(java.util.Comparator.comparing(ThresholdOverride::validFrom).thenComparing(ThresholdOverride::createdAt)
                .thenComparing(o -> o.id().toString()));
        // An arrival only ever ends (or shortens) the others, never reopens one: end them first, so that at most one
        // override of the rule is open at any moment (a unique index says so), then store the arrival with its own end.
        Instant receivedEnd = null;
        for (int i = 0; i < chain.size(); i++) {
            Instant end = i + 1 < chain.size() ? chain.get(i + 1).validFrom() : null;
            ThresholdOverride o = chain.get(i);
            if (o == received) {
                receivedEnd = end;
            } else if (!java.util.Objects.equals(o.validTo(), end)) {
                overrides.setValidTo(o.id(), end);
            }
        }
        overrides.insert(new ThresholdOverride(received.id(), received.patientId(), received.templateId(), received.ruleId(), received.rule(),
                received.validFrom(), receivedEnd, received.prescriberId(), received.setBy(), received.reason(), received.createdAt()));
        audit.record("threshold.sync", "ThresholdOverride", received.id(), received.patientId(),
                received.templateId() + "/" + received.ruleId() + " " + origin);
        return true;
    }

    /** The rules of an enrollment over time, overrides included. */
    public RuleBook rules(Enrollment enrollment) {
        return new RuleBook(start(enrollment), pathwayRules(enrollment), overrides.ofPatient(enrollment.patientId()).stream()
                .filter(o -> o.templateId().equals(enrollment.templateId())).toList());
    }

    /** Rule books for a full re-run: the overrides of every patient read once. */
    public Map<UUID, List<ThresholdOverride>> allOverridesByPatient() {
        Map<UUID, List<ThresholdOverride>> byPatient = new java.util.HashMap<>();
        overrides.all().forEach(o -> byPatient.computeIfAbsent(o.patientId(), k -> new ArrayList<>()).add(o));
        return byPatient;
    }

    RuleBook rules(Enrollment enrollment, List<ThresholdOverride> patientOverrides) {
        return new RuleBook(start(enrollment), pathwayRules(enrollment), patientOverrides.stream()
                .filter(o -> o.templateId().equals(enrollment.templateId())).toList());
    }

    /** The rules in force for a patient at a time, one line per enrollment and rule, with where each comes from. */
    public List<RuleInForce> inForce(UUID patientId, Instant at) {
        patients.get(patientId);
        List<RuleInForce> result = new ArrayList<>();
        for (Enrollment enrollment : enrollments.ofPatient(patientId)) {
            RuleBook book = rules(enrollment);
            for (AlertRule rule : book.at(at)) {
                var source = book.overrideAt(rule.id(), at).filter(o -> o.rule() != null);
                result.add(new RuleInForce(enrollment.templateId(), rule, source.orElse(null)));
            }
        }
        List<ThresholdOverride> own = overrides.ofPatient(patientId);
        for (AlertRule rule : patientRules.get()) {
            var source = own.stream().filter(o -> o.templateId().equals(rule.code()) && o.ruleId().equals(rule.id()) && o.inForceAt(at))
                    .findFirst().filter(o -> o.rule() != null);
            result.add(new RuleInForce(rule.code(), source.map(ThresholdOverride::rule).orElse(rule), source.orElse(null)));
        }
        return result;
    }

    /**
     * The rule an override of {@code ruleId} replaces for a patient: the questionnaire's own, or the pathway's as the
     * patient's enrollment in {@code templateId} has it (the latest enrollment when there were several); empty when
     * the pathway is no longer in the library.
     */
    public java.util.Optional<AlertRule> original(UUID patientId, String templateId, String ruleId) {
        java.util.Optional<AlertRule> patientLevel = patientRules.get().stream()
                .filter(r -> r.id().equals(ruleId) && r.code().equals(templateId)).findFirst();
        if (patientLevel.isPresent()) {
            return patientLevel;
        }
        return enrollments.ofPatient(patientId).stream().filter(e -> e.templateId().equals(templateId))
                .max(java.util.Comparator.comparing(Enrollment::startDate))
                .flatMap(e -> pathwayRules(e).stream().filter(r -> r.id().equals(ruleId)).findFirst());
    }

    public List<ThresholdOverride> history(UUID patientId) {
        patients.get(patientId);
        return overrides.ofPatient(patientId);
    }

    /** A rule as it applies to a patient: {@code override} null when it is the pathway's own. */
    public record RuleInForce(String templateId, AlertRule rule, ThresholdOverride override) {
    }

    private static Instant start(Enrollment enrollment) {
        return enrollment.startDate().atStartOfDay(fr.relais.core.time.CareZone.PARIS).toInstant();
    }

    private List<AlertRule> pathwayRules(Enrollment enrollment) {
        return templates.find(enrollment.templateId(), enrollment.templateVersion()).map(s -> s.template().alertRules())
                .orElse(List.of());
    }

    private AlertRule pathwayRule(Enrollment enrollment, String ruleId) {
        return pathwayRules(enrollment).stream().filter(r -> r.id().equals(ruleId)).findFirst().orElseThrow();
    }

    private Enrollment enrollmentWithRule(UUID patientId, String templateId, String ruleId) {
        List<Enrollment> candidates = enrollments.ofPatient(patientId).stream().filter(e -> e.status() == fr.relais.core.pathway.EnrollmentStatus.ACTIVE)
                .filter(e -> templateId == null || e.templateId().equals(templateId))
                .filter(e -> pathwayRules(e).stream().anyMatch(r -> r.id().equals(ruleId))).toList();
        if (candidates.isEmpty()) {
            throw new BadInputException("rule " + ruleId, "threshold.noRule", ruleId);
        }
        if (candidates.size() > 1) {
            throw new BadInputException("rule " + ruleId, "threshold.ambiguous", ruleId,
                    String.join(", ", candidates.stream().map(Enrollment::templateId).toList()));
        }
        return candidates.get(0);
    }

    private Professional physician(String prescriber) {
        if (prescriber == null || prescriber.isBlank()) {
            throw new BadInputException("prescriber", "threshold.prescriber");
        }
        Professional p = careTeam.professional(prescriber);
        if (p.profession() != Profession.MEDECIN) {
            throw new BadInputException("prescriber " + prescriber, "threshold.notPhysician", p.displayName());
        }
        return p;
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new BadInputException("reason", "reason.missing");
        }
    }

    /** What a change may touch on a rule of this kind, in the alertRules syntax ("red.below"...). */
    public static List<String> fieldsOf(AlertRule rule) {
        return FIELDS_BY_KIND.get(rule.kind());
    }

    /** The current value of each field a change may touch ("" when the rule has none), for display. */
    public static Map<String, String> valuesOf(AlertRule rule) {
        ObjectNode json = AlertRuleJson.write(rule);
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (String name : fieldsOf(rule)) {
            String[] path = name.split("\\.");
            var node = path.length == 2 ? json.path(path[0]).path(path[1]) : json.path(name);
            values.put(name, node.isMissingNode() || node.isNull() ? "" : node.asText());
        }
        return values;
    }

    /**
     * Applies changes to the rule's JSON and validates the result like a template rule: what a change would make of
     * {@code current}, without storing anything (a form states it before the physician confirms).
     */
    public static AlertRule apply(AlertRule current, Map<String, String> changes) {
        ObjectNode json = AlertRuleJson.write(current);
        for (Map.Entry<String, String> change : changes.entrySet()) {
            String name = change.getKey();
            if (!CHANGEABLE.contains(name)) {
                throw new BadInputException(name, "threshold.unknownField", name, String.join(", ", new java.util.TreeSet<>(CHANGEABLE)));
            }
            List<String> ofKind = FIELDS_BY_KIND.get(current.kind());
            if (!ofKind.contains(name)) {
                throw new BadInputException(name, "threshold.notForKind", name, current.kind(), String.join(", ", ofKind));
            }
            String value = change.getValue() == null ? "" : change.getValue().trim();
            String[] path = name.split("\\.");
            ObjectNode parent = path.length == 2 ? (json.get(path[0]) instanceof ObjectNode o ? o : json.putObject(path[0])) : json;
            String field = path[path.length - 1];
            if (value.equalsIgnoreCase("none")) {
                parent.remove(field);
            } else if (NUMBERS.contains(name)) {
                try {
                    BigDecimal number = new BigDecimal(value.replace(',', '.'));
                    if (name.equals("count")) {
                        parent.put(field, number.intValueExact());
                    } else {
                        parent.put(field, number);
                    }
                } catch (NumberFormatException | ArithmeticException e) {
                    throw new BadInputException(name, "threshold.number", value);
                }
            } else {
                parent.put(field, value);
            }
            if (path.length == 2 && parent.isEmpty()) {
                json.remove(path[0]);
            }
        }
        List<DefinitionError> errors = new ArrayList<>();
        AlertRule rule = AlertRuleParser.parseRule(json, current.id(), errors);
        if (rule == null) {
            throw new InvalidDefinitionException("thresholds", "threshold.invalid", errors);
        }
        return rule;
    }
}
