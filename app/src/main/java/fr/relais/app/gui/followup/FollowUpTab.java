package fr.relais.app.gui.followup;

import fr.relais.app.gui.common.ChoiceWords;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.measure.MeasureType;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The "Suivi" tab of the patient file: pathways and enrollment, latest measures and entering one. */
public final class FollowUpTab extends Tab {

    public FollowUpTab(FollowUpViewModel model, Localization texts, Language language) {
        super(texts.text("followup.tab"));
        setClosable(false);
        setId("tab-follow-up");
        Label pathwaysTitle = new Label(texts.text("followup.pathways"));
        pathwaysTitle.getStyleClass().add("section-title");
        ListView<String> enrollments = fr.relais.app.gui.common.WrappedLines.of(new ListView<>(model.enrollmentsProperty()));
        enrollments.setId("followup-enrollments");
        enrollments.setPrefHeight(60);
        enrollments.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // never squeezed below a row by the lists under it
        enrollments.setPlaceholder(new Label(texts.text("followup.noEnrollment")));
        ComboBox<FollowUpViewModel.Choice> pathway = new ComboBox<>(model.pathwaysProperty());
        pathway.setId("followup-pathway");
        pathway.valueProperty().bindBidirectional(model.pathwayProperty());
        pathway.setPrefWidth(330);
        pathway.setMaxWidth(330);
        DatePicker start = new DatePicker();
        start.setId("followup-start");
        start.valueProperty().bindBidirectional(model.startProperty());
        start.setPrefWidth(150); // the whole date, its calendar button beside it
        Button enroll = new Button(texts.text("followup.enroll"));
        enroll.setId("followup-enroll");
        enroll.setOnAction(e -> model.enroll());

        Label measuresTitle = new Label(texts.text("followup.measures"));
        measuresTitle.getStyleClass().add("section-title");
        ComboBox<MeasureType> type = new ComboBox<>();
        type.setId("followup-measure-type");
        type.getItems().setAll(model.measureTypes());
        type.valueProperty().bindBidirectional(model.measureTypeProperty());
        type.setPrefWidth(230);
        type.setMaxWidth(230);
        type.setConverter(ChoiceWords.of(t -> {
            // The unit as clinicians write it (mmHg, °C, /10), never the UCUM code (mm[Hg], Cel, {score}).
            String unit = new fr.relais.core.wording.Quantities(language).unit(t.unit());
            return unit.isEmpty() ? t.name().in(language) : t.name().in(language) + " (" + unit + ")";
        }));
        TextField value = new TextField();
        value.setId("followup-measure-value");
        value.setPromptText(texts.text("followup.valuePrompt"));
        value.setPrefWidth(90);
        value.textProperty().bindBidirectional(model.valueProperty());
        Button record = new Button(texts.text("followup.record"));
        record.setId("followup-record");
        record.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        record.disableProperty().bind(model.valueProperty().isEmpty());
        record.setOnAction(e -> model.recordMeasure());
        value.setOnAction(e -> model.recordMeasure());
        ListView<String> measures = fr.relais.app.gui.common.WrappedLines.of(new ListView<>(model.measuresProperty()));
        measures.setId("followup-measures");
        // At 1366x768 the list showed 2 rows: it keeps room for three, the chart gives up height first.
        measures.setPrefHeight(150);
        measures.setMinHeight(120);
        measures.setPlaceholder(new Label(texts.text("followup.noMeasure")));
        Label message = new Label();
        message.setId("followup-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());

        ComboBox<Integer> period = new ComboBox<>();
        period.setId("followup-period");
        period.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        period.getItems().setAll(7, 30, 90, 365);
        period.valueProperty().bindBidirectional(model.chartDaysProperty());
        period.setConverter(ChoiceWords.of(days -> texts.text("followup.lastDays", days)));
        MeasureChartView chart = new MeasureChartView(texts);
        chart.setId("followup-chart");
        model.chartProperty().addListener((obs, old, c) -> chart.show(c));
        ComboBox<fr.relais.core.questionnaire.Questionnaire> questionnaire = new ComboBox<>(model.questionnairesProperty());
        questionnaire.setId("followup-questionnaire");
        questionnaire.valueProperty().bindBidirectional(model.questionnaireProperty());
        questionnaire.setPrefWidth(360);
        questionnaire.setConverter(ChoiceWords.of(q -> texts.text("followup.questionnaireChoice", q.title().in(language),
                q.items().size())));
        questionnaire.setPromptText(texts.text("followup.questionnairePrompt"));
        // The questionnaire as a form: its questions, their answer words and the score as it comes (issue 25).
        Button answer = new Button(texts.text("followup.answerQuestionnaire"));
        answer.setId("followup-answer");
        answer.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        answer.disableProperty().bind(model.questionnaireProperty().isNull());
        answer.setOnAction(e -> {
            QuestionnaireAnswers form = model.newAnswers();
            fr.relais.app.gui.common.ModalWindow.show(answer.getScene().getWindow(), form.questionnaire().title().in(language),
                    new QuestionnaireForm(form, texts, language, model::recordAnswers), () -> { });
        });
        VBox.setVgrow(chart, javafx.scene.layout.Priority.ALWAYS);
        VBox content = new VBox(6, pathwaysTitle, enrollments, new javafx.scene.layout.FlowPane(8, 8, pathway, start, enroll), measuresTitle,
                new javafx.scene.layout.FlowPane(8, 8, type, value, record, period), chart, measures, new HBox(8, questionnaire, answer), message);
        content.setPadding(new Insets(8));
        // Fitted to the tab while it fits (the chart shrinks first); below the lists' and chart's least heights the tab
        // scrolls, so the questionnaire row under the list is never cut off on a laptop screen.
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        setContent(scroll);
    }
}
