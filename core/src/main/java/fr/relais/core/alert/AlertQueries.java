package fr.relais.core.alert;

import fr.relais.core.error.NotFoundException;
import fr.relais.core.rule.AlertLevel;
import fr.relais.core.session.Permission;
import fr.relais.core.session.UserSession;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** What is read about alerts: lists and histories for a reader, the measures behind them, episodes for the sync. */
public final class AlertQueries {
    private final AlertRepository alerts;
    private final UserSession session;

    public AlertQueries(AlertRepository alerts, UserSession session) {
        this.alerts = alerts;
        this.session = session;
    }

    public List<Alert> list(boolean openOnly, UUID patientId) {
        session.require(Permission.CLINICAL_READ);
        return alerts.list(openOnly, patientId);
    }

    public Alert get(UUID id) {
        return alerts.find(id).orElseThrow(() -> new NotFoundException("alert", NotFoundException.What.ALERT, id));
    }

    public Optional<Alert> find(UUID id) {
        return alerts.find(id);
    }

    public List<String> history(UUID id) {
        session.require(Permission.CLINICAL_READ);
        return alerts.history(id);
    }

    /** An alert's history as structured steps, for what a reader sees (a report writes them in words). */
    public List<AlertStep> steps(UUID id) {
        session.require(Permission.CLINICAL_READ);
        return alerts.steps(id);
    }

    /** The patient's measures that raised or support an alert (any status). */
    public Set<UUID> measuresBehindAlerts(UUID patientId) {
        return alerts.measuresBehindAlerts(patientId);
    }

    /** The highest level a measure raised or joined an alert at (its interpretation on the team server), if any. */
    public Optional<AlertLevel> levelOf(UUID measureId) {
        return alerts.levelsOfMeasure(measureId).stream().max(Comparator.naturalOrder());
    }

    /** The measures behind an alert (to name them as its evidence on the team server). */
    public List<UUID> evidence(UUID alertId) {
        return alerts.measuresOf(alertId);
    }

    /**
     * The open alert of the same rule, scope (enrollment, or patient for an answer alert) and direction (the bound its
     * explanation names crossed) as {@code incoming}, whatever its id.
     */
    public Optional<Alert> openEpisode(Alert incoming) {
        String direction = Crossing.directionOf(incoming.explanation());
        return incoming.enrollmentId() == null ? alerts.openForPatient(incoming.patientId(), incoming.ruleId(), direction)
                : alerts.openFor(incoming.enrollmentId(), incoming.ruleId(), direction);
    }
}
