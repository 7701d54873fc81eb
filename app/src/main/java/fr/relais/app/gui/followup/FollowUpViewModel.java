package fr.relais.app.gui.followup;

import fr.relais.app.gui.common.FailureText;
import fr.relais.app.gui.task.BackgroundExecutor;
import java.time.Clock;
import fr.relais.core.pathway.PathwayService;
import fr.relais.core.pathway.EnrollmentService;
import fr.relais.core.alert.AlertQueries;
import fr.relais.core.alert.ThresholdService;
import fr.relais.core.measure.MeasureService;
import fr.relais.core.questionnaire.QuestionnaireService;
import fr.relais.core.alert.Alert;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.measure.Measure;
import fr.relais.core.measure.MeasureCatalog;
import fr.relais.core.measure.MeasureSource;
import fr.relais.core.measure.MeasureType;
import fr.relais.core.measure.NewMeasure;
import fr.relais.core.pathway.Enrollment;
import fr.relais.core.pathway.StoredTemplate;
import fr.relais.core.time.CareZone;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;

/**
 * The patient file's follow-up tab: the pathways the patient is enrolled in, the latest measures, and the two things a
 * nurse does on the phone: enter a measure (a weight read by the patient) and enroll in a pathway. A measure that
 * crosses a threshold says which alert it raised.
 */
public final class FollowUpViewModel {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(CareZone.PARIS);

    private final Clock clock;
    private final PathwayService pathwayService;
    private final EnrollmentService enrollmentService;
    private final AlertQueries alertQueries;
    private final ThresholdService thresholdService;
    private final MeasureService measureService;
    private final QuestionnaireService questionnaireService;
    private final BackgroundExecutor executor;
    private final Localization texts;
    private final Language language;
    private UUID patientId;

    private final ReadOnlyListWrapper<String> enrollments = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyListWrapper<String> measures = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyListWrapper<Choice> pathways = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ObjectProperty<Choice> pathway = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> start = new SimpleObjectProperty<>();
    private final ObjectProperty<MeasureType> measureType = new SimpleObjectProperty<>(MeasureCatalog.get("type", MeasureCatalog.BODY_WEIGHT));
    private final StringProperty value = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObjectProperty<fr.relais.core.questionnaire.Questionnaire> questionnaire = new SimpleObjectProperty<>();
    private final ReadOnlyListWrapper<fr.relais.core.questionnaire.Questionnaire> questionnaires =
            new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyObjectWrapper<Chart> chart = new ReadOnlyObjectWrapper<>(Chart.EMPTY);
    private final ObjectProperty<Integer> chartDays = new SimpleObjectProperty<>(30);

    public FollowUpViewModel(Clock clock, PathwayService pathwayService, EnrollmentService enrollmentService,
                             AlertQueries alertQueries, ThresholdService thresholdService,
                             MeasureService measureService, QuestionnaireService questionnaireService,
                             BackgroundExecutor executor, Localization texts, Language language) {
        this.clock = clock;
        this.pathwayService = pathwayService;
        this.enrollmentService = enrollmentService;
        this.alertQueries = alertQueries;
        this.thresholdService = thresholdService;
        this.measureService = measureService;
        this.questionnaireService = questionnaireService;
        this.executor = executor;
        this.texts = texts;
        this.language = language;
        start.set(LocalDate.now(clock.withZone(CareZone.PARIS)));
        measureType.addListener((obs, old, t) -> loadChart());
        chartDays.addListener((obs, old, d) -> loadChart());
    }

    /**
     * The chart of one measure over the chosen period, ending now (never into the future): the valid values, the points
     * that raised an alert marked, the red and orange zones of the rules in force at each time (per-patient
     * prescriptions included, computed in core exactly as for the PDF), the value axis that shows them and the dated
     * axis (epoch seconds, a tick every {@code stepDays} days from midnight). No point: the chart gives way to a sentence.
     * {@code rules}: the rules on this measure in force now, each as the sentence core writes from its definition
     * ("Poids : alerte rouge pour une hausse d'au moins 2 kg en 3 jours"), shown under the chart: a relative or trend
     * rule has no fixed line to draw, and an absolute one says its bounds with their unit.
     */
    public record Chart(String title, String unit, List<Point> points, List<fr.relais.core.chart.ThresholdBand> bands,
                        fr.relais.core.chart.TimeAxis time, fr.relais.core.chart.ValueScale values, List<String> rules) {
        static final Chart EMPTY = new Chart("", "", List.of(), List.of(), null, null, List.of());
    }

    /** One measure: when (epoch seconds), its value, and whether an alert was raised on it. */
    public record Point(long epochSecond, double value, boolean alert) {
    }

