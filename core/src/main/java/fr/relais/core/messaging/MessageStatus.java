package fr.relais.core.messaging;

/** Where an outgoing message stands: recorded and not yet sent, sent (accepted by the mail server), or failed. */
public enum MessageStatus {
    QUEUED, SENT, FAILED
}
