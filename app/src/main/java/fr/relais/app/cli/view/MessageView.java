package fr.relais.app.cli.view;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import fr.relais.core.messaging.OutgoingMessage;
import java.time.Instant;

/** JSON of a message sent (or to send) about a patient: everything but the document itself. */
@JsonPropertyOrder({"id", "patientId", "channel", "recipient", "label", "fileName", "sha1", "status", "attempts", "lastError",
        "messageId", "createdAt", "createdBy", "sentAt"})
public record MessageView(String id, String patientId, String channel, String recipient, String label, String fileName, String sha1,
                          String status, int attempts, String lastError, String messageId, Instant createdAt, String createdBy,
                          Instant sentAt) {
    public static MessageView of(OutgoingMessage m) {
        return new MessageView(m.id().toString(), m.patientId().toString(), m.channel(), m.recipient(), m.label(), m.fileName(),
                m.contentSha1(), m.status().name(), m.attempts(), m.lastError(), m.messageId(), m.createdAt(), m.createdBy(), m.sentAt());
    }
}
