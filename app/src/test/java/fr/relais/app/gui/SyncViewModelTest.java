package fr.relais.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.app.composition.AppServices;
import fr.relais.app.gui.sync.SyncViewModel;
import fr.relais.app.gui.task.DirectExecutor;
import fr.relais.app.wording.Messages;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.identity.NewPatient;
import fr.relais.core.identity.PatientService;
import fr.relais.core.identity.Sex;
import fr.relais.core.identity.StrictTraits;
import fr.relais.core.replication.Conflict;
import fr.relais.core.session.Actor;
import fr.relais.sync.engine.ConflictResolver;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Sync screen's ViewModel without the toolkit: status line, inbox, a failed run, a resolution. */
class SyncViewModelTest extends CoreStoreTest {
    SyncViewModel model;
    UUID patient;

    @BeforeEach
    void setUp() {
        open(new Actor("idec", "IDEC", "poste"));
        patient = core.patients().register(new NewPatient(new StrictTraits("MARTIN", List.of("Claire"), Sex.F, LocalDate.of(1950, 3, 14),
                null), null, null, "P1", null, null, null)).patient().id();
        AppServices app = new AppServices(core);
        model = new SyncViewModel(app.sync(), app.conflictSubjects(), core.careTeam(), new DirectExecutor(),
                Localization.of(Messages.BUNDLE, Language.FR), Language.FR,
                java.util.Map.of("RELAIS_IPP_OID", "1.2.250.1.999.99.1"),
                // The launcher's attempts without its waits (about 5.6 s of sleep against an unreachable server).
                fr.relais.sync.engine.RetryPolicy.DEFAULT.withoutWaiting());
    }

    @Test
    void aStoreNeverSynchronisedSaysSoInWordsWithItsChangesToSend() {
        model.refresh();
        assertThat(model.statusLineProperty().get()).isEqualTo(
                "Synchronisation : jamais faite — aucune synchronisation réussie — 1 modification à envoyer — aucun conflit à trancher");
        model.syncNow();
        assertThat(model.messageProperty().get()).isEqualTo("Indiquez l'adresse du serveur FHIR de l'équipe.");
        assertThat(model.runningProperty().get()).isFalse();
    }

    @Test
    void theStatusBarCountsALocalChangeAsSoonAsItIsSavedWithoutOpeningTheSyncScreen() {
        model.refresh();
        assertThat(model.statusLineProperty().get()).contains("1 modification à envoyer");
        // Not listening: the count stays as read (what the nurse saw before issue 25).
        register("DURAND", "P2");
        assertThat(model.statusLineProperty().get()).contains("1 modification à envoyer");

        Runnable stop = core.outbox().onRecorded(model::localChangeRecorded);
        java.util.concurrent.atomic.AtomicInteger told = new java.util.concurrent.atomic.AtomicInteger();
        Runnable stopTelling = core.outbox().onRecorded(told::incrementAndGet);
        register("LEROY", "P3");
        assertThat(model.statusLineProperty().get()).contains("3 modifications à envoyer");
        assertThat(told).as("once for the registration's transaction").hasValue(1);
        // A change refused (rolled back) is not counted: the listener hears only of what was committed.
        try {
            core.database().inTransaction(() -> {
                register("PETIT", "P4");
                throw new IllegalStateException("refusé");
            });
        } catch (IllegalStateException expected) {
            // the registration was undone
        }
        assertThat(told).hasValue(1);
        assertThat(model.statusLineProperty().get()).contains("3 modifications à envoyer");

        stop.run();
        stopTelling.run();
        register("BLANC", "P5");
        assertThat(model.statusLineProperty().get()).as("no longer listening (window rebuilt)").contains("3 modifications à envoyer");
    }

    private void register(String family, String ipp) {
        core.patients().register(new NewPatient(new StrictTraits(family, List.of("Jeanne"), Sex.F, LocalDate.of(1948, 5, 2),
                null), null, null, ipp, null, null, null));
    }

