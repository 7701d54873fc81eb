package fr.relais.app.cli;

import fr.relais.core.RelaisCore;
import fr.relais.core.identity.PatientService;

/**
 * The store a command opened (signed in, its permission checked: {@link RelaisCommand#open}) and what the command
 * uses from it. Closing it closes the store. The graph itself stays here: a command sees {@link #uses()} only.
 */
final class OpenStore<N> implements AutoCloseable {
    private final RelaisCore core;
    private final N uses;

    OpenStore(RelaisCore core, Wiring<N> wiring) {
        this.core = core;
        this.uses = wiring.from(core);
    }

    N uses() {
        return uses;
    }

    /** {@code --patient}'s id or IPP resolved to the patient's id (a NotFoundException, exit 2, when unknown). */
    java.util.UUID patient(String idOrIpp) {
        PatientService patients = core.patients();
        return patients.resolve(idOrIpp).id();
    }

    /** The patient's name as a line of output says it ("" when the record is no longer here). */
    String patientName(java.util.UUID patientId) {
        return core.patients().find(patientId).map(fr.relais.core.identity.Patient::displayName).orElse("");
    }

    /** Hands the open store to the desktop window ({@code relais demo --open}); returns when the window closes. */
    void showDesktop(GuiLauncher gui, fr.relais.core.i18n.Language language) {
        gui.launch(core, language);
    }

    @Override
    public void close() {
        core.close();
    }
}
