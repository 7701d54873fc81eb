package fr.relais.app.gui.export;

import fr.relais.app.gui.common.DesktopAccess;
import fr.relais.app.gui.common.FailureText;
import fr.relais.app.gui.task.BackgroundExecutor;
import fr.relais.core.careteam.CareRole;
import java.util.function.Function;
import fr.relais.core.report.CohortReportService;
import fr.relais.core.report.HandoffService;
import fr.relais.core.report.PatientReportService;
import fr.relais.core.pathway.PathwayService;
import fr.relais.core.careteam.CareTeamService;
import java.time.Clock;
import fr.relais.core.session.UserSession;
import fr.relais.core.messaging.MessageStatus;
import fr.relais.sync.mssante.MssanteService;
import fr.relais.sync.mssante.MssanteSettings;
import java.util.function.Supplier;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.pathway.StoredTemplate;
import fr.relais.core.report.CohortQuery;
import fr.relais.core.report.CohortReport;
import fr.relais.core.report.CohortReportWriter;
import fr.relais.core.report.PatientReportData;
import fr.relais.core.time.CareZone;
import fr.relais.sync.fhir.PatientRecordExport;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;

/**
 * The export dialog: a patient's pathway report (PDF) or whole record (FHIR), or a cohort report (PDF, CSV, JSON) for
 * a pathway and a period. Runs on the background executor with progress and cancel; when the file is written it can
 * be opened with the system's viewer.
 */
public final class ExportViewModel {
    private final Exports exports;
    private final BackgroundExecutor executor;
    private final Localization texts;
    private final Language language;
    private final Path folder;
    private final Consumer<Path> opener;
    private final Supplier<MssanteSettings> mssante;

    private final ObjectProperty<ExportKind> kind = new SimpleObjectProperty<>(ExportKind.COHORT_PDF);
    private final ReadOnlyObjectWrapper<UUID> patient = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper patientName = new ReadOnlyStringWrapper("");
    private final ReadOnlyListWrapper<PathwayChoice> pathways = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ObjectProperty<PathwayChoice> pathway = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final BooleanProperty withIdentity = new SimpleBooleanProperty(false);
    private final StringProperty target = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Path> written = new ReadOnlyObjectWrapper<>();
    private final StringProperty recipient = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper sending = new ReadOnlyBooleanWrapper(false);
    private final AtomicBoolean cancel = new AtomicBoolean();

    private final Supplier<fr.relais.sync.fhir.IppNamespace> ipp;
    private final DesktopAccess access;

    /**
     * What the exports read and write, given by the composition root: the user and the care-zone day, the cercle de
     * soins (the default MSSanté recipient), the pathways, the reports, and MSSanté built with the settings read when a
     * report is sent.
     */
    public record Exports(UserSession session, Clock clock, CareTeamService careTeam,
                          PathwayService pathways, PatientReportService reports,
                          PatientRecordExport recordExport, HandoffService handoffs,
                          CohortReportService cohorts, Function<MssanteSettings, MssanteService> mssante) {
    }

    /**
     * {@code folder}: where files are suggested; {@code opener}: shows a written file (the desktop's viewer);
     * {@code mssante}: the secure messaging configuration, read when a report is sent (it refuses, with the reason,
     * when none is configured); {@code ipp}: the organisation's IPP namespace, read when a record is exported (null:
     * not configured, the FHIR export is refused with the setting to fill in).
     */
    public ExportViewModel(Exports exports, BackgroundExecutor executor, Localization texts, Language language, Path folder,
                           Consumer<Path> opener, Supplier<MssanteSettings> mssante, Supplier<fr.relais.sync.fhir.IppNamespace> ipp) {
        this.ipp = ipp;
        this.exports = exports;
        this.executor = executor;
        this.texts = texts;
        this.language = language;
        this.folder = folder;
        this.opener = opener;
        this.mssante = mssante;
        this.access = new DesktopAccess(exports.session());
        LocalDate today = LocalDate.now(exports.clock().withZone(CareZone.PARIS));
        to.set(today);
        from.set(today.minusMonths(3));
        kind.addListener((obs, old, k) -> suggest());
        pathway.addListener((obs, old, p) -> suggest());
        from.addListener((obs, old, d) -> suggest());
        to.addListener((obs, old, d) -> suggest());
        suggest();
    }

