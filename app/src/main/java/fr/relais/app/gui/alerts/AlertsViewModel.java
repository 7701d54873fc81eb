package fr.relais.app.gui.alerts;

import fr.relais.app.gui.common.FailureText;
import fr.relais.app.gui.task.BackgroundExecutor;
import fr.relais.core.alert.Alert;
import fr.relais.core.rule.AlertLevel;
import fr.relais.core.alert.AlertDecisions;
import fr.relais.core.alert.AlertQueries;
import fr.relais.core.alert.Escalation;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.identity.PatientService;
import fr.relais.core.time.CareZone;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;

/**
 * Open alerts, suicide-risk answers first, then red, then oldest first, each explaining itself; the nurse acknowledges, resolves or dismisses with
 * a reason (required). Escalation to the physician happens by itself when nobody acts in time.
 */
public final class AlertsViewModel {
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("dd/MM HH:mm").withZone(CareZone.PARIS);

    /** The alert rule id of a significant answer to PHQ-9 item 9 (AnswerAlerts names them "answer:form:item"). */
    private static final String SUICIDE_ITEM = "answer:PHQ-9:9";
    /** Suicide-risk answers first, then by severity (red, then yellow), then the oldest first. */
    private static final java.util.Comparator<Alert> URGENT_FIRST = java.util.Comparator.comparing((Alert a) -> !suicideRisk(a))
            .thenComparing(a -> -a.level().ordinal()).thenComparing(Alert::openedAt);

    private final AlertQueries alerts;
    private final AlertDecisions decisions;
    private final Escalation escalation;
    private final fr.relais.app.gui.patients.CurrentPatient current;
    private final PatientService patients;
    private final BackgroundExecutor executor;
    private final Localization texts;
    private final Language language;
    private final Clock clock;
    private final ReadOnlyListWrapper<AlertRow> rows = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public AlertsViewModel(AlertQueries alerts, AlertDecisions decisions, Escalation escalation, PatientService patients,
                           BackgroundExecutor executor, Localization texts, Language language, Clock clock) {
        this(alerts, decisions, escalation, patients, executor, texts, language, clock, new fr.relais.app.gui.patients.CurrentPatient());
    }

    /** {@code current}: the window's current patient, which "Ouvrir le dossier" sets. */
    public AlertsViewModel(AlertQueries alerts, AlertDecisions decisions, Escalation escalation, PatientService patients,
                           BackgroundExecutor executor, Localization texts, Language language, Clock clock,
                           fr.relais.app.gui.patients.CurrentPatient current) {
        this.current = current;
        this.alerts = alerts;
        this.decisions = decisions;
        this.escalation = escalation;
        this.patients = patients;
        this.executor = executor;
        this.texts = texts;
        this.language = language;
        this.clock = clock;
    }

    public void refresh() {
        executor.submit(() -> {
            var now = clock.instant();
            Map<UUID, String> names = new HashMap<>();
            fr.relais.core.wording.AlertWords words = new fr.relais.core.wording.AlertWords(language);
            fr.relais.core.wording.Quantities quantities = new fr.relais.core.wording.Quantities(language);
            return alerts.list(true, null).stream().sorted(URGENT_FIRST).map(a -> new AlertRow(a.id(), a.patientId(),
                    a.level() == AlertLevel.RED, suicideRisk(a), levelOf(a), words.status(a.status()),
                    AT.format(a.openedAt()), age(Duration.between(a.openedAt(), now)),
                    names.computeIfAbsent(a.patientId(), id -> patients.get(id).displayName()), quantities.measureName(a.code()), explain(a))).toList();
        }, found -> {
            rows.setAll(found);
            long red = found.stream().filter(AlertRow::red).count();
            summary.set(texts.text("alerts.summary", found.size(), red));
        }, this::failed);
    }

    /** "Ouvrir le dossier": the alert's patient becomes the window's current patient (list, file and title follow). */
    public void openPatient(AlertRow row) {
        if (row != null) {
            current.open(row.patientId());
        }
    }

    /**
     * PHQ-9 item 9 ("thoughts that you would be better off dead, or of hurting yourself") answered above "not at all":
     * the one answer that calls for a same-day call whatever else is open (PHQ-9 instructions, Kroenke 2001).
     */
    static boolean suicideRisk(Alert a) {
        return SUICIDE_ITEM.equals(a.ruleId());
    }

    private String levelOf(Alert a) {
        String level = new fr.relais.core.wording.AlertWords(language).levelTitle(a.level());
        return suicideRisk(a) ? texts.text("alerts.level.suicideRisk", level) : level;
    }

    public enum Decision { ACKNOWLEDGE, RESOLVE, DISMISS, ESCALATE }

    public void decide(AlertRow row, Decision decision, String reason) {
        executor.submit(() -> switch (decision) {
            case ACKNOWLEDGE -> decisions.acknowledge(row.alertId(), reason);
            case RESOLVE -> decisions.resolve(row.alertId(), reason);
            case DISMISS -> decisions.dismiss(row.alertId(), reason);
            case ESCALATE -> escalation.escalate(row.alertId(), reason);
        }, done -> {
            // The patient named: the row has left the list or moved by the time the nurse reads the message.
            message.set(decision == Decision.ESCALATE ? texts.text("alerts.escalated", row.rule(), done.escalationStep(), row.patient())
                    : texts.text("alerts.decided", row.rule(), new fr.relais.core.wording.AlertWords(language).status(done.status()), row.patient()));
            refresh();
        }, this::failed);
    }

    private String explain(Alert a) {
        return new fr.relais.core.wording.AlertWords(language).explanation(a.explanation(), a.level());
    }

    private String age(Duration d) {
        return d.toHours() < 48 ? texts.text("alerts.ageHours", d.toHours()) : texts.text("alerts.ageDays", d.toDays());
    }

    private void failed(Throwable failure) {
        message.set(FailureText.of(failure, texts, language));
    }

    public ReadOnlyListProperty<AlertRow> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
