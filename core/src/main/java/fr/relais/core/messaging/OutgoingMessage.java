package fr.relais.core.messaging;

import java.time.Instant;
import java.util.UUID;

/** A document sent, or to be sent, about a patient through secure messaging; the content stays for a retry. */
public record OutgoingMessage(UUID id, UUID patientId, String channel, String recipient, String label, String fileName,
                              String contentType, byte[] content, String contentSha1, MessageStatus status, int attempts,
                              String lastError, String messageId, Instant createdAt, String createdBy, Instant sentAt) {
}
