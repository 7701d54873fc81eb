package fr.relais.sync.adt;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.ErrorCode;

/**
 * A message the listener will not store, and how the acknowledgement says so (HL7 v2.5 chapter 2): AR for what the
 * receiver does not handle at all (message type, event, version: the sender may try another receiver), AE for a
 * message it understands but cannot accept as it is (a required field missing, a date it cannot read). {@code error}
 * is the code of HL7 table 0357 written in ERR-3; {@code reason} the text of ERR-8 and of the log, in English.
 */
final class AdtRefusal extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient AcknowledgmentCode code;
    private final transient ErrorCode error;

    AdtRefusal(AcknowledgmentCode code, ErrorCode error, String reason) {
        super(reason);
        this.code = code;
        this.error = error;
    }

    AcknowledgmentCode code() {
        return code;
    }

    ErrorCode error() {
        return error;
    }
}
