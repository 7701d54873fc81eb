package fr.relais.core.alert;

import fr.relais.core.error.BadInputException;
import fr.relais.core.error.NotFoundException;
import fr.relais.core.replication.Outbox;
import fr.relais.core.replication.RecordKind;
import fr.relais.core.session.Permission;
import fr.relais.core.session.UserSession;
import fr.relais.core.store.Database;
import java.time.Clock;
import java.util.UUID;

/** A person acknowledges, resolves or dismisses an open alert, always with a reason; the decision travels to the team. */
public final class AlertDecisions {
    private final Database database;
    private final AlertRepository alerts;
    private final AlertChanges changes;
    private final Outbox outbox;
    private final UserSession session;
    private final Clock clock;

    public AlertDecisions(Database database, AlertRepository alerts, AlertChanges changes, Outbox outbox, UserSession session,
                          Clock clock) {
        this.database = database;
        this.alerts = alerts;
        this.changes = changes;
        this.outbox = outbox;
        this.session = session;
        this.clock = clock;
    }

    public Alert acknowledge(UUID id, String reason) {
        session.require(Permission.CLINICAL_WRITE);
        return decide(id, AlertStatus.ACKNOWLEDGED, reason);
    }

    public Alert resolve(UUID id, String reason) {
        session.require(Permission.CLINICAL_WRITE);
        return decide(id, AlertStatus.RESOLVED, reason);
    }

    public Alert dismiss(UUID id, String reason) {
        session.require(Permission.CLINICAL_WRITE);
        return decide(id, AlertStatus.DISMISSED, reason);
    }

    private Alert decide(UUID id, AlertStatus to, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new BadInputException("reason", "reason.missing");
        }
        return database.inTransaction(() -> {
            Alert alert = alerts.find(id).orElseThrow(() -> new NotFoundException("alert", NotFoundException.What.ALERT, id));
            boolean allowed = alert.status().isOpen() && alert.status() != to;
            if (!allowed) {
                throw new BadInputException("alert " + id, "alert.transition", alert.status().name(), to.name());
            }
            Alert changed = changes.change(alert, to, alert.level(), session.actor().userId(), reason, clock.instant());
            outbox.record(RecordKind.ALERT, alert.id());
            return changed;
        });
    }
}
