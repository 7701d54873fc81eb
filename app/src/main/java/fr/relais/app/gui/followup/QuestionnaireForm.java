package fr.relais.app.gui.followup;

import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.questionnaire.Questionnaire;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * A questionnaire as a form: each question with its text and its answer words, the score and its band as the answers
 * come, an answer that matters on its own said at once, Enter to save (the default button), Escape to leave. Saving
 * is refused until the questions that matter for safety are answered.
 */
public final class QuestionnaireForm extends VBox {
    public QuestionnaireForm(QuestionnaireAnswers answers, Localization texts, Language language, Consumer<List<Integer>> save) {
        super(10);
        setId("questionnaire-form");
        setPadding(new Insets(12));
        setPrefWidth(760);
        Questionnaire q = answers.questionnaire();
        Label title = new Label(q.title().in(language));
        title.getStyleClass().add("section-title");
        title.setWrapText(true);
        VBox questions = new VBox(12);
        for (int i = 0; i < q.items().size(); i++) {
            Label text = new Label(texts.text("questionnaire.form.item", i + 1, q.items().get(i).text().in(language)));
            text.setWrapText(true);
            text.setId("questionnaire-item-" + (i + 1));
            ToggleGroup group = new ToggleGroup();
            FlowPane choices = new FlowPane(14, 4);
            for (Questionnaire.AnswerOption option : q.answers()) {
                RadioButton choice = new RadioButton(option.label().in(language));
                choice.setToggleGroup(group);
                choice.setUserData(option.value());
                choices.getChildren().add(choice);
            }
            var answer = answers.answer(i);
            group.selectedToggleProperty().addListener((obs, old, chosen) -> answer.set(chosen == null ? null : (Integer) chosen.getUserData()));
            questions.getChildren().add(new VBox(4, text, choices));
        }
        ScrollPane scroll = new ScrollPane(questions);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(440);
        Label score = new Label();
        score.setId("questionnaire-score");
        score.getStyleClass().add("section-title");
        score.textProperty().bind(answers.scoreText());
        Label significant = new Label();
        significant.setId("questionnaire-significant");
        significant.setWrapText(true);
        significant.getStyleClass().add("significant-answer");
        significant.textProperty().bind(answers.significantText());
        Button record = new Button(texts.text("followup.record"));
        record.setId("questionnaire-save");
        record.setDefaultButton(true);
        // The questions that matter for safety (PHQ-9 item 9) are never left unanswered.
        record.disableProperty().bind(answers.savable().not());
        record.setOnAction(e -> {
            save.accept(answers.values());
            close();
        });
        Button cancel = new Button(texts.text("questionnaire.form.cancel"));
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> close());
        getChildren().addAll(title, scroll, score, significant, new HBox(8, record, cancel));
    }

    /** The form's window closes; the outcome is said in the Suivi tab it was opened from. */
    private void close() {
        getScene().getWindow().hide();
    }
}