    /** Presets a per-patient export (from the patient file). */
    public void forPatient(UUID id, String name, ExportKind exportKind) {
        if (!exportKind.perPatient()) {
            throw new IllegalArgumentException(exportKind + " is not a patient export");
        }
        patient.set(id);
        patientName.set(name);
        kind.set(exportKind);
        suggest();
        // The attending physician's MSSanté address, when the cercle de soins has one, as the default recipient.
        executor.submit(() -> exports.careTeam().teamOf(id).stream()
                        .filter(m -> m.role() == CareRole.MEDECIN_TRAITANT && m.endDate() == null && m.professional().mssanteAddress() != null)
                        .map(m -> m.professional().mssanteAddress()).findFirst().orElse(""),
                address -> {
                    if (recipient.get().isBlank()) {
                        recipient.set(address);
                    }
                }, failure -> message.set(FailureText.of(failure, texts, language)));
    }

    /** Sends the written patient report through MSSanté; the message is recorded first, so a failure can be retried. */
    public void sendByMssante() {
        Path file = written.get();
        UUID id = patient.get();
        if (file == null || id == null || !kind.get().sendable() || sending.get()) {
            return;
        }
        String to = recipient.get() == null ? "" : recipient.get().trim();
        sending.set(true);
        message.set(texts.text("export.mssante.sending", to));
        executor.submit(() -> {
                    access.require(DesktopAccess.Action.SEND_BY_MSSANTE);
                    return exports.mssante().apply(mssante.get()).send(id, to, texts.text("export.label." + kind.get().name()),
                            file.getFileName().toString(), java.nio.file.Files.readAllBytes(file));
                }, sent -> {
                    sending.set(false);
                    message.set(sent.status() == MessageStatus.SENT ? texts.text("export.mssante.sent", sent.recipient())
                            : texts.text("export.mssante.failed", sent.recipient(), sent.lastError()));
                }, failure -> {
                    sending.set(false);
                    message.set(FailureText.of(failure, texts, language));
                });
    }

    /** Loads the pathways a cohort report can be asked for (latest version of each). */
    public void loadPathways() {
        executor.submit(() -> {
            Map<String, StoredTemplate> latest = new TreeMap<>();
            for (StoredTemplate t : exports.pathways().list()) {
                latest.merge(t.template().id(), t, (a, b) -> a.template().version() >= b.template().version() ? a : b);
            }
            return latest.values().stream().map(t -> new PathwayChoice(t.template().id(), t.template().title().in(language)))
                    .sorted(Comparator.comparing(PathwayChoice::title)).toList();
        }, choices -> {
            pathways.setAll(choices);
            if (pathway.get() == null && !choices.isEmpty()) {
                pathway.set(choices.get(0));
            }
        }, failure -> message.set(FailureText.of(failure, texts, language)));
    }

    public void export() {
        if (running.get()) {
            return;
        }
        String file = target.get() == null ? "" : target.get().trim();
        ExportKind k = kind.get();
        if (file.isEmpty()) {
            message.set(texts.text("export.needFile"));
            return;
        }
        if (k.perPatient() ? patient.get() == null : pathway.get() == null) {
            message.set(texts.text(k.perPatient() ? "export.needPatient" : "export.needPathway"));
            return;
        }
        ExportJob<?> job;
        try {
            job = job(k);
        } catch (RuntimeException refused) {
            message.set(FailureText.of(refused, texts, language));
            return;
        }
        cancel.set(false);
        written.set(null);
        running.set(true);
        progress.set(-1); // indeterminate until the first phase reports
        message.set(texts.text("export.phase.GATHERING"));
        executor.submit(() -> job.run(Path.of(file), cancel::get, phase -> executor.onUiThread(() -> phase(phase))), path -> {
            running.set(false);
            written.set(path);
            message.set(texts.text("export.done", path.toString()));
        }, failure -> {
            running.set(false);
            progress.set(0);
            message.set(failure instanceof CancellationException ? texts.text("export.cancelled") : FailureText.of(failure, texts, language));
        });
    }

    public void cancel() {
        cancel.set(true);
    }

    /** Opens the written file with the system's viewer. */
    public void openWritten() {
        if (written.get() != null) {
            opener.accept(written.get());
        }
    }

