package fr.relais.sync.engine;

import fr.relais.core.session.UserSession;
import fr.relais.core.identity.PatientService;
import fr.relais.core.pathway.EnrollmentService;
import fr.relais.core.alert.Alert;
import fr.relais.core.alert.AlertQueries;
import fr.relais.core.alert.SyncedAlerts;
import fr.relais.core.alert.AlertStatus;
import fr.relais.core.replication.Conflict;
import fr.relais.core.replication.SyncLink;
import fr.relais.sync.fhir.AlertCommunication;
import fr.relais.sync.fhir.DetectedIssueMapper;
import fr.relais.sync.fhir.ObservationMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.Resource;

/**
 * Alerts as DetectedIssues, so that a decision taken on one laptop is seen on the others. Every workstation raises its
 * own alerts from the shared measures, under the same ids ({@link Alert#episodeId}); only a person's decision (or an
 * escalation) is pushed, with a Communication that carries it to the team. On pull the status merges by the lifecycle
 * (open < acknowledged < resolved, dismissed or withdrawn): a closed alert is never reopened by an older view, and its
 * review tasks close here too. Two different closings made since the last common version (resolved here, dismissed
 * there) go to the conflict inbox; level and escalation take the higher side.
 */
final class AlertSync implements RecordSync<DetectedIssue> {
    private final MergeDesk desk;
    private final UserSession session;
    private final PatientService patients;
    private final EnrollmentService enrollments;
    private final AlertQueries alerts;
    /** Where an alert or decision received is applied (tasks opened, settled or re-planned). */
    private final SyncedAlerts synced;

    AlertSync(MergeDesk desk, UserSession session, PatientService patients, EnrollmentService enrollments, AlertQueries alerts,
              SyncedAlerts synced) {
        this.desk = desk;
        this.session = session;
        this.patients = patients;
        this.enrollments = enrollments;
        this.alerts = alerts;
        this.synced = synced;
    }

    @Override
    public String recordType() {
        return fr.relais.core.replication.RecordKind.ALERT;
    }

    @Override
    public Class<DetectedIssue> resourceClass() {
        return DetectedIssue.class;
    }

    /** Every workstation raises the same alert under the same id. */
    @Override
    public boolean sharedIds() {
        return true;
    }

    /**
     * The local alert of the same id, else the open alert of the same rule and scope here (raised from another first
     * measure because the measures arrived in another order): one episode, one alert.
     */
    @Override
    public UUID localIdFor(DetectedIssue remote) {
        UUID byId = ObservationMapper.localId(remote.getIdElement().getIdPart());
        if (alerts.find(byId).isPresent()) {
            return byId;
        }
        try {
            Alert incoming = DetectedIssueMapper.toLocal(remote, byId, "DetectedIssue").alert();
            return alerts.openEpisode(incoming).map(Alert::id).orElse(byId);
        } catch (fr.relais.core.error.BadInputException unreadable) {
            return byId; // apply() reports it
        }
    }

    @Override
    public UUID patientOf(UUID localId) {
        return alerts.find(localId).map(Alert::patientId).orElse(null);
    }

    @Override
    public Outcome apply(DetectedIssue remote, UUID localId, Optional<SyncLink> link, String origin) {
        DetectedIssueMapper.Received received = DetectedIssueMapper.toLocal(remote, localId, origin);
        Alert incoming = received.alert();
        Optional<Alert> local = alerts.find(localId);
        if (local.isEmpty()) {
            boolean known = patients.find(incoming.patientId()).isPresent()
                    && (incoming.enrollmentId() == null || enrollments.find(incoming.enrollmentId()).isPresent());
            if (!known) {
                return Outcome.UNCHANGED; // another team's patient, or a pathway this workstation does not hold
            }
            synced.applySynced(incoming, received.evidence(), origin);
            return Outcome.CREATED;
        }
        Alert mine = local.get();
        AlertStatus base = base(link).map(r -> DetectedIssueMapper.toLocal(r, localId, "base").alert().status()).orElse(AlertStatus.OPEN);
        Alert merged = merge(mine, incoming, base);
        boolean conflict = rank(mine.status()) == 2 && rank(incoming.status()) == 2 && mine.status() != incoming.status()
                && mine.status() != base && incoming.status() != base;
        if (conflict) {
            desk.openConflict(recordType(), localId, "status", base.name(), mine.status().name(), incoming.status().name(),
                    remote.getMeta().getVersionId());
        }
        boolean changedHere = !merged.equals(mine);
        if (changedHere) {
            synced.applySynced(merged, received.evidence(), origin);
        }
        // A decision, level or escalation the server lacks goes back with the next push.
        boolean serverBehind = merged.status() != incoming.status() || merged.level() != incoming.level()
                || merged.escalationStep() != incoming.escalationStep() || openedEarlier(merged, incoming);
        if (serverBehind) {
            desk.pushBack(recordType(), localId);
        }
        if (conflict) {
            return Outcome.CONFLICT;
        }
        return !changedHere ? Outcome.UNCHANGED : serverBehind ? Outcome.MERGED : Outcome.UPDATED;
    }

