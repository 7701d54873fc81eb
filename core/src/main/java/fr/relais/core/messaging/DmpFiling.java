package fr.relais.core.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * One document filed in a patient's DMP: the DocumentReference the DMP keeps for it (server id), the one it replaced
 * (null for the first of its kind), the SHA-1 of the PDF sent, who filed it and when.
 */
public record DmpFiling(UUID id, UUID patientId, DmpDocumentKind kind, String documentReference, String replaces, String sha1,
                        Instant filedAt, String filedBy) {
}
