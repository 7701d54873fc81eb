package fr.relais.app.gui.history;

import fr.relais.app.gui.common.RowHighlight;
import fr.relais.app.gui.common.TextColumns;
import fr.relais.core.i18n.Localization;
import java.util.function.Function;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;

/** The patient file's "Parcours et historique" tab: timeline, scores, alert history and journal, read-only. */
public final class PatientHistoryTab extends Tab {

    public PatientHistoryTab(PatientHistoryViewModel model, Localization texts) {
        this(model, null, texts);
    }

    /** With the letters the hospitals sent ({@code letters}; none shown when null) under the hospital stays. */
    public PatientHistoryTab(PatientHistoryViewModel model, HospitalLettersViewModel letters, Localization texts) {
        super(texts.text("history.tab"));
        setClosable(false);
        setId("tab-history");
        Label summary = new Label();
        summary.setId("history-summary");
        summary.textProperty().bind(model.summaryProperty());

        TableView<PatientHistoryViewModel.TimelineRow> timeline = table("history-timeline", model.timelineProperty(), texts, 220);
        column(timeline, texts, "history.col.state", PatientHistoryViewModel.TimelineRow::stateLabel, 80);
        timeline.getColumns().add(TextColumns.fixed(texts.text("history.col.due"), PatientHistoryViewModel.TimelineRow::due, 135));
        column(timeline, texts, "history.col.step", PatientHistoryViewModel.TimelineRow::step, 180);
        column(timeline, texts, "history.col.pathway", PatientHistoryViewModel.TimelineRow::pathway, 150);
        column(timeline, texts, "history.col.note", PatientHistoryViewModel.TimelineRow::note, 150);
        RowHighlight.apply(timeline, "overdue", r -> r.state().equals("OVERDUE"));

        TableView<PatientHistoryViewModel.ScoreRow> scores = table("history-scores", model.scoresProperty(), texts, 120);
        column(scores, texts, "history.col.questionnaire", PatientHistoryViewModel.ScoreRow::questionnaire, 220);
        scores.getColumns().add(TextColumns.fixed(texts.text("history.col.answeredAt"), PatientHistoryViewModel.ScoreRow::answeredAt, 135));
        column(scores, texts, "history.col.score", PatientHistoryViewModel.ScoreRow::score, 60);
        column(scores, texts, "history.col.band", PatientHistoryViewModel.ScoreRow::band, 200);

        // An alert's explanation wraps onto several lines: room for a whole row and the start of the next.
        TableView<PatientHistoryViewModel.AlertHistoryRow> alerts = table("history-alerts", model.alertsProperty(), texts, 220);
        alerts.getColumns().add(TextColumns.fixed(texts.text("history.col.opened"), PatientHistoryViewModel.AlertHistoryRow::openedAt, 135));
        column(alerts, texts, "history.col.level", PatientHistoryViewModel.AlertHistoryRow::level, 60);
        column(alerts, texts, "history.col.rule", PatientHistoryViewModel.AlertHistoryRow::rule, 360);
        column(alerts, texts, "history.col.status", PatientHistoryViewModel.AlertHistoryRow::status, 100);
        column(alerts, texts, "history.col.decision", PatientHistoryViewModel.AlertHistoryRow::decision, 260);

        TableView<PatientHistoryViewModel.JournalRow> journal = table("history-journal", model.journalProperty(), texts, 140);
        journal.getColumns().add(TextColumns.fixed(texts.text("history.col.at"), PatientHistoryViewModel.JournalRow::at, 135));
        column(journal, texts, "history.col.who", PatientHistoryViewModel.JournalRow::who, 90);
        column(journal, texts, "history.col.subject", PatientHistoryViewModel.JournalRow::subject, 180);
        column(journal, texts, "history.col.text", PatientHistoryViewModel.JournalRow::text, 300);

        TableView<PatientHistoryViewModel.HospitalRow> hospital = table("history-hospital", model.hospitalProperty(), texts, 120);
        column(hospital, texts, "hospital.col.event", PatientHistoryViewModel.HospitalRow::event, 600);

        VBox content = new VBox(8, summary, title(texts, "history.timeline"), timeline, title(texts, "history.scores"), scores,
                title(texts, "history.alerts"), alerts, title(texts, "hospital.history"), hospital);
        if (letters != null) {
            content.getChildren().addAll(title(texts, "hospital.letters"), lettersSection(letters, texts));
        }
        content.getChildren().addAll(title(texts, "history.journal"), journal);
        content.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        setContent(scroll);
    }

    /** The hospital's letters: title, facility, day; "Ouvrir le courrier" (or double-click, Enter) opens the one selected. */
    private static VBox lettersSection(HospitalLettersViewModel letters, Localization texts) {
        TableView<HospitalLettersViewModel.LetterRow> table = table("history-hospital-letters", letters.lettersProperty(), texts, 110);
        table.setPlaceholder(new Label(texts.text("hospital.letters.empty")));
        column(table, texts, "hospital.letters.col.title", HospitalLettersViewModel.LetterRow::title, 260);
        column(table, texts, "hospital.letters.col.from", HospitalLettersViewModel.LetterRow::from, 240);
        table.getColumns().add(TextColumns.fixed(texts.text("hospital.letters.col.day"), HospitalLettersViewModel.LetterRow::day, 100));
        javafx.scene.control.Button open = new javafx.scene.control.Button(texts.text("hospital.letters.open"));
        open.setId("history-letter-open");
        open.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> letters.open(table.getSelectionModel().getSelectedItem()));
        fr.relais.app.gui.common.RowActivation.opens(table, open);
        Label status = new Label();
        status.setId("history-letter-status");
        status.textProperty().bind(letters.statusProperty());
        return new VBox(4, table, new javafx.scene.layout.HBox(8, open, status));
    }

    private static <R> TableView<R> table(String id, ObservableList<R> rows, Localization texts, double height) {
        TableView<R> table = new TableView<>(rows);
        table.setId(id);
        table.setPrefHeight(height);
        table.setPlaceholder(new Label(texts.text("history.empty")));
        TextColumns.fitToWidth(table);
        return table;
    }

    private static <R> void column(TableView<R> table, Localization texts, String key, Function<R, String> value, double width) {
        table.getColumns().add(TextColumns.of(texts.text(key), value, width));
    }

    private static Label title(Localization texts, String key) {
        Label label = new Label(texts.text(key));
        label.getStyleClass().add("section-title");
        return label;
    }
}