    private void loadChart() {
        UUID patient = patientId;
        MeasureType type = measureType.get();
        int days = chartDays.get() == null ? 30 : chartDays.get();
        if (patient == null || type == null) {
            chart.set(Chart.EMPTY);
            return;
        }
        executor.submit(() -> {
            java.time.Instant now = clock.instant();
            fr.relais.core.chart.TimeAxis time = fr.relais.core.chart.TimeAxis.of(now.minus(java.time.Duration.ofDays(days)), now, 8,
                    CareZone.PARIS);
            Set<UUID> alerting = alertQueries.measuresBehindAlerts(patient);
            List<Measure> valid = measureService.ofPatient(patient, type.code()).stream()
                    .filter(m -> m.status() == fr.relais.core.measure.MeasureStatus.FINAL && !m.effectiveAt().isBefore(time.from())
                            && !m.effectiveAt().isAfter(now))
                    .sorted(Comparator.comparing(Measure::effectiveAt)).toList();
            List<Point> points = valid.stream()
                    .map(m -> new Point(m.effectiveAt().getEpochSecond(), m.value().doubleValue(), alerting.contains(m.id()))).toList();
            var bands = new fr.relais.core.chart.ThresholdTimeline(thresholdService).bands(patient, type.code(), time.from(), now);
            var values = fr.relais.core.chart.ValueScale.of(valid.stream().map(Measure::value).toList(), bands, 6);
            String unit = new fr.relais.core.wording.Quantities(language).unit(type.unit());
            return new Chart(type.name().in(language), unit, points, bands, time, values, ruleSentences(patient, type.code(), now));
        }, loaded -> {
            if (patient.equals(patientId)) {
                chart.set(loaded);
            }
        }, failure -> message.set(FailureText.of(failure, texts, language)));
    }

    /** The value rules on {@code code} in force at {@code at}, as sentences; a missing-measure rule has nothing on a chart. */
    private List<String> ruleSentences(UUID patient, String code, java.time.Instant at) {
        fr.relais.core.wording.AlertWords words = new fr.relais.core.wording.AlertWords(language);
        return thresholdService.inForce(patient, at).stream().map(ThresholdService.RuleInForce::rule)
                .filter(r -> r.code().equals(code) && !(r instanceof fr.relais.core.rule.AlertRule.Missing))
                .map(words::rule).distinct().toList();
    }

    public javafx.beans.property.ReadOnlyObjectProperty<Chart> chartProperty() {
        return chart.getReadOnlyProperty();
    }

    public ObjectProperty<Integer> chartDaysProperty() {
        return chartDays;
    }

    /** A pathway offered for enrollment. */
    public record Choice(String id, String title) {
        @Override
        public String toString() {
            return title;
        }
    }

