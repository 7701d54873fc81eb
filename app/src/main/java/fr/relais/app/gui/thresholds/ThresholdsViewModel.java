package fr.relais.app.gui.thresholds;

import fr.relais.app.gui.common.FailureText;
import fr.relais.app.gui.task.BackgroundExecutor;
import java.time.Clock;
import fr.relais.core.session.UserSession;
import fr.relais.core.careteam.CareTeamService;
import fr.relais.core.alert.ThresholdService;
import fr.relais.core.alert.ThresholdService.RuleInForce;
import fr.relais.core.careteam.Profession;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.time.CareZone;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
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
 * The patient file's "Seuils" tab: the alert rules in force for the patient (the pathway's own, or a physician's
 * override with who, since when and why), and changing or restoring one. The change is prescribed by a physician of
 * the cercle de soins and always carries a reason; core refuses anyone else, whatever the screen lets through.
 */
public final class ThresholdsViewModel {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(CareZone.PARIS);

    /**
     * A rule as the patient has it, in words: the pathway's title, the rule as a sentence with its units
     * ({@link fr.relais.core.wording.AlertWords#rule}), where it comes from; {@code fields}: what a change may touch on
     * it. The template and rule ids are the engine's handles for the change, never shown.
     */
    public record RuleRow(String templateId, String ruleId, String pathway, String rule, String source, List<Field> fields) {
        @Override
        public String toString() {
            return rule;
        }
    }

    /**
     * A value of a rule a physician may change, as the form shows it: its label in words ("Rouge si inférieur à"), the
     * unit it is typed in ("kg", "%", "jours") and its value in force as typed ("2", "1,5"; empty: no such bound).
     * {@code key} is the engine's field ("red.below", "window").
     */
    public record Field(String key, String label, String unit, String current) {
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

    private final Clock clock;
    private final UserSession session;
    private final CareTeamService careTeamService;
    private final ThresholdService thresholdService;
    private final fr.relais.core.pathway.PathwayService pathwayService;
    private final BackgroundExecutor executor;
    private final Localization texts;
    private final Language language;
    private final ReadOnlyListWrapper<RuleRow> rules = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyListWrapper<Physician> physicians = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyListWrapper<Field> fields = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ObjectProperty<RuleRow> rule = new SimpleObjectProperty<>();
    private final ObjectProperty<Field> field = new SimpleObjectProperty<>();
    private final StringProperty value = new SimpleStringProperty("");
    private final ObjectProperty<Physician> physician = new SimpleObjectProperty<>();
    private final StringProperty reason = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private UUID patientId;
    private final ThresholdFields forms;

    public ThresholdsViewModel(Clock clock, UserSession session, CareTeamService careTeamService,
                               ThresholdService thresholdService, fr.relais.core.pathway.PathwayService pathwayService,
                               BackgroundExecutor executor, Localization texts, Language language) {
        this.pathwayService = pathwayService;
        this.clock = clock;
        this.session = session;
        this.careTeamService = careTeamService;
        this.thresholdService = thresholdService;
        this.executor = executor;
        this.texts = texts;
        this.language = language;
        this.forms = new ThresholdFields(texts, language);
        rule.addListener((obs, old, chosen) -> {
            fields.setAll(chosen == null ? List.of() : chosen.fields());
            field.set(fields.isEmpty() ? null : fields.get(0));
        });
        // The value in force is the starting point of a change: the physician edits it rather than retyping it.
        field.addListener((obs, old, chosen) -> value.set(chosen == null ? "" : chosen.current()));
    }

    /** Whether the signed-in roles may change thresholds (physicians, issue 9): the buttons are shown only then. */
    public boolean canChange() {
        return new fr.relais.app.gui.common.DesktopAccess(session).allows(fr.relais.app.gui.common.DesktopAccess.Action.CHANGE_THRESHOLDS);
    }

    private record Loaded(List<RuleRow> rules, List<Physician> physicians) {
    }

