package fr.relais.teamserver.audit;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.dao.tx.IHapiTransactionService;
import ca.uhn.fhir.storage.interceptor.balp.BalpAuditCaptureInterceptor;
import java.time.Duration;

/**
 * The request audit of the team server (issue 27, ADR 0025): HAPI's Basic Audit Log Patterns interceptor, registered
 * on the REST server, turns each read, search, create, update and delete into an {@code AuditEvent} naming the
 * token's user and teams, the client's address and the record; {@link AuditQueue} stores them in the server's own
 * database, asynchronously and in batches. Built by Spring beside HAPI's DAOs, closed (the queue written) before them.
 */
public final class RequestAudit implements AutoCloseable {
    /** The tag naming each team of the user: {@code AuditEvent?_tag=urn:relais:fhir:audit-team|<team>}. */
    public static final String TEAM_TAG_SYSTEM = AuditedUser.TEAM_EXTENSION;
    /** The system of an audited record's identifier, {@code Type/id/_history/version}. */
    public static final String RECORD_SYSTEM = "urn:relais:fhir:record";
    /** Events kept in memory while the database cannot be written: some minutes of a busy team's requests. */
    static final int CAPACITY = 20_000;
    static final int BATCH = 200;
    static final Duration RETRY = Duration.ofSeconds(5);

    private final AuditQueue queue;
    private final BalpAuditCaptureInterceptor interceptor;

    public RequestAudit(DaoRegistry daos, IHapiTransactionService transactions) {
        AuditStore store = new AuditStore(daos, transactions);
        this.queue = new AuditQueue(store::write, CAPACITY, BATCH, RETRY);
        this.interceptor = new BalpAuditCaptureInterceptor(queue, new AuditedUser());
    }

    /** The interceptor to register on the REST server (not on the storage: the audit's own writes are not audited). */
    public Object interceptor() {
        return interceptor;
    }

    @Override
    public void close() {
        queue.close();
    }
}
