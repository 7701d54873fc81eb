package fr.relais.core.audit;

import static fr.relais.core.store.schema.Tables.AUDIT_EVENT;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jooq.DSLContext;

/**
 * The hash chain of the audit trail: each event's hash is SHA-256 over the previous event's hash and its own fields, so
 * that changing an event, removing one or slipping one in breaks the chain at that point. Events written before the
 * chain existed (no hash) may only come first. What a chain cannot show by itself is the removal of the latest events:
 * the last hash must be kept elsewhere too (printed by {@code relais audit verify}, pushed with the sync later).
 */
public final class AuditChain {
    /** The link of the first chained event. */
    public static final String START = "relais-audit-chain-v1";
    private static final char SEPARATOR = '\u001f';

    private AuditChain() {
    }

    static String hash(String prev, String at, String actor, String workstation, String action, String entityType, String entityId,
                       String patientId, String detail) {
        StringBuilder text = new StringBuilder(prev);
        for (String field : new String[] {at, actor, workstation, action, entityType, entityId, patientId, detail}) {
            // null and "" must not hash alike: a removed patient id is a change.
            text.append(SEPARATOR).append(field == null ? "\u0000" : field);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * What the check found: how many events are chained, how many came before the chain, and the first event that
     * breaks it (its sequence number and why), or none.
     */
    public record Verdict(long chained, long unchained, Long brokenAt, String reason, String lastHash) {
        public boolean intact() {
            return brokenAt == null;
        }
    }

    static Verdict verify(DSLContext dsl) {
        long chained = 0;
        long unchained = 0;
        String expectedPrev = null;
        String last = null;
        try (var cursor = dsl.selectFrom(AUDIT_EVENT).orderBy(AUDIT_EVENT.SEQ).fetchLazy()) {
            for (var r : cursor) {
                if (r.getHash() == null) {
                    if (chained > 0) {
                        return new Verdict(chained, unchained, r.getSeq().longValue(), "unchained event after the chain started", last);
                    }
                    unchained++;
                    continue;
                }
                String prev = expectedPrev == null ? START : expectedPrev;
                if (!prev.equals(r.getPrevHash())) {
                    return new Verdict(chained, unchained, r.getSeq().longValue(), "link to the previous event does not match (an event removed or inserted)",
                            last);
                }
                String recomputed = hash(r.getPrevHash(), r.getAt(), r.getActor(), r.getWorkstation(), r.getAction(), r.getEntityType(),
                        r.getEntityId(), r.getPatientId(), r.getDetail());
                if (!recomputed.equals(r.getHash())) {
                    return new Verdict(chained, unchained, r.getSeq().longValue(), "event content changed after it was recorded", last);
                }
                expectedPrev = r.getHash();
                last = r.getHash();
                chained++;
            }
        }
        return new Verdict(chained, unchained, null, null, last);
    }
}