    public void show(UUID patient) {
        if (!java.util.Objects.equals(patient, patientId)) {
            message.set("");
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
        rules.setAll(loaded.rules());
        physicians.setAll(loaded.physicians());
        RuleRow now = previous == null ? null : loaded.rules().stream()
                .filter(r -> r.templateId().equals(previous.templateId()) && r.ruleId().equals(previous.ruleId())).findFirst().orElse(null);
        rule.set(now);
        if (physician.get() == null || !loaded.physicians().contains(physician.get())) {
            physician.set(loaded.physicians().isEmpty() ? null : loaded.physicians().get(0));
        }
        return now;
    }

    private Loaded load(UUID patient) {
        Map<String, String> titles = new java.util.HashMap<>();
        pathwayService.list().forEach(t -> titles.put(t.template().id(), t.template().title().in(language)));
        List<RuleRow> rows = thresholdService.inForce(patient, clock.instant()).stream().map(r -> row(r, titles)).toList();
        LocalDate today = LocalDate.now(clock.withZone(CareZone.PARIS));
        List<Physician> doctors = careTeamService.teamOf(patient).stream().filter(m -> m.activeOn(today))
                .map(m -> m.professional()).filter(p -> p.profession() == Profession.MEDECIN).distinct()
                .map(p -> new Physician(p.id(), p.displayName())).toList();
        return new Loaded(rows, doctors);
    }

    private RuleRow row(RuleInForce r, Map<String, String> titles) {
        // The rule in force as a sentence with its units ("SpO2 : alerte rouge sous 90 % ; alerte orange sous 93 %").
        String sentence = new fr.relais.core.wording.AlertWords(language).rule(r.rule());
        // A questionnaire's score bands apply to every patient: they come from the questionnaire, not a pathway.
        boolean questionnaire = r.templateId().startsWith(fr.relais.core.questionnaire.Questionnaire.RULE_SCOPE);
        String pathway = questionnaire ? texts.text("thresholds.questionnaire") : titles.getOrDefault(r.templateId(), texts.text("thresholds.pathwayGone"));
        String source = r.override() == null ? texts.text(questionnaire ? "thresholds.source.questionnaire" : "thresholds.source.pathway")
                : texts.text("thresholds.source.override", DAY.format(r.override().validFrom()),
                        careTeamService.professional(r.override().prescriberId().toString()).displayName(), r.override().reason());
        return new RuleRow(r.templateId(), r.rule().id(), pathway, sentence, source, forms.of(r.rule()));
    }

    /** Changes the chosen value of the chosen rule to the one typed (an empty bound removes it), then states the rule now in force. */
    public void change() {
        RuleRow chosen = rule.get();
        if (chosen == null || field.get() == null) {
            message.set(texts.text("thresholds.chooseRule"));
            return;
        }
        UUID patient = patientId;
        String name = field.get().key();
        String typed = value.get() == null ? "" : value.get().trim();
        String engine = forms.toEngine(name, typed);
        String prescriber = physician.get() == null ? null : physician.get().id().toString();
        String why = reason.get();
        executor.submit(() -> {
            thresholdService.change(patient, chosen.templateId(), chosen.ruleId(), Map.of(name, engine), prescriber, why);
            return load(patient);
        }, loaded -> {
            RuleRow now = apply(patient, loaded);
            message.set(texts.text("thresholds.changed", now == null ? "" : now.rule()));
            reason.set("");
        }, failure -> message.set(FailureText.of(failure, texts, language)));
    }

    /** Puts the pathway's own rule back in force for the patient. */
    public void restore() {
        RuleRow chosen = rule.get();
        if (chosen == null) {
            message.set(texts.text("thresholds.chooseRule"));
            return;
        }
        UUID patient = patientId;
        String prescriber = physician.get() == null ? null : physician.get().id().toString();
        String why = reason.get();
        executor.submit(() -> {
            thresholdService.restore(patient, chosen.templateId(), chosen.ruleId(), prescriber, why);
            return load(patient);
        }, loaded -> {
            RuleRow now = apply(patient, loaded);
            message.set(texts.text("thresholds.restored", now == null ? "" : now.rule()));
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

    public ObjectProperty<RuleRow> ruleProperty() {
        return rule;
    }

    public ObjectProperty<Field> fieldProperty() {
        return field;
    }

    public StringProperty valueProperty() {
        return value;
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
