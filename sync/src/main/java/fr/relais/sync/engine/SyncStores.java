package fr.relais.sync.engine;

import fr.relais.core.alert.AlertQueries;
import fr.relais.core.alert.SyncedAlerts;
import fr.relais.core.alert.ThresholdService;
import fr.relais.core.audit.AuditLog;
import fr.relais.core.careteam.CareTeamService;
import fr.relais.core.careteam.Organizations;
import fr.relais.core.consent.ConsentService;
import fr.relais.core.identity.Deaths;
import fr.relais.core.identity.PatientService;
import fr.relais.core.measure.MeasureService;
import fr.relais.core.measure.TextMeasures;
import fr.relais.core.pathway.EnrollmentService;
import fr.relais.core.pathway.ForeignCarePlans;
import fr.relais.core.pathway.PathwayService;
import fr.relais.core.privacy.PatientAnonymisation;
import fr.relais.core.questionnaire.ForeignResponses;
import fr.relais.core.questionnaire.QuestionnaireService;
import fr.relais.core.replication.ConflictRepository;
import fr.relais.core.replication.Outbox;
import fr.relais.core.replication.SyncRunLog;
import fr.relais.core.replication.SyncState;
import fr.relais.core.session.UserSession;
import fr.relais.core.store.Database;
import fr.relais.core.task.TaskService;
import fr.relais.core.urgentcare.UrgentCarePlanService;
import java.time.Clock;

/**
 * The local stores the sync reads and writes, handed over by the composition root ({@code SyncModule}): the engine
 * and the conflict resolver build the record kinds of a run from it, and each kind receives only the few it uses.
 * Its accessors are named as the core's, so the engine's body reads the same whichever it is given.
 */
public record SyncStores(Clock clock, Database database, UserSession session, AuditLog audit, Outbox outbox,
                         SyncState syncState, ConflictRepository conflicts, SyncRunLog syncRuns, PatientService patients,
                         Deaths deaths, ConsentService consents, CareTeamService careTeam, Organizations organizations,
                         fr.relais.core.careteam.Relatives relatives,
                         PathwayService pathways, QuestionnaireService questionnaires, EnrollmentService enrollments,
                         ForeignCarePlans foreignCarePlans, TaskService tasks, ThresholdService thresholds,
                         MeasureService measures, TextMeasures textMeasures, ForeignResponses foreignResponses,
                         AlertQueries alertQueries, SyncedAlerts syncedAlerts, UrgentCarePlanService urgentCarePlans,
                         PatientAnonymisation anonymisation,
                         fr.relais.core.hospital.HospitalEvents hospitalEvents) {
}