    /**
     * The later status by the lifecycle, with who decided and why; at the same stage, the side that changed since the
     * base; when both sides closed it differently, the local closing stays (the conflict inbox shows the other). The
     * higher level and escalation step win. The earlier opening wins: an alert both sides raised (the same id, from the
     * same shared measures) was first raised when the earlier side raised it, and its deadlines count from then.
     */
    static Alert merge(Alert mine, Alert theirs, AlertStatus base) {
        boolean theirsLater = rank(theirs.status()) > rank(mine.status())
                || rank(theirs.status()) == rank(mine.status()) && mine.status() == base && theirs.status() != base;
        Alert decided = theirsLater ? theirs : mine;
        Alert escalated = theirs.escalationStep() > mine.escalationStep() ? theirs : mine;
        return mine.decided(decided.status(), mine.level().compareTo(theirs.level()) >= 0 ? mine.level() : theirs.level(),
                decided.statusBy(), decided.statusReason(), decided == mine ? mine.updatedAt() : theirs.updatedAt(),
                escalated.escalationStep(), escalated.escalatedAt()).openedNoLaterThan(firstRaising(mine, theirs));
    }

    /**
     * Their opening when it is really earlier: the server keeps milliseconds, so this workstation's own alert coming
     * back is a hair "earlier" than the stored one and must not count as another raising (nor re-plan its review).
     */
    private static java.time.Instant firstRaising(Alert mine, Alert theirs) {
        if (theirs.openedAt() == null || mine.openedAt() == null) {
            return theirs.openedAt();
        }
        return theirs.openedAt().isBefore(mine.openedAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)) ? theirs.openedAt() : null;
    }

    /**
     * Whether this workstation judged the alert's measure before the side the server heard from: its earlier opening
     * goes back, so that every laptop ends with the first judgement (the server keeps milliseconds: a hair of
     * difference is the same opening).
     */
    private static boolean openedEarlier(Alert mine, Alert theirs) {
        return mine.openedAt() != null && theirs.openedAt() != null
                && mine.openedAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).isBefore(theirs.openedAt());
    }

    private static int rank(AlertStatus status) {
        return status == AlertStatus.OPEN ? 0 : status == AlertStatus.ACKNOWLEDGED ? 1 : 2;
    }

    @Override
    public Map<String, String> localFields(UUID localId) {
        return alerts.find(localId).map(a -> Map.of("status", a.status().name())).orElse(Map.of());
    }

    @Override
    public DetectedIssue build(UUID localId, Optional<SyncLink> link) {
        DetectedIssue resource = base(link)
                .orElseGet(DetectedIssue::new);
        return DetectedIssueMapper.write(alerts.find(localId).orElseThrow(), alerts.evidence(localId), resource);
    }

    /** The decision as a message to the team, next to the DetectedIssue it is about (same id for the same decision). */
    @Override
    public List<Resource> companions(UUID localId, String serverId) {
        Alert alert = alerts.find(localId).orElseThrow();
        return alert.status() == AlertStatus.OPEN && alert.escalationStep() == 0 ? List.of()
                : List.of(AlertCommunication.of(alert, "DetectedIssue/" + serverId));
    }

    @Override
    public boolean followsDeletions() {
        return true;
    }

    /**
     * Another system deleted an alert on the server: kept here, closed with the reason "supprimée sur le serveur par un
     * autre système" unless the measures behind it still cross its bound (then it stays open: the server's deletion
     * does not make a value safe). See {@link SyncedAlerts#applyDeletedOnServer}. Nothing is pushed by the deletion.
     */
    @Override
    public void applyDeletion(UUID localId, String origin) {
        synced.applyDeletedOnServer(localId, origin);
    }

    @Override
    public void keepRemote(Conflict conflict, String why) {
        Alert alert = alerts.find(conflict.localId()).orElseThrow();
        Alert remote = alert.decided(AlertStatus.valueOf(conflict.remoteValue()), alert.level(), session.actor().userId(),
                why + ": server decision kept", desk.clock().instant(), alert.escalationStep(), alert.escalatedAt());
        synced.applySynced(remote, List.of(), why);
    }
}
