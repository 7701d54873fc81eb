package fr.relais.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.app.gui.common.DesktopAccess;
import fr.relais.app.gui.common.DesktopAccess.Action;
import fr.relais.app.gui.common.DesktopAccess.Screen;
import fr.relais.app.gui.export.ExportKind;
import fr.relais.app.gui.export.ExportViewModel;
import fr.relais.app.gui.pathways.PathwayLibrary;
import fr.relais.app.composition.AppServices;
import fr.relais.app.gui.pathways.PathwaysViewModel;
import fr.relais.app.gui.task.DirectExecutor;
import fr.relais.app.gui.thresholds.ThresholdsViewModel;
import fr.relais.app.gui.worklist.WorklistViewModel;
import fr.relais.app.rights.PermissionMatrix;
import fr.relais.app.wording.Messages;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.session.Actor;
import fr.relais.core.session.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The window follows the permission matrix (issue 23): the navigation shows only the screens the signed-in roles open,
 * and the actions they do not have are hidden in the view models and refused in French if reached anyway.
 */
class DesktopAccessTest extends CoreStoreTest {
    final Localization texts = Localization.of(Messages.BUNDLE, Language.FR);

    @BeforeEach
    void setUp() {
        open(new Actor("poste", "Poste", "poste"));
    }

    private DesktopAccess signedInAs(Role role) {
        core.session().signIn(new Actor(role.name().toLowerCase(java.util.Locale.ROOT), role.name(), "poste"), Set.of(role));
        return new DesktopAccess(core.session());
    }

    private static List<Screen> shown(DesktopAccess access) {
        return Arrays.stream(Screen.values()).filter(access::shows).toList();
    }

    @Test
    void anAdministratorSeesNoScreenWithPatientsOnlySettingsAndHelp() {
        assertThat(shown(signedInAs(Role.ADMINISTRATEUR))).containsExactly(Screen.SETTINGS, Screen.HELP);
        assertThat(shown(signedInAs(Role.SECRETAIRE))).containsExactly(Screen.WORKLIST, Screen.PATIENTS, Screen.SETTINGS, Screen.HELP);
        assertThat(shown(signedInAs(Role.IDE))).containsExactly(Screen.values());
    }

    @Test
    void everyScreenAndActionFollowsTheCommandLineLineOfTheMatrix() {
        for (Role role : Role.values()) {
            DesktopAccess access = signedInAs(role);
            for (Action action : Action.values()) {
                assertThat(access.allows(action)).as("%s %s", role, action).isEqualTo(PermissionMatrix.allows(Set.of(role), action.gate().command()));
            }
        }
        DesktopAccess secretary = signedInAs(Role.SECRETAIRE);
        assertThat(secretary.allows(Action.NEW_PATIENT)).isTrue();
        assertThat(secretary.allows(Action.IMPORT_MEASURES)).isFalse();
        assertThat(secretary.allows(Action.FOLLOW_UP_TAB)).isFalse();
        assertThat(secretary.allows(Action.IDENTITY_TAB)).isTrue();
        // Issue 25: the plan's editor is offered to those who may record it, as `relais plan edit`.
        assertThat(secretary.allows(Action.EDIT_URGENT_CARE_PLAN)).isFalse();
        assertThat(signedInAs(Role.IDE).allows(Action.EDIT_URGENT_CARE_PLAN)).isTrue();
    }

    @Test
    void aNurseDoesNotSeeTheTemplateImportAndIsRefusedIfSheReachesIt() throws Exception {
        PathwaysViewModel model = new PathwaysViewModel(PathwayLibrary.of(core.pathways()), core.session(), new DirectExecutor(), texts, Language.FR);
        Path template = dir.resolve("modele.json");
        Files.writeString(template, "{\"id\": \"essai\"}");
        signedInAs(Role.IDEC);
        assertThat(model.canImport()).isTrue();

        signedInAs(Role.IDE);
        assertThat(model.canImport()).isFalse();
        model.importFile(template);
        assertThat(model.messageProperty().get()).isEqualTo("ide n'a pas le droit de faire cela (importer des modèles de parcours ou des questionnaires)");
        assertThat(model.errorsProperty()).isEmpty();
    }

    @Test
    void aSecretaryCannotExportACohortWithIdentitiesFromTheReportsScreen() {
        signedInAs(Role.SECRETAIRE);
        ExportViewModel secretary = new ExportViewModel(RelaisApplication.exports(core, new AppServices(core)), new DirectExecutor(), texts, Language.FR, dir, opened -> { },
                () -> null, () -> null);
        assertThat(secretary.kinds()).isEmpty();
        assertThat(secretary.identityAllowed()).isFalse();
        secretary.targetProperty().set(dir.resolve("cohorte.csv").toString());
        secretary.kindProperty().set(ExportKind.COHORT_CSV);
        secretary.pathwayProperty().set(new ExportViewModel.PathwayChoice("insuffisance-cardiaque-sortie", "IC"));
        secretary.withIdentityProperty().set(true);
        secretary.export();
        assertThat(secretary.messageProperty().get()).startsWith("secretaire n'a pas le droit de faire cela");
        assertThat(dir.resolve("cohorte.csv")).doesNotExist();

        signedInAs(Role.IDE);
        ExportViewModel nurse = new ExportViewModel(RelaisApplication.exports(core, new AppServices(core)), new DirectExecutor(), texts, Language.FR, dir, opened -> { }, () -> null, () -> null);
        assertThat(nurse.kinds()).containsExactly(ExportKind.COHORT_PDF, ExportKind.COHORT_CSV, ExportKind.COHORT_JSON);
        assertThat(nurse.identityAllowed()).isTrue();
    }

    @Test
    void aSecretarySeesTheWorklistAsAnAgendaWithoutTaskActions() {
        WorklistViewModel model = new WorklistViewModel(RelaisApplication.worklistSources(core), () -> { }, new DirectExecutor(), texts, Language.FR);
        signedInAs(Role.SECRETAIRE);
        assertThat(new DesktopAccess(core.session()).shows(Screen.WORKLIST)).isTrue();
        assertThat(model.canActOnTasks()).isFalse();
        signedInAs(Role.IDE);
        assertThat(model.canActOnTasks()).isTrue();
    }

    @Test
    void onlyAPhysicianSeesTheThresholdChangeButtons() {
        ThresholdsViewModel model = new ThresholdsViewModel(core.clock(), core.session(),
                fr.relais.app.gui.thresholds.ThresholdBook.of(core.thresholds(), core.careTeam(), core.pathways(), core.patients()), new DirectExecutor(), texts, Language.FR);
        signedInAs(Role.MEDECIN);
        assertThat(model.canChange()).isTrue();
        signedInAs(Role.IDEC);
        assertThat(model.canChange()).isFalse();
    }
}
