package fr.relais.app.gui.thresholds;

import fr.relais.app.gui.common.DesktopAccess;
import fr.relais.app.gui.common.FailureText;
import fr.relais.app.gui.task.BackgroundExecutor;
import fr.relais.core.alert.ThresholdOverride;
import fr.relais.core.alert.ThresholdService;
import fr.relais.core.alert.ThresholdService.RuleInForce;
import fr.relais.core.error.BadInputException;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.questionnaire.Questionnaire;
import fr.relais.core.rule.AlertRule;
import fr.relais.core.session.UserSession;
import fr.relais.core.time.CareZone;
import fr.relais.core.wording.AlertWords;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;

/**
 * The patient file's "Seuils" tab as a clinical form (issue 25): each alert rule in force for the patient in words,
 * where it comes from (the pathway, or a physician's prescription with its date and reason), the history of its
 * changes, and a change typed in fields with their units. A change or a restore is first stated as a sentence for the
 * physician to confirm ({@link #prepareChange}, {@link #prepareRestore}); only {@link #confirm} changes anything, and
 * core refuses anyone the permission matrix does not let prescribe, whatever the screen lets through.
 */
public final class ThresholdsViewModel {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(CareZone.PARIS);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(CareZone.PARIS);

    /**
     * A rule as the patient has it, in words: the pathway's title, the rule as a sentence with its units
     * ({@link AlertWords#rule}), where it comes from; {@code fields}: what a change may touch on it; {@code current}
     * the rule in force, {@code original} the pathway's (or questionnaire's) own, null when no longer in the library,
     * {@code prescribed} whether a physician set it for this patient. The template and rule ids are the engine's handles
     * for the change, never shown.
     */
    public record RuleRow(String templateId, String ruleId, String pathway, String rule, String source, List<Field> fields,
                          AlertRule current, AlertRule original, boolean prescribed) {
        @Override
        public String toString() {
            return rule;
        }
    }

