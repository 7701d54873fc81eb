package fr.relais.core.identity;

import java.util.UUID;

/** Another patient that may be the same person. */
public record DuplicateFlag(UUID otherPatientId, DuplicateReason reason) {
}
