package fr.relais.app.gui.common;

import fr.relais.app.rights.PermissionMatrix;
import fr.relais.core.session.UserSession;

/**
 * What the signed-in person sees in the window (issue 23): each screen and each action is tied to the command line
 * command that does the same thing, so the desktop follows the one {@link PermissionMatrix} and cannot drift from it.
 * A screen the roles do not open is not in the navigation; an action they do not allow is hidden and refused.
 */
public final class DesktopAccess {
    /** The screens of the navigation, with the command that shows the same data (null: any signed-in account). */
    public enum Screen {
        WORKLIST("worklist", "nav.worklist"),
        PATIENTS("patient list", "nav.patients"),
        ALERTS("alerts", "nav.alerts"),
        /** Who is in hospital: stays and discharge proposals are clinical, as {@code relais adt proposals}. */
        HOSPITALISATIONS("adt proposals", "nav.hospitalisations"),
        PATHWAYS("pathway list", "nav.pathways"),
        SYNC("conflicts list", "nav.sync"),
        REPORTS("report cohort", "nav.reports"),
        SETTINGS(null, "nav.settings"),
        HELP(null, "nav.help");

        private final Gate gate;

        Screen(String command, String label) {
            this.gate = new Gate(command, label);
        }

        public Gate gate() {
            return gate;
        }
    }

    /** The actions and patient-file tabs that some roles do not have, with their command line equivalent. */
    public enum Action {
        NEW_PATIENT("patient add", "newPatient.open"),
        COMPLETE_TASKS("task complete", "worklist.complete"),
        IMPORT_MEASURES("measure import", "patients.importMeasures"),
        ADD_TO_CARE_TEAM("annuaire add", "patient.file.addToTeam"),
        IMPORT_TEMPLATE("pathway import", "pathways.import"),
        CHANGE_THRESHOLDS("threshold set", "thresholds.change"),
        COHORT("report cohort", "nav.reports"),
        COHORT_WITH_IDENTITY("report cohort --with-identity", "export.withIdentity"),
        PATIENT_REPORT("report patient", "patient.file.report"),
        PATIENT_RECORD("export patient", "patient.file.exportRecord"),
        HANDOFF("handoff", "export.label.HANDOFF_PDF"),
        SEND_BY_MSSANTE("mssante send", "export.mssante.send"),
        FOLLOW_UP_TAB("measure list", "followup.tab"),
        HISTORY_TAB("measure list", "history.tab"),
        THRESHOLDS_TAB("threshold list", "thresholds.tab"),
        URGENT_CARE_PLAN_TAB("plan show", "ucp.tab"),
        EDIT_URGENT_CARE_PLAN("plan edit", "ucp.edit.open"),
        ACCESS_HISTORY_TAB("audit list", "access.tab"),
        IDENTITY_TAB("patient history", "identity.tab");

        private final Gate gate;

        Action(String command, String label) {
            this.gate = new Gate(command, label);
        }

        public Gate gate() {
            return gate;
        }
    }

    /**
     * {@code command}: the command line command that does the same thing (null: any signed-in account);
     * {@code label}: the key of its name on screen (navigation, button or tab), for the admin guide's table.
     */
    public record Gate(String command, String label) {
    }

    private final UserSession session;

    public DesktopAccess(UserSession session) {
        this.session = session;
    }

    public boolean shows(Screen screen) {
        String command = screen.gate().command();
        return command == null ? session.signedIn() : PermissionMatrix.allows(session.roles(), command);
    }

    public boolean allows(Action action) {
        return PermissionMatrix.allows(session.roles(), action.gate().command());
    }

    /** Fails with the French refusal of the first permission missing for {@code action}. */
    public void require(Action action) {
        PermissionMatrix.required(action.gate().command()).forEach(session::require);
    }
}
