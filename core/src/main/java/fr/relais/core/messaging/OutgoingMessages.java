package fr.relais.core.messaging;

import static fr.relais.core.store.schema.Tables.OUTGOING_MESSAGE;

import fr.relais.core.audit.AuditLog;
import fr.relais.core.error.BadInputException;
import fr.relais.core.error.NotFoundException;
import fr.relais.core.identity.PatientService;
import fr.relais.core.session.UserSession;
import fr.relais.core.store.Database;
import fr.relais.core.store.schema.tables.records.OutgoingMessageRecord;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The record of documents sent about patients. A message is written here (with its document) before the mail server
 * is contacted, then marked sent or failed: nothing a nurse decided to send is lost to a network fault, and the
 * patient's file shows who sent what, to whom and when.
 */
public final class OutgoingMessages {
    public static final String MSSANTE = "MSSANTE";
    private final Database database;
    private final PatientService patients;
    private final AuditLog audit;
    private final UserSession session;
    private final Clock clock;

    public OutgoingMessages(Database database, PatientService patients, AuditLog audit, UserSession session, Clock clock) {
        this.database = database;
        this.patients = patients;
        this.audit = audit;
        this.session = session;
        this.clock = clock;
    }

    /** Records a message to send; refuses an empty document. */
    public OutgoingMessage queue(UUID patientId, String recipient, String label, String fileName, String contentType, byte[] content) {
        if (content == null || content.length == 0) {
            throw new BadInputException(fileName, "message.emptyDocument");
        }
        if (label == null || label.isBlank()) {
            throw new BadInputException("--label", "message.noLabel");
        }
        OutgoingMessage m = new OutgoingMessage(UUID.randomUUID(), patientId, MSSANTE, recipient.trim(), label.trim(), fileName, contentType,
                content, sha1(content), MessageStatus.QUEUED, 0, null, null, clock.instant(), session.actor().displayName(), null);
        return database.inTransaction(() -> {
            patients.get(patientId);
            database.dsl().insertInto(OUTGOING_MESSAGE).set(OUTGOING_MESSAGE.ID, m.id())
                    .set(OUTGOING_MESSAGE.PATIENT_ID, patientId).set(OUTGOING_MESSAGE.CHANNEL, m.channel())
                    .set(OUTGOING_MESSAGE.RECIPIENT, m.recipient()).set(OUTGOING_MESSAGE.LABEL, m.label())
                    .set(OUTGOING_MESSAGE.FILE_NAME, fileName).set(OUTGOING_MESSAGE.CONTENT_TYPE, contentType)
                    .set(OUTGOING_MESSAGE.CONTENT, content).set(OUTGOING_MESSAGE.CONTENT_SHA1, m.contentSha1())
                    .set(OUTGOING_MESSAGE.STATUS, m.status().name()).set(OUTGOING_MESSAGE.ATTEMPTS, 0)
                    .set(OUTGOING_MESSAGE.CREATED_AT, m.createdAt()).set(OUTGOING_MESSAGE.CREATED_BY, m.createdBy())
                    .execute();
            audit.record("message.queued", "OutgoingMessage", m.id(), patientId, m.recipient() + " " + m.label());
            return m;
        });
    }

    public void markSent(UUID id, String messageId) {
        database.inTransaction(() -> {
            OutgoingMessage m = get(id);
            database.dsl().update(OUTGOING_MESSAGE).set(OUTGOING_MESSAGE.STATUS, MessageStatus.SENT.name())
                    .set(OUTGOING_MESSAGE.ATTEMPTS, m.attempts() + 1).set(OUTGOING_MESSAGE.MESSAGE_ID, messageId)
                    .set(OUTGOING_MESSAGE.LAST_ERROR, (String) null).set(OUTGOING_MESSAGE.SENT_AT, clock.instant())
                    .where(OUTGOING_MESSAGE.ID.eq(id)).execute();
            audit.record("message.sent", "OutgoingMessage", id, m.patientId(), m.recipient());
        });
    }

    public void markFailed(UUID id, String error) {
        database.inTransaction(() -> {
            OutgoingMessage m = get(id);
            database.dsl().update(OUTGOING_MESSAGE).set(OUTGOING_MESSAGE.STATUS, MessageStatus.FAILED.name())
                    .set(OUTGOING_MESSAGE.ATTEMPTS, m.attempts() + 1).set(OUTGOING_MESSAGE.LAST_ERROR, error)
                    .where(OUTGOING_MESSAGE.ID.eq(id)).execute();
            audit.record("message.failed", "OutgoingMessage", id, m.patientId(), error);
        });
    }

    public OutgoingMessage get(UUID id) {
        return database.dsl().selectFrom(OUTGOING_MESSAGE).where(OUTGOING_MESSAGE.ID.eq(id)).fetchOptional(OutgoingMessages::toMessage)
                .orElseThrow(() -> new NotFoundException("message", NotFoundException.What.MESSAGE, id));
    }

    /** A patient's messages, newest first; all patients' when {@code patientId} is null. */
    public List<OutgoingMessage> list(UUID patientId) {
        var query = database.dsl().selectFrom(OUTGOING_MESSAGE);
        var filtered = patientId == null ? query : query.where(OUTGOING_MESSAGE.PATIENT_ID.eq(patientId));
        return filtered.orderBy(OUTGOING_MESSAGE.CREATED_AT.desc()).fetch(OutgoingMessages::toMessage);
    }

    /** Messages not sent yet (queued or failed): what a retry sends. */
    public List<OutgoingMessage> unsent() {
        return database.dsl().selectFrom(OUTGOING_MESSAGE).where(OUTGOING_MESSAGE.STATUS.ne(MessageStatus.SENT.name()))
                .orderBy(OUTGOING_MESSAGE.CREATED_AT).fetch(OutgoingMessages::toMessage);
    }

    public static String sha1(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
    }

    private static OutgoingMessage toMessage(OutgoingMessageRecord r) {
        return new OutgoingMessage(r.getId(), r.getPatientId(), r.getChannel(), r.getRecipient(),
                r.getLabel(), r.getFileName(), r.getContentType(), r.getContent(), r.getContentSha1(), MessageStatus.valueOf(r.getStatus()),
                r.getAttempts(), r.getLastError(), r.getMessageId(), r.getCreatedAt(), r.getCreatedBy(),
                r.getSentAt());
    }
}
