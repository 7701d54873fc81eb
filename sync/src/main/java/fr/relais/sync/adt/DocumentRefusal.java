package fr.relais.sync.adt;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.ErrorCode;

/**
 * A hospital document (MDM^T02) the listener will not store, answered as the ADT messages are ({@link AdtRefusal}):
 * AR for what Relais does not handle at all, AE for a message it understands but cannot accept as it is. {@code reason}
 * is ERR-8's text, in English for the sender's interface engine; {@code french} the same reason in the log, for the
 * team's administrator.
 */
final class DocumentRefusal extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient AcknowledgmentCode code;
    private final transient ErrorCode error;
    private final String french;

    DocumentRefusal(AcknowledgmentCode code, ErrorCode error, String reason, String french) {
        super(reason);
        this.code = code;
        this.error = error;
        this.french = french;
    }

    AcknowledgmentCode code() {
        return code;
    }

    ErrorCode error() {
        return error;
    }

    String french() {
        return french;
    }
}