    private record Loaded(List<String> enrollments, List<String> measures, List<Choice> pathways,
                          List<fr.relais.core.questionnaire.Questionnaire> questionnaires) {
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
                enrollments.setAll(loaded.enrollments());
                measures.setAll(loaded.measures());
                pathways.setAll(loaded.pathways());
                if (questionnaires.isEmpty()) {
                    questionnaires.setAll(loaded.questionnaires());
                }
                if (pathway.get() == null && !loaded.pathways().isEmpty()) {
                    pathway.set(loaded.pathways().get(0));
                }
                loadChart();
            }
        }, failure -> message.set(FailureText.of(failure, texts, language)));
    }

    private Loaded load(UUID patient) {
        List<String> enrolled = enrollmentService.ofPatient(patient).stream()
                .sorted(Comparator.comparing(Enrollment::startDate).reversed())
                .map(e -> texts.text("followup.enrollment", enrollmentService.templateOf(e).title().in(language), DAY.format(e.startDate()),
                        new fr.relais.core.wording.StatusWords(language).enrollment(e.status()))).toList();
        List<Measure> all = measureService.ofPatient(patient, null);
        // Device measures held while telemonitoring consent is withdrawn: shown, marked, never judged.
        Set<UUID> held = measureService.heldIds(patient);
        // The value as clinicians write it: "37,2 °C", "132 mmHg", a score out of its maximum ("8/27"), never a UCUM code.
        fr.relais.core.wording.Quantities quantities = new fr.relais.core.wording.Quantities(language);
        List<String> latest = all.stream().sorted(Comparator.comparing(Measure::effectiveAt).reversed()).limit(12)
                .map(m -> texts.text("followup.measure", AT.format(m.effectiveAt()),
                        MeasureCatalog.find(m.code()).map(t -> t.name().in(language)).orElse(m.code()), quantities.of(m.value(), m.unit(), m.code()))
                        + (m.status() == fr.relais.core.measure.MeasureStatus.ENTERED_IN_ERROR ? " " + texts.text("followup.inError") : "")
                        + (m.preliminary() && m.status() == fr.relais.core.measure.MeasureStatus.FINAL ? " " + texts.text("followup.preliminary") : "")
                        + (held.contains(m.id()) ? " (" + texts.text("measure.held") + ")" : ""))
                .toList();
        Map<String, StoredTemplate> newest = new TreeMap<>();
        pathwayService.list().forEach(t -> newest.merge(t.template().id(), t, (a, b) -> a.template().version() >= b.template().version() ? a : b));
        List<Choice> choices = newest.values().stream().map(t -> new Choice(t.template().id(), t.template().title().in(language)))
                .sorted(Comparator.comparing(Choice::title)).toList();
        return new Loaded(enrolled, latest, choices, questionnaireService.list());
    }

    /** Records the measure typed in (now, entered by the nurse); says which alert it raised, if any. */
    public void recordMeasure() {
        UUID patient = patientId;
        MeasureType type = measureType.get();
        String typed = value.get() == null ? "" : value.get().trim().replace(',', '.');
        executor.submit(() -> {
            Set<UUID> before = alertQueries.list(true, patient).stream().map(Alert::id).collect(Collectors.toSet());
            Measure m = measureService.record(new NewMeasure(patient, type.code(), typed, type.unit(), null, MeasureSource.ENTERED));
            List<Alert> raised = alertQueries.list(true, patient).stream().filter(a -> !before.contains(a.id())).toList();
            return new Recorded(m, raised);
        }, recorded -> {
            value.set("");
            message.set(recorded.raised().isEmpty() ? texts.text("followup.recorded", type.name().in(language))
                    : texts.text("followup.alert", type.name().in(language),
                            explain(recorded.raised().get(0))));
            show(patient);
        }, failure -> message.set(FailureText.of(failure, texts, language)));
    }

    private record Recorded(Measure measure, List<Alert> raised) {
    }

    public void enroll() {
        UUID patient = patientId;
        Choice chosen = pathway.get();
        LocalDate from = start.get();
        if (chosen == null) {
            message.set(texts.text("export.needPathway"));
            return;
        }
        executor.submit(() -> {
            var e = enrollmentService.enroll(patient, chosen.id(), null, from);
            return texts.text("followup.enrolled", chosen.title(), DAY.format(e.startDate()), enrollmentService.tasksOf(e.id()).size());
        }, done -> {
            message.set(done);
            show(patient);
        }, failure -> message.set(FailureText.of(failure, texts, language)));
    }

    /** The questionnaires a nurse can read to the patient on the phone (loaded with the patient). */
    public ReadOnlyListProperty<fr.relais.core.questionnaire.Questionnaire> questionnairesProperty() {
        return questionnaires.getReadOnlyProperty();
    }

    /** A form for the questionnaire chosen, to be answered on the phone; null when none is chosen. */
    public QuestionnaireAnswers newAnswers() {
        return questionnaire.get() == null ? null : new QuestionnaireAnswers(questionnaire.get(), texts, language);
    }

    /**
     * Records a questionnaire answered on the phone ({@code values}: one per question, in order, null for one left
     * unanswered); says the score, its band and any alert it raised.
     */
    public void recordAnswers(List<Integer> values) {
        UUID patient = patientId;
        var q = questionnaire.get();
        if (q == null) {
            message.set(texts.text("followup.chooseQuestionnaire"));
            return;
        }
        executor.submit(() -> {
            Set<UUID> before = alertQueries.list(true, patient).stream().map(Alert::id).collect(Collectors.toSet());
            var answered = questionnaireService.answer(patient, q.id(), values, null);
            List<Alert> raised = alertQueries.list(true, patient).stream().filter(a -> !before.contains(a.id())).toList();
            String score = answered.result().score() == null ? texts.text("followup.noScore")
                    : texts.text("followup.score", texts.number(answered.result().score()),
                            answered.result().band() == null ? "" : answered.result().band().label().in(language));
            return raised.isEmpty() ? texts.text("followup.answered", q.id(), score)
                    : texts.text("followup.answeredAlert", q.id(), score, explain(raised.get(0)));
        }, done -> {
            message.set(done);
            show(patient);
        }, failure -> message.set(FailureText.of(failure, texts, language)));
    }

    public ObjectProperty<fr.relais.core.questionnaire.Questionnaire> questionnaireProperty() {
        return questionnaire;
    }

    /** Measure types a nurse enters by hand (scores come from questionnaires). */
    public List<MeasureType> measureTypes() {
        return MeasureCatalog.all().stream().filter(t -> !t.code().equals(MeasureCatalog.PHQ9_TOTAL) && !t.code().equals(MeasureCatalog.GAD7_TOTAL))
                .toList();
    }

    public ReadOnlyListProperty<String> enrollmentsProperty() {
        return enrollments.getReadOnlyProperty();
    }

    public ReadOnlyListProperty<String> measuresProperty() {
        return measures.getReadOnlyProperty();
    }

    public ReadOnlyListProperty<Choice> pathwaysProperty() {
        return pathways.getReadOnlyProperty();
    }

    public ObjectProperty<Choice> pathwayProperty() {
        return pathway;
    }

    public ObjectProperty<LocalDate> startProperty() {
        return start;
    }

    public ObjectProperty<MeasureType> measureTypeProperty() {
        return measureType;
    }

    public StringProperty valueProperty() {
        return value;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The alert just raised, as the sentence the alerts screen shows (one wording, in core). */
    private String explain(Alert alert) {
        return new fr.relais.core.wording.AlertWords(language).explanation(alert.explanation(), alert.level());
    }
}