    /**
     * A value of a rule a physician may change, as the form shows it: its label in words ("Rouge si inférieur à"), the
     * unit it is typed in ("kg", "%", "jours") and its value in force as typed ("2", "1,5"; empty: no such bound).
     * {@code key} is the engine's field ("red.below", "window"); {@code choices}: the only values it takes, in words
     * ("rouge", "orange"), empty when it is typed.
     */
    public record Field(String key, String label, String unit, String current, List<String> choices) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** A physician of the patient's cercle de soins who may prescribe a change. */
    public record Physician(UUID id, String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A change of a rule in the history: when, the rule before and after in words, who prescribed it and why. */
    public record HistoryRow(String templateId, String ruleId, String when, String from, String to, String who, String why) {
    }

    /** A change or a restore stated and waiting for the physician's confirmation. */
    private record Pending(UUID patient, RuleRow row, Map<String, String> changes, String prescriber, String reason, String sentence) {
        boolean restore() {
            return changes == null;
        }
    }

    private record Loaded(List<RuleRow> rules, List<Physician> physicians, List<HistoryRow> history, String patientName) {
    }

    private final Clock clock;
    private final UserSession session;
    private final ThresholdBook book;
    private final BackgroundExecutor executor;
    private final Localization texts;
    private final Language language;
    private final AlertWords alertWords;
    private final ThresholdFields forms;
    private final ReadOnlyListWrapper<RuleRow> rules = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyListWrapper<Physician> physicians = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyListWrapper<Field> fields = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyListWrapper<HistoryRow> history = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final Map<String, StringProperty> typed = new LinkedHashMap<>();
    private final ObjectProperty<RuleRow> rule = new SimpleObjectProperty<>();
    private final ObjectProperty<Physician> physician = new SimpleObjectProperty<>();
    private final StringProperty reason = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper historyTitle = new ReadOnlyStringWrapper("");
    private List<HistoryRow> allHistory = List.of();
    private String patientName = "";
    private UUID patientId;
    private Pending pending;

    public ThresholdsViewModel(Clock clock, UserSession session, ThresholdBook book, BackgroundExecutor executor, Localization texts,
                               Language language) {
        this.clock = clock;
        this.session = session;
        this.book = book;
        this.executor = executor;
        this.texts = texts;
        this.language = language;
        this.alertWords = new AlertWords(language);
        this.forms = new ThresholdFields(texts, language);
        rule.addListener((obs, old, chosen) -> {
            // The values in force are the starting point of a change: the physician edits them rather than retyping them.
            typed.clear();
            List<Field> now = chosen == null ? List.of() : chosen.fields();
            now.forEach(f -> typed.put(f.key(), new SimpleStringProperty(f.current())));
            fields.setAll(now);
            showHistory();
        });
    }

    /** Whether the signed-in roles may change thresholds (a physician, the permission matrix): the form is shown only then. */
    public boolean canChange() {
        return new DesktopAccess(session).allows(DesktopAccess.Action.CHANGE_THRESHOLDS);
    }

    public void show(UUID patient) {
        if (!Objects.equals(patient, patientId)) {
            message.set("");
            pending = null;
        }
        patientId = patient;
        if (patient == null) {
            return;
        }
        executor.submit(() -> load(patient), loaded -> apply(patient, loaded), failure -> message.set(FailureText.of(failure, texts, language)));
    }

    /** Shows the rules read for {@code patient}, the chosen one kept chosen; returns it as now in force. */
    private RuleRow apply(UUID patient, Loaded loaded) {
        if (!patient.equals(patientId)) {
            return null;
        }
        RuleRow previous = rule.get();
        patientName = loaded.patientName();
        allHistory = loaded.history();
        rules.setAll(loaded.rules());
        physicians.setAll(loaded.physicians());
        RuleRow now = previous == null ? null : loaded.rules().stream()
                .filter(r -> r.templateId().equals(previous.templateId()) && r.ruleId().equals(previous.ruleId())).findFirst().orElse(null);
        if (Objects.equals(now, previous)) {
            showHistory();
        }
        rule.set(now);
        if (physician.get() == null || !loaded.physicians().contains(physician.get())) {
            physician.set(loaded.physicians().isEmpty() ? null : loaded.physicians().get(0));
        }
        return now;
    }

    private Loaded load(UUID patient) {
        Map<String, String> titles = book.pathwayTitles(language);
        List<RuleRow> rows = book.inForce(patient, clock.instant()).stream().map(r -> row(patient, r, titles)).toList();
        LocalDate today = LocalDate.now(clock.withZone(CareZone.PARIS));
        List<Physician> doctors = book.physiciansOf(patient, today).stream().map(p -> new Physician(p.id(), p.displayName())).toList();
        return new Loaded(rows, doctors, historyOf(patient), book.patientName(patient));
    }

    private RuleRow row(UUID patient, RuleInForce r, Map<String, String> titles) {
        // The rule in force as a sentence with its units ("SpO2 : alerte rouge sous 90 % ; alerte orange sous 93 %").
        String sentence = alertWords.rule(r.rule());
        boolean questionnaire = questionnaire(r.templateId());
        String pathway = questionnaire ? texts.text("thresholds.questionnaire") : titles.getOrDefault(r.templateId(), texts.text("thresholds.pathwayGone"));
        String source = r.override() == null ? origin(r.templateId(), pathway)
                : texts.text("thresholds.source.override", DAY.format(r.override().validFrom()), book.professionalName(r.override().prescriberId()),
                        r.override().reason());
        AlertRule original = r.override() == null ? r.rule() : book.original(patient, r.templateId(), r.rule().id()).orElse(null);
        return new RuleRow(r.templateId(), r.rule().id(), pathway, sentence, source, forms.of(r.rule()), r.rule(), original, r.override() != null);
    }

    /** Where a rule comes from when no physician changed it: «seuil du parcours Insuffisance cardiaque». */
    private String origin(String templateId, String pathway) {
        return questionnaire(templateId) ? texts.text("thresholds.source.questionnaire") : texts.text("thresholds.source.pathway", pathway);
    }

    /** A questionnaire's score bands apply to every patient: they come from the questionnaire, not a pathway. */
    private static boolean questionnaire(String templateId) {
        return templateId.startsWith(Questionnaire.RULE_SCOPE);
    }

    /** Every change of the patient's rules, newest first: each from the rule it replaced (the pathway's before the first). */
    private List<HistoryRow> historyOf(UUID patient) {
        Map<String, List<ThresholdOverride>> byRule = new LinkedHashMap<>();
        book.history(patient).stream().sorted(Comparator.comparing(ThresholdOverride::validFrom).thenComparing(ThresholdOverride::createdAt))
                .forEach(o -> byRule.computeIfAbsent(o.templateId() + "/" + o.ruleId(), k -> new ArrayList<>()).add(o));
        List<Dated> rows = new ArrayList<>();
        for (List<ThresholdOverride> chain : byRule.values()) {
            ThresholdOverride first = chain.get(0);
            Optional<AlertRule> original = book.original(patient, first.templateId(), first.ruleId());
            String gone = texts.text("thresholds.history.originalGone");
            String before = original.map(alertWords::rule).orElse(gone);
            for (ThresholdOverride o : chain) {
                String after = o.rule() == null ? texts.text("thresholds.history.restored", original.map(alertWords::rule).orElse(gone))
                        : alertWords.rule(o.rule());
                rows.add(new Dated(o, new HistoryRow(o.templateId(), o.ruleId(),
                        texts.text("thresholds.history.when", DAY.format(o.validFrom()), TIME.format(o.validFrom())), before, after,
                        texts.text("thresholds.doctor", book.professionalName(o.prescriberId())), o.reason())));
                before = o.rule() == null ? original.map(alertWords::rule).orElse(gone) : after;
            }
        }
        return rows.stream().sorted(Comparator.comparing((Dated d) -> d.change().validFrom()).thenComparing(d -> d.change().createdAt()).reversed())
                .map(Dated::row).toList();
    }

    private record Dated(ThresholdOverride change, HistoryRow row) {
    }

    /** The chosen rule's history, or every rule's when none is chosen. */
    private void showHistory() {
        RuleRow chosen = rule.get();
        history.setAll(chosen == null ? allHistory : allHistory.stream()
                .filter(h -> h.templateId().equals(chosen.templateId()) && h.ruleId().equals(chosen.ruleId())).toList());
        historyTitle.set(chosen == null ? texts.text("thresholds.history.all") : texts.text("thresholds.history.rule", chosen.rule()));
    }

    /** What is typed in a field of the chosen rule (its value in force until edited). */
    public StringProperty typedProperty(String key) {
        StringProperty value = typed.get(key);
        if (value == null) {
            throw new IllegalArgumentException("No field " + key + " on the chosen rule");
        }
        return value;
    }

    /**
     * Reads the fields typed for the chosen rule and states the change as a sentence for the physician to confirm; empty,
     * with the reason in the message, when a field cannot be read (named), nothing changed, or the new thresholds do not
     * hold together. Nothing is stored before {@link #confirm}.
     */
    public Optional<String> prepareChange() {
        pending = null;
        RuleRow chosen = rule.get();
        if (chosen == null) {
            return refuse(texts.text("thresholds.chooseRule"));
        }
        Map<String, String> changes = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<String> said = new ArrayList<>();
        for (Field f : chosen.fields()) {
            ThresholdFields.Reading reading = forms.read(f, typedProperty(f.key()).get());
            if (reading.problem() != null) {
                problems.add(reading.problem());
            } else if (reading.changed()) {
                changes.put(f.key(), reading.engine());
                said.add(fieldChange(f, reading.engine()));
            }
        }
        if (!problems.isEmpty()) {
            return refuse(String.join("\n", problems));
        }
        if (changes.isEmpty()) {
            return refuse(texts.text("thresholds.nothingChanged"));
        }
        Optional<String> missing = prescription();
        if (missing.isPresent()) {
            return refuse(missing.get());
        }
        Optional<String> tooLong = forms.pastMandatoryDelay(chosen.original(), chosen.fields(), changes);
        if (tooLong.isPresent()) {
            return refuse(tooLong.get());
        }
        if (chosen.current() instanceof AlertRule.Absolute && chosen.fields().stream()
                .allMatch(f -> changes.getOrDefault(f.key(), forms.engineOf(f)).equals("none"))) {
            return refuse(texts.text("thresholds.problem.noBound"));
        }
        AlertRule after;
        try {
            after = ThresholdService.apply(chosen.current(), changes);
        } catch (BadInputException e) {
            // The fields were each read above: what is left is the engine's check of a pathway's rule, in its own terms.
            return refuse(texts.text("thresholds.problem.invalid"));
        }
        String sentence = texts.text("thresholds.confirm.change", patientName, String.join(" ; ", said), chosen.rule(), alertWords.rule(after),
                physician.get().name(), reason.get().trim());
        return ready(new Pending(patientId, chosen, changes, physician.get().id().toString(), reason.get().trim(), sentence));
    }

    /** States the return of the chosen rule to the pathway's (or questionnaire's) own, for the physician to confirm. */
    public Optional<String> prepareRestore() {
        pending = null;
        RuleRow chosen = rule.get();
        if (chosen == null) {
            return refuse(texts.text("thresholds.chooseRule"));
        }
        if (!chosen.prescribed()) {
            return refuse(texts.text("thresholds.nothingToRestore", origin(chosen.templateId(), chosen.pathway())));
        }
        Optional<String> missing = prescription();
        if (missing.isPresent()) {
            return refuse(missing.get());
        }
        String original = chosen.original() == null ? texts.text("thresholds.history.originalGone") : alertWords.rule(chosen.original());
        String sentence = texts.text("thresholds.confirm.restore", patientName, origin(chosen.templateId(), chosen.pathway()), chosen.rule(), original,
                physician.get().name(), reason.get().trim());
        return ready(new Pending(patientId, chosen, null, physician.get().id().toString(), reason.get().trim(), sentence));
    }

    /** "« Hausse d'au moins » porté de 2 kg à 1,5 kg", "« Orange si inférieur à » 93 % supprimé". */
    private String fieldChange(Field f, String engine) {
        String now = f.current().isEmpty() ? null : forms.said(f, forms.engineOf(f));
        if (engine.equals("none")) {
            return texts.text("thresholds.confirm.removed", f.label(), now);
        }
        return now == null ? texts.text("thresholds.confirm.added", f.label(), forms.said(f, engine))
                : texts.text("thresholds.confirm.changed", f.label(), now, forms.said(f, engine));
    }

    /** Who prescribes and why: both are required before a change is stated. */
    private Optional<String> prescription() {
        if (physician.get() == null) {
            return Optional.of(texts.text(physicians.isEmpty() ? "thresholds.noPhysician" : "thresholds.problem.physician"));
        }
        if (reason.get() == null || reason.get().isBlank()) {
            return Optional.of(texts.text("thresholds.problem.reason"));
        }
        return Optional.empty();
    }

    private Optional<String> refuse(String why) {
        message.set(why);
        return Optional.empty();
    }

    private Optional<String> ready(Pending change) {
        pending = change;
        message.set("");
        return Optional.of(change.sentence());
    }

    /** The sentence waiting for confirmation, if any. */
    public Optional<String> pendingSentence() {
        return Optional.ofNullable(pending).map(Pending::sentence);
    }

    /** The physician cancelled: nothing is stored, what was typed stays in the fields. */
    public void cancel() {
        pending = null;
        message.set(texts.text("thresholds.cancelled"));
    }

    /** Stores the change or restore stated by the last prepare, then shows the rule now in force and its history. */
    public void confirm() {
        Pending change = pending;
        pending = null;
        if (change == null) {
            message.set(texts.text("thresholds.chooseRule"));
            return;
        }
        RuleRow chosen = change.row();
        executor.submit(() -> {
            if (change.restore()) {
                book.restore(change.patient(), chosen.templateId(), chosen.ruleId(), change.prescriber(), change.reason());
            } else {
                book.change(change.patient(), chosen.templateId(), chosen.ruleId(), change.changes(), change.prescriber(), change.reason());
            }
            return load(change.patient());
        }, loaded -> {
            RuleRow now = apply(change.patient(), loaded);
            message.set(texts.text(change.restore() ? "thresholds.restored" : "thresholds.changed", now == null ? "" : now.rule()));
            reason.set("");
        }, failure -> message.set(FailureText.of(failure, texts, language)));
    }

    public ReadOnlyListProperty<RuleRow> rulesProperty() {
        return rules.getReadOnlyProperty();
    }

    public ReadOnlyListProperty<Physician> physiciansProperty() {
        return physicians.getReadOnlyProperty();
    }

    public ReadOnlyListProperty<Field> fieldsProperty() {
        return fields.getReadOnlyProperty();
    }

    public ReadOnlyListProperty<HistoryRow> historyProperty() {
        return history.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty historyTitleProperty() {
        return historyTitle.getReadOnlyProperty();
    }

    public ObjectProperty<RuleRow> ruleProperty() {
        return rule;
    }

    public ObjectProperty<Physician> physicianProperty() {
        return physician;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
