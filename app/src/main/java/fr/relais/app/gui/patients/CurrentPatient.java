package fr.relais.app.gui.patients;

import java.util.Objects;
import java.util.UUID;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The one patient the window is about: every screen that opens a patient (worklist, alerts, patient list) writes it
 * here, and the patient list's highlight, the patient file and the window title read it, so that they always name the
 * same patient. One per window, handed to the screens by the composition root (never a static: a second window or a
 * test has its own). Touched on the FX thread only.
 */
public final class CurrentPatient {
    private final ReadOnlyObjectWrapper<UUID> id = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper("");

    /** Makes {@code patientId} the current patient (null: none); the name follows once the file has read it. */
    public void open(UUID patientId) {
        if (!Objects.equals(id.get(), patientId)) {
            name.set("");
            id.set(patientId);
        }
    }

    /** The file of {@code patientId} was read: its display name, kept only if that patient is still the current one. */
    public void shown(UUID patientId, String displayName) {
        if (patientId != null && patientId.equals(id.get())) {
            name.set(displayName);
        }
    }

    public UUID id() {
        return id.get();
    }

    public ReadOnlyObjectProperty<UUID> idProperty() {
        return id.getReadOnlyProperty();
    }

    /** The current patient's display name, "" while none is shown (or while their file is being read). */
    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }
}
