package fr.relais.app.gui.pathways;

import fr.relais.app.gui.common.FailureText;
import fr.relais.app.gui.task.BackgroundExecutor;
import fr.relais.core.error.DetailedBadInputException;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.pathway.PathwayTemplate;
import fr.relais.core.pathway.StoredTemplate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;

/**
 * The Pathways screen: the template library (every version), a template's steps and alert rules, and the import of a
 * template file whose validation errors are listed one per line with their JSON path.
 */
public final class PathwaysViewModel {
    private final PathwayLibrary library;
    private final BackgroundExecutor executor;
    private final Localization texts;
    private final Language language;
    private final fr.relais.app.gui.common.DesktopAccess access;

    private final ReadOnlyListWrapper<TemplateRow> templates = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyListWrapper<String> details = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyListWrapper<String> errors = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    /** {@code session}: the signed-in roles, which decide whether templates may be imported. */
    public PathwaysViewModel(PathwayLibrary library, fr.relais.core.session.UserSession session, BackgroundExecutor executor,
                             Localization texts, Language language) {
        this.library = library;
        this.executor = executor;
        this.texts = texts;
        this.language = language;
        this.access = new fr.relais.app.gui.common.DesktopAccess(session);
    }

    /** Whether the signed-in roles may import templates (the IDEC's, issue 23): the button is shown only then. */
    public boolean canImport() {
        return access.allows(fr.relais.app.gui.common.DesktopAccess.Action.IMPORT_TEMPLATE);
    }

    public void refresh() {
        executor.submit(() -> library.list().stream()
                .sorted(Comparator.comparing((StoredTemplate t) -> t.template().id()).thenComparing(t -> t.template().version()))
                .map(t -> new TemplateRow(t.template().id(), t.template().version(), t.template().title().in(language),
                        t.template().duration() == null ? "" : new fr.relais.core.wording.DurationWords(language).of(t.template().duration()), texts.text("pathways.origin." + t.origin().name())))
                .toList(), templates::setAll, failure -> message.set(FailureText.of(failure, texts, language)));
    }

    public void show(TemplateRow row) {
        if (row == null) {
            details.clear();
            return;
        }
        executor.submit(() -> describe(library.get(row.id(), row.version()).template()), details::setAll,
                failure -> message.set(FailureText.of(failure, texts, language)));
    }

    private List<String> describe(PathwayTemplate t) {
        List<String> lines = new ArrayList<>();
        lines.add(t.description() == null ? "" : t.description().in(language));
        lines.add(texts.text("pathways.steps", t.steps().size()));
        // Steps and rules in words ("tous les jours, sans fin", "alerte rouge sous 90 %"), never "null + P2D" or JSON.
        fr.relais.core.wording.StepWords steps = new fr.relais.core.wording.StepWords(language);
        fr.relais.core.wording.AlertWords rules = new fr.relais.core.wording.AlertWords(language);
        t.steps().forEach(s -> lines.add("  • " + steps.describe(s, t)));
        lines.add(texts.text("pathways.rules", t.alertRules().size()));
        t.alertRules().forEach(r -> lines.add("  • " + rules.rule(r)));
        return lines;
    }

    /** Reads and imports a template file; every validation problem is listed, and nothing is stored unless all is right. */
    public void importFile(Path file) {
        errors.clear();
        executor.submit(() -> {
                    access.require(fr.relais.app.gui.common.DesktopAccess.Action.IMPORT_TEMPLATE);
                    return library.importTemplate(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
                },
                result -> {
                    message.set(texts.text(result.created() ? "pathways.imported" : "pathways.alreadyThere", result.template().id(),
                            result.template().version()));
                    refresh();
                }, failure -> {
                    message.set(FailureText.of(failure, texts, language));
                    if (failure instanceof DetailedBadInputException detailed) {
                        errors.setAll(detailed.lines(language));
                    }
                });
    }

    public ReadOnlyListProperty<TemplateRow> templatesProperty() {
        return templates.getReadOnlyProperty();
    }

    public ReadOnlyListProperty<String> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public ReadOnlyListProperty<String> errorsProperty() {
        return errors.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