    private ExportJob<?> job(ExportKind k) {
        access.require(action(k));
        if (!k.perPatient() && withIdentity.get()) {
            access.require(DesktopAccess.Action.COHORT_WITH_IDENTITY);
        }
        UUID id = patient.get();
        switch (k) {
            case PATIENT_REPORT_PDF:
                return new ExportJob<PatientReportData>(() -> exports.reports().gather(id), (data, out) -> exports.reports().render(data, language, out));
            case PATIENT_RECORD_FHIR:
                return new ExportJob<>(() -> exports.recordExport().export(id, ipp.get()), (bundle, out) -> exports.recordExport().write(bundle, out));
            case HANDOFF_PDF:
                return new ExportJob<UUID>(() -> id, (patientId, out) -> exports.handoffs().write(patientId, language, out));
            default:
                // Built here, on the FX thread, so that a wrong period is refused before anything runs.
                CohortQuery query = new CohortQuery(pathway.get().id(), from.get(), to.get(), withIdentity.get());
                return new ExportJob<CohortReport>(() -> exports.cohorts().compute(query), (report, out) -> {
                    switch (k) {
                        case COHORT_CSV -> CohortReportWriter.csv(report, language, out);
                        case COHORT_JSON -> CohortReportWriter.json(report, out);
                        default -> CohortReportWriter.pdf(report, language, exports.session().actor().displayName(), out);
                    }
                });
        }
    }

    private void phase(ExportJob.Phase phase) {
        progress.set(phase == ExportJob.Phase.GATHERING ? 0.2 : phase == ExportJob.Phase.WRITING ? 0.6 : 1.0);
        if (phase != ExportJob.Phase.DONE) {
            message.set(texts.text("export.phase." + phase.name()));
        }
    }

    private void suggest() {
        ExportKind k = kind.get();
        String name;
        if (k.perPatient()) {
            String who = fileSafe(patientName.get());
            name = (k == ExportKind.PATIENT_REPORT_PDF ? "rapport-parcours-" : k == ExportKind.HANDOFF_PDF ? "fiche-liaison-" : "dossier-fhir-")
                    + who + "-" + to.get();
        } else {
            name = "cohorte-" + (pathway.get() == null ? "" : pathway.get().id()) + "-" + from.get() + "-" + to.get();
        }
        target.set(folder.resolve(name + "." + k.extension()).toString());
    }

    /** A name that every file system and mail client accepts: ASCII letters, digits and dashes. */
    static String fileSafe(String text) {
        String ascii = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("(^-|-$)", "").toLowerCase(Locale.ROOT);
    }

    /** A pathway offered for a cohort report. */
    public record PathwayChoice(String id, String title) {
        @Override
        public String toString() {
            return title;
        }
    }

    public StringProperty recipientProperty() {
        return recipient;
    }

    public ReadOnlyBooleanProperty sendingProperty() {
        return sending.getReadOnlyProperty();
    }

    public ObjectProperty<ExportKind> kindProperty() {
        return kind;
    }

    public ReadOnlyObjectProperty<UUID> patientProperty() {
        return patient.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty patientNameProperty() {
        return patientName.getReadOnlyProperty();
    }

    public ReadOnlyListProperty<PathwayChoice> pathwaysProperty() {
        return pathways.getReadOnlyProperty();
    }

    public ObjectProperty<PathwayChoice> pathwayProperty() {
        return pathway;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public BooleanProperty withIdentityProperty() {
        return withIdentity;
    }

    public StringProperty targetProperty() {
        return target;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** 0..1, or -1 while the length of the work is unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The file written by the last export, or null. */
    public ReadOnlyObjectProperty<Path> writtenProperty() {
        return written.getReadOnlyProperty();
    }

    /** The choices of the kind selector for this dialog: per patient, or cohort formats, those the roles allow. */
    public List<ExportKind> kinds() {
        return java.util.Arrays.stream(ExportKind.values()).filter(k -> k.perPatient() == (patient.get() != null))
                .filter(k -> access.allows(action(k))).toList();
    }

    /** Whether a cohort may carry names and INS (clinical and identity rights, issue 23): the box is shown only then. */
    public boolean identityAllowed() {
        return access.allows(DesktopAccess.Action.COHORT_WITH_IDENTITY);
    }

    /** Whether the written report may be sent by MSSanté. */
    public boolean sendingAllowed() {
        return access.allows(DesktopAccess.Action.SEND_BY_MSSANTE);
    }

    private static DesktopAccess.Action action(ExportKind k) {
        return switch (k) {
            case PATIENT_REPORT_PDF -> DesktopAccess.Action.PATIENT_REPORT;
            case PATIENT_RECORD_FHIR -> DesktopAccess.Action.PATIENT_RECORD;
            case HANDOFF_PDF -> DesktopAccess.Action.HANDOFF;
            case COHORT_PDF, COHORT_CSV, COHORT_JSON -> DesktopAccess.Action.COHORT;
        };
    }
}