    @Test
    void theSyncScreenCountsTheRecordsKeptUnreadWithTheirReasons() {
        model.refresh();
        assertThat(model.unreadProperty()).isEmpty();
        assertThat(model.unreadTitleProperty().get()).isEmpty();
        String forGroup = fr.relais.sync.fhir.FhirRefusal.unreadReason(new fr.relais.core.error.BadInputException("Task/42/_history/1",
                "fhir.taskForGroup")).text(Language.FR);
        core.database().inTransaction(() -> {
            for (String id : List.of("42", "44")) {
                core.syncState().keepUnread(new fr.relais.core.replication.SyncState.Unread(fr.relais.core.task.TaskService.RECORD, id, "1",
                        forGroup, "{}", core.clock().instant()));
            }
            return null;
        });

        model.refresh();

        assertThat(model.unreadTitleProperty().get()).startsWith("2 enregistrements du serveur pas encore lus par Relais");
        assertThat(model.unreadProperty()).containsExactly("2 : " + forGroup);
    }

    @Test
    void anUnreachableServerSaysSoAndLosesNothing() {
        model.serverProperty().set("http://127.0.0.1:9/fhir");
        model.syncNow();
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.messageProperty().get()).contains("injoignable");
        assertThat(model.statusLineProperty().get()).startsWith("Synchronisation : hors ligne").contains("1 modification à envoyer");
        // The failed run is in the history, with why.
        assertThat(model.historyProperty()).singleElement().satisfies(line -> assertThat(line).contains("0 reçu,"));
    }

    @Test
    void aSyncAfterTheProSanteConnectSessionEndedAsksToSignInAgainAndLosesNothing() {
        // Signed in with PSC: the sync's credential is the session's token, asked before each request; the team server
        // refused its renewal (signed out, or restarted).
        java.util.List<String> asked = new java.util.ArrayList<>();
        AppServices app = new AppServices(core);
        SyncViewModel signedInWithPsc = new SyncViewModel(app.sync(), app.conflictSubjects(), core.careTeam(), new DirectExecutor(),
                Localization.of(Messages.BUNDLE, Language.FR), Language.FR, java.util.Map.of("RELAIS_IPP_OID", "1.2.250.1.999.99.1",
                        "RELAIS_TOKEN", "jeton-des-réglages"), fr.relais.sync.engine.RetryPolicy.DEFAULT.withoutWaiting(), () -> {
                    asked.add("PSC");
                    throw new fr.relais.sync.engine.SyncSettings.SessionEndedException("refresh refused");
                });
        signedInWithPsc.serverProperty().set("http://127.0.0.1:9/fhir");
        signedInWithPsc.syncNow();

        assertThat(asked).isNotEmpty();
        assertThat(signedInWithPsc.messageProperty().get()).contains("la session Pro Santé Connect n'est plus valable",
                "validant dans l'application e-CPS").doesNotContain("refresh refused", "Exception");
        signedInWithPsc.refresh();
        assertThat(signedInWithPsc.statusLineProperty().get()).contains("1 modification à envoyer");
    }

    @Test
    void theInboxListsConflictsAndAChoiceClosesThem() {
        core.database().inTransaction(() -> {
            core.conflicts().open(new Conflict(UUID.randomUUID(), PatientService.RECORD, patient, "birthFamilyName", "MARTIN",
                    "MARTIN", "MARTINEZ", "2", "OPEN", core.clock().instant(), null, null, null));
            return null;
        });
        model.refresh();
        assertThat(model.conflictsProperty()).singleElement().satisfies(row -> {
            assertThat(row.field()).isEqualTo("nom de naissance");
            assertThat(row.record()).startsWith("Identité de ").doesNotContain(patient.toString());
            assertThat(row.remote()).isEqualTo("MARTINEZ");
        });
        model.resolve(model.conflictsProperty().get(0), ConflictResolver.Choice.REMOTE);
        assertThat(model.conflictsProperty()).isEmpty();
        assertThat(core.patients().get(patient).traits().birthFamilyName()).isEqualTo("MARTINEZ");
    }
    @Test
    void anAlertOneLaptopDismissedAndTheOtherResolvedShowsThePatientAndBothDecisionsInWords() {
        UUID alert = UUID.randomUUID();
        java.time.Instant at = core.clock().instant();
        core.database().inTransaction(() -> fr.relais.core.replication.Outbox.suppressed(() -> {
            core.alerts().applySynced(new fr.relais.core.alert.Alert(alert, patient, null, "spo2-basse", "59408-5", "ABSOLUTE",
                    fr.relais.core.rule.AlertLevel.RED, fr.relais.core.alert.AlertStatus.DISMISSED, "{}", at, at, "idec", "appel fait", 0, null),
                    List.of(), "DetectedIssue/2001/_history/3");
            core.conflicts().open(new Conflict(UUID.randomUUID(), fr.relais.core.alert.AlertService.RECORD, alert, "status", "OPEN",
                    "DISMISSED", "RESOLVED", "3", "OPEN", at, null, null, null));
            return null;
        }));

        model.refresh();

        assertThat(model.conflictsProperty()).singleElement().satisfies(row -> {
            assertThat(row.record()).isEqualTo("Alerte de MARTIN Claire");
            assertThat(row.field()).isEqualTo("statut");
            assertThat(List.of(row.base(), row.local(), row.remote())).containsExactly("ouverte", "écartée", "résolue");
        });
    }

    @Test
    void aRecordTheServerRefusedShowsTheServersWordsInFrenchNeverItsOperationOutcome() {
        String outcome = "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"processing\","
                + "\"diagnostics\":\"HAPI-1096: Resource Patient/1011 is deleted, specified in path: Observation.subject\"}]}";
        core.database().inTransaction(() -> {
            core.conflicts().open(new Conflict(UUID.randomUUID(), PatientService.RECORD, patient, Conflict.REFUSED, null, "7", outcome,
                    "400", "OPEN", java.time.Instant.parse("2026-07-01T08:30:00Z"), null, null, null));
            return null;
        });

        model.refresh();

        assertThat(model.conflictsProperty()).singleElement().satisfies(row -> {
            assertThat(row.field()).isEqualTo("Refusé par le serveur le 01/07/2026 10:30");
            assertThat(row.remote()).startsWith("Le serveur a refusé cet enregistrement (erreur 400) : Resource Patient/1011 is deleted")
                    .doesNotContain("OperationOutcome", "{", "HAPI-1096");
        });
    }

    @Test
    void aTaskAnotherSystemDeletedWhileChangedHereHasNoCommonBaseAndIsSaidDeletedInTheFeminine() {
        UUID task = UUID.randomUUID();
        java.time.Instant at = core.clock().instant();
        core.database().inTransaction(() -> fr.relais.core.replication.Outbox.suppressed(() -> {
            core.tasks().applySynced(new fr.relais.core.task.Task(task, null, patient, null, fr.relais.core.task.Task.FOREIGN, 0,
                    fr.relais.core.task.Task.FOREIGN, "Bilan sanguin à J7", "Bilan sanguin à J7", fr.relais.core.careteam.CareRole.IDEC, null,
                    fr.relais.core.task.TaskPriority.ROUTINE, fr.relais.core.task.TaskStatus.REQUESTED, null, at, null, null, null, at, at),
                    "Task/4012/_history/1");
            core.conflicts().open(new Conflict(UUID.randomUUID(), fr.relais.core.task.TaskService.RECORD, task, Conflict.DELETED, null,
                    "changed", "deleted", "2", "OPEN", at, null, null, null));
            return null;
        }));

        model.refresh();

        assertThat(model.conflictsProperty()).singleElement().satisfies(row -> {
            assertThat(row.record()).isEqualTo("Tâche de MARTIN Claire");
            assertThat(row.field()).isEqualTo("supprimée sur le serveur par un autre système");
            assertThat(row.base()).isEqualTo("aucune version commune : tâche supprimée sur le serveur");
            assertThat(row.local()).startsWith("modifiée sur ce poste");
            assertThat(row.remote()).startsWith("supprimée sur le serveur");
        });
    }
}
