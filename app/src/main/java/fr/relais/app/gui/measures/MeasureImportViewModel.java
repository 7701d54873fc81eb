package fr.relais.app.gui.measures;

import fr.relais.app.gui.common.FailureText;
import fr.relais.app.gui.task.BackgroundExecutor;
import fr.relais.core.measure.MeasureCsvImport;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.measure.ImportCancelledException;
import fr.relais.core.measure.ImportRejectedException;
import fr.relais.core.measure.ImportRowError;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;

/**
 * Importing a file of measures (CSV from a telemonitoring platform or a spreadsheet) from the desktop: every row is
 * checked before anything is written; a bad row refuses the file (or is skipped when asked) and is listed with its
 * line and reason; progress shows rows checked, then rows written batch by batch. A cancel while checking leaves the
 * store untouched; while writing, the batches already written stay (whole batches, their measures judged) and the
 * message says how many, so that importing the file again adds only the rest.
 */
public final class MeasureImportViewModel {
    private final MeasureCsvImport measureCsvImport;
    private final BackgroundExecutor executor;
    private final Localization texts;
    private final Language language;
    private final BooleanProperty skipBadRows = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyListWrapper<String> rowErrors = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final AtomicBoolean cancel = new AtomicBoolean();
    private Runnable onImported = () -> { };

    public MeasureImportViewModel(MeasureCsvImport measureCsvImport, BackgroundExecutor executor, Localization texts, Language language) {
        this.measureCsvImport = measureCsvImport;
        this.executor = executor;
        this.texts = texts;
        this.language = language;
    }

    /** Called once measures were written (the screens showing them refresh). */
    public void onImported(Runnable then) {
        this.onImported = then;
    }

    public void importFile(Path file) {
        if (file == null || running.get()) {
            return;
        }
        cancel.set(false);
        running.set(true);
        rowErrors.clear();
        message.set("");
        progress.set(texts.text("import.checking", 0));
        boolean skip = skipBadRows.get();
        executor.submit(() -> {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                return measureCsvImport.importCsv(file.getFileName().toString(), reader, skip,
                        rows -> executor.onUiThread(() -> progress.set(texts.text("import.checking", rows))),
                        rows -> executor.onUiThread(() -> progress.set(texts.text("import.writing", rows))), cancel::get);
            }
        }, report -> {
            running.set(false);
            progress.set("");
            rowErrors.setAll(lines(report.skipped()));
            message.set(texts.text("import.done", report.imported(), report.alreadyPresent(), report.skipped().size()));
            onImported.run();
        }, failure -> {
            running.set(false);
            progress.set("");
            if (failure instanceof ImportRejectedException rejected) {
                rowErrors.setAll(lines(rejected.rows()));
            }
            if (failure instanceof ImportCancelledException partly && partly.rowsDone() > 0) {
                // whole batches were written before the cancel: they stay (with their alerts) and the screens show them
                message.set(texts.text("import.cancelledPartly", partly.stored(), partly.rowsDone(), partly.rows()));
                onImported.run();
                return;
            }
            message.set(failure instanceof CancellationException ? texts.text("import.cancelled") : FailureText.of(failure, texts, language));
        });
    }

    private List<String> lines(List<ImportRowError> errors) {
        return errors.stream().map(e -> e.message(language)).toList();
    }

    public void cancel() {
        cancel.set(true);
    }

    public BooleanProperty skipBadRowsProperty() {
        return skipBadRows;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyListProperty<String> rowErrorsProperty() {
        return rowErrors.getReadOnlyProperty();
    }
}
