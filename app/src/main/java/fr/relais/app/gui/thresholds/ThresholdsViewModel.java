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

    /** A rule as the patient has it; {@code fields}: what a change may touch on it. */
    public record RuleRow(String templateId, String ruleId, String kind, String values, String source, List<String> fields) {
        @Override
        public String toString() {
            return templateId + " / " + ruleId;
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
    private final BackgroundExecutor executor;
    private final Localization texts;
    private final Language language;
    private final ReadOnlyListWrapper<RuleRow> rules = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyListWrapper<Physician> physicians = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyListWrapper<String> fields = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ObjectProperty<RuleRow> rule = new SimpleObjectProperty<>();
    private final ObjectProperty<String> field = new SimpleObjectProperty<>();
    private final StringProperty value = new SimpleStringProperty("");
    private final ObjectProperty<Physician> physician = new SimpleObjectProperty<>();
    private final StringProperty reason = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private UUID patientId;

    public ThresholdsViewModel(Clock clock, UserSession session, CareTeamService careTeamService,
                               ThresholdService thresholdService, BackgroundExecutor executor, Localization texts,
                               Language language) {
        this.clock = clock;
        this.session = session;
        this.careTeamService = careTeamService;
        this.thresholdService = thresholdService;
        this.executor = executor;
        this.texts = texts;
        this.language = language;
        rule.addListener((obs, old, chosen) -> {
            fields.setAll(chosen == null ? List.of() : chosen.fields());
            field.set(fields.isEmpty() ? null : fields.get(0));
        });
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
        executor.submit(() -> load(patient), loaded -> {
            if (patient.equals(patientId)) {
                RuleRow previous = rule.get();
                rules.setAll(loaded.rules());
                physicians.setAll(loaded.physicians());
                rule.set(previous == null ? null : loaded.rules().stream()
                        .filter(r -> r.templateId().equals(previous.templateId()) && r.ruleId().equals(previous.ruleId())).findFirst().orElse(null));
                if (physician.get() == null || !loaded.physicians().contains(physician.get())) {
                    physician.set(loaded.physicians().isEmpty() ? null : loaded.physicians().get(0));
                }
            }
        }, failure -> message.set(FailureText.of(failure, texts, language)));
    }

    private Loaded load(UUID patient) {
        List<RuleRow> rows = thresholdService.inForce(patient, clock.instant()).stream().map(this::row).toList();
        LocalDate today = LocalDate.now(clock.withZone(CareZone.PARIS));
        List<Physician> doctors = careTeamService.teamOf(patient).stream().filter(m -> m.activeOn(today))
                .map(m -> m.professional()).filter(p -> p.profession() == Profession.MEDECIN).distinct()
                .map(p -> new Physician(p.id(), p.displayName())).toList();
        return new Loaded(rows, doctors);
    }

    private RuleRow row(RuleInForce r) {
        // The rule in force as a sentence with its units ("SpO2 : alerte rouge sous 90 % ; alerte orange sous 93 %").
        String values = new fr.relais.core.wording.AlertWords(language).rule(r.rule());
        // A questionnaire's score bands apply to every patient: they come from the questionnaire, not a pathway.
        boolean questionnaire = r.templateId().startsWith(fr.relais.core.questionnaire.Questionnaire.RULE_SCOPE);
        String source = r.override() == null ? texts.text(questionnaire ? "thresholds.source.questionnaire" : "thresholds.source.pathway")
                : texts.text("thresholds.source.override", DAY.format(r.override().validFrom()),
                        careTeamService.professional(r.override().prescriberId().toString()).displayName(), r.override().reason());
        return new RuleRow(r.templateId(), r.rule().id(), r.rule().kind(), values, source, ThresholdService.fieldsOf(r.rule()));
    }

    /** Changes the chosen field of the chosen rule to the value typed ("none" removes a bound). */
    public void change() {
        RuleRow chosen = rule.get();
        if (chosen == null || field.get() == null) {
            message.set(texts.text("thresholds.chooseRule"));
            return;
        }
        UUID patient = patientId;
        String name = field.get();
        String typed = value.get() == null ? "" : value.get().trim();
        String prescriber = physician.get() == null ? null : physician.get().id().toString();
        String why = reason.get();
        executor.submit(() -> thresholdService.change(patient, chosen.templateId(), chosen.ruleId(), Map.of(name, typed), prescriber, why),
                done -> {
                    message.set(texts.text("thresholds.changed", chosen.ruleId(), name, typed));
                    value.set("");
                    reason.set("");
                    show(patient);
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
        executor.submit(() -> thresholdService.restore(patient, chosen.templateId(), chosen.ruleId(), prescriber, why),
                done -> {
                    message.set(texts.text("thresholds.restored", chosen.ruleId()));
                    reason.set("");
                    show(patient);
                }, failure -> message.set(FailureText.of(failure, texts, language)));
    }

    public ReadOnlyListProperty<RuleRow> rulesProperty() {
        return rules.getReadOnlyProperty();
    }

    public ReadOnlyListProperty<Physician> physiciansProperty() {
        return physicians.getReadOnlyProperty();
    }

    public ReadOnlyListProperty<String> fieldsProperty() {
        return fields.getReadOnlyProperty();
    }

    public ObjectProperty<RuleRow> ruleProperty() {
        return rule;
    }

    public ObjectProperty<String> fieldProperty() {
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
