package fr.relais.core.audit;

import static fr.relais.core.store.schema.Tables.AUDIT_EVENT;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jooq.DSLContext;

/**
 * The chain of the audit trail. Each event's hash covers the previous event's hash and its own fields, so that changing
 * an event, removing one or slipping one in breaks the chain at that point. Since V33 the hash is an HMAC-SHA256 under a
 * random key of the store, so that an edited event cannot be re-hashed by someone who does not hold the key; events
 * recorded before keep their plain SHA-256 hashes (V15) and are verified as such. Events written before any chain (no
 * hash) may only come first. What a chain cannot show by itself, the removal of its latest events or of all of them,
 * the {@link AuditAnchor} beside the store and the event that opens the keyed chain show.
 */
public final class AuditChain {
    /** The link of the first chained event. */
    public static final String START = "relais-audit-chain-v1";
    private static final char SEPARATOR = '\u001f';

    private AuditChain() {
    }

    /** What a check found wrong, each with its French and English sentence in the bundles ({@code audit.problem.*}). */
    public enum Problem {
        /** No event at all, although a store in use always has the one that opens its keyed chain. */
        EMPTY,
        /** The event that opened the keyed chain is gone: the trail was erased, then written again. */
        START_MISSING,
        /** The chain's key is gone from the store. */
        KEY_MISSING,
        /** An event without a hash after the chain started. */
        UNCHAINED,
        /** An event's link does not name the event before it: an event removed or slipped in. */
        LINK_BROKEN,
        /** An event's hash does not match its content: changed after it was recorded (re-hashed without the key). */
        CONTENT_CHANGED,
        /** The anchor beside the store is missing. */
        ANCHOR_MISSING,
        /** The anchor beside the store is not signed by the chain's key (edited, or from another store). */
        ANCHOR_ALTERED,
        /** The event the anchor names is no longer in the trail, or has another hash: the latest events were removed. */
        TAIL_REMOVED,
        /** The anchor the team server keeps for this store is not signed by the chain's key (altered on the server). */
        SERVER_ANCHOR_ALTERED,
        /**
         * The event the team server's anchor names is no longer in the trail, or has another hash: events already pushed
         * were removed here (the tail, or the whole trail written again), even if the anchor beside the store was too.
         */
        SERVER_TAIL_REMOVED
    }

    /**
     * What the check found: how many events are chained, how many came before the chain, the first event that breaks
     * it (its sequence number, when the problem is at one event) and the problem, or none.
     */
    public record Verdict(long chained, long unchained, Long brokenAt, Problem problem, String lastHash) {
        public boolean intact() {
            return problem == null;
        }
    }

    /** The HMAC-SHA256 of text under the store's chain key, in hex. */
    static final class Signer {
        private final SecretKeySpec key;
        /**
         * One MAC per thread, made and keyed once: looking the algorithm up and keying it again for every line was most
         * of the cost of signing (the ADT listener signs each message's lines under its commit lock). {@code doFinal}
         * leaves it ready for the next line with the same key.
         */
        private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

        Signer(String hexKey) {
            this.key = new SecretKeySpec(HexFormat.of().parseHex(hexKey), "HmacSHA256");
        }

        String sign(String text) {
            return HexFormat.of().formatHex(macs.get().doFinal(text.getBytes(StandardCharsets.UTF_8)));
        }

        private Mac newMac() {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
            }
        }
    }

    /** The text an event's hash covers: the link, then each field (null and "" must not hash alike). */
    private static String content(String prev, String at, String actor, String workstation, String action, String entityType,
                                  String entityId, String patientId, String detail) {
        StringBuilder text = new StringBuilder(prev);
        for (String field : new String[] {at, actor, workstation, action, entityType, entityId, patientId, detail}) {
            text.append(SEPARATOR).append(field == null ? "\u0000" : field);
        }
        return text.toString();
    }

    /** The keyed hash of an event recorded since V33. */
    static String keyedHash(Signer signer, String prev, String at, String actor, String workstation, String action, String entityType,
                            String entityId, String patientId, String detail) {
        return signer.sign(content(prev, at, actor, workstation, action, entityType, entityId, patientId, detail));
    }

    /** The plain SHA-256 hash of an event recorded between V15 and V33. */
    static String hash(String prev, String at, String actor, String workstation, String action, String entityType, String entityId,
                       String patientId, String detail) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                    content(prev, at, actor, workstation, action, entityType, entityId, patientId, detail).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The chain's key and where the keyed chain starts, as the store holds them (V33). */
    record Keying(Signer signer, long keyedAfter, Long startedAt) {
    }

    /**
     * Walks the whole trail oldest first and checks every link and hash, then that the event opening the keyed chain
     * and the one {@code anchor} names are there ({@code anchor} empty: no anchor to check against, as for a backup
     * being restored; {@code anchorExpected}: an anchor file must exist).
     */
    static Verdict verify(DSLContext dsl, Optional<Keying> keying, Optional<AuditAnchor.Mark> anchor, boolean anchorExpected) {
        return verify(dsl, keying, anchor, anchorExpected, Optional.empty());
    }

    /**
     * As above, and then against {@code witness}, the anchor the team server keeps for this store: the event it names
     * must still be in the trail with that hash. Its finding takes the place of a missing local anchor (the server's
     * anchor says more than "cannot be checked"), never of another local finding.
     */
    static Verdict verify(DSLContext dsl, Optional<Keying> keying, Optional<AuditAnchor.Mark> anchor, boolean anchorExpected,
                          Optional<AuditAnchor.Mark> witness) {
        Verdict local = verifyLocally(dsl, keying, anchor, anchorExpected);
        if (witness.isEmpty() || !(local.intact() || local.problem() == Problem.ANCHOR_MISSING)) {
            return local;
        }
        AuditAnchor.Mark w = witness.get();
        if (!w.signed()) {
            return new Verdict(local.chained(), local.unchained(), null, Problem.SERVER_ANCHOR_ALTERED, local.lastHash());
        }
        if (!holds(dsl, w)) {
            return new Verdict(local.chained(), local.unchained(), w.seq(), Problem.SERVER_TAIL_REMOVED, local.lastHash());
        }
        return local;
    }

    /** Whether the trail still holds the event {@code mark} names, with the hash it names. */
    static boolean holds(DSLContext dsl, AuditAnchor.Mark mark) {
        if (mark.seq() < 0 || mark.seq() > Integer.MAX_VALUE) {
            return false;
        }
        return dsl.select(AUDIT_EVENT.HASH).from(AUDIT_EVENT).where(AUDIT_EVENT.SEQ.eq((int) mark.seq())).fetchOptional(r -> r.value1())
                .map(mark.hash()::equals).orElse(false);
    }

    private static Verdict verifyLocally(DSLContext dsl, Optional<Keying> keying, Optional<AuditAnchor.Mark> anchor, boolean anchorExpected) {
        if (keying.isEmpty()) {
            return new Verdict(0, 0, null, Problem.KEY_MISSING, null);
        }
        Keying k = keying.get();
        if (anchor.isPresent() && !anchor.get().signed()) {
            return new Verdict(0, 0, null, Problem.ANCHOR_ALTERED, null);
        }
        long chained = 0;
        long unchained = 0;
        long keyed = 0;
        boolean startSeen = false;
        boolean anchorSeen = false;
        String expectedPrev = null;
        String last = null;
        try (var cursor = dsl.selectFrom(AUDIT_EVENT).orderBy(AUDIT_EVENT.SEQ).fetchLazy()) {
            for (var r : cursor) {
                long seq = r.getSeq().longValue();
                boolean keyedEvent = seq > k.keyedAfter();
                if (r.getHash() == null) {
                    if (chained > 0 || keyedEvent) {
                        return new Verdict(chained, unchained, seq, Problem.UNCHAINED, last);
                    }
                    unchained++;
                    continue;
                }
                String prev = expectedPrev == null ? START : expectedPrev;
                if (!prev.equals(r.getPrevHash())) {
                    return new Verdict(chained, unchained, seq, Problem.LINK_BROKEN, last);
                }
                String recomputed = keyedEvent
                        ? keyedHash(k.signer(), r.getPrevHash(), r.getAt(), r.getActor(), r.getWorkstation(), r.getAction(), r.getEntityType(),
                                r.getEntityId(), r.getPatientId(), r.getDetail())
                        : hash(r.getPrevHash(), r.getAt(), r.getActor(), r.getWorkstation(), r.getAction(), r.getEntityType(),
                                r.getEntityId(), r.getPatientId(), r.getDetail());
                if (!MessageDigest.isEqual(recomputed.getBytes(StandardCharsets.US_ASCII), r.getHash().getBytes(StandardCharsets.US_ASCII))) {
                    return new Verdict(chained, unchained, seq, Problem.CONTENT_CHANGED, last);
                }
                startSeen |= k.startedAt() != null && seq == k.startedAt();
                anchorSeen |= anchor.isPresent() && seq == anchor.get().seq() && r.getHash().equals(anchor.get().hash());
                expectedPrev = r.getHash();
                last = r.getHash();
                chained++;
                keyed += keyedEvent ? 1 : 0;
            }
        }
        if (chained + unchained == 0) {
            return new Verdict(0, 0, null, Problem.EMPTY, null);
        }
        if ((k.startedAt() != null && !startSeen) || (k.startedAt() == null && keyed > 0)) {
            return new Verdict(chained, unchained, k.startedAt(), Problem.START_MISSING, last);
        }
        if (anchor.isPresent() && !anchorSeen) {
            return new Verdict(chained, unchained, anchor.get().seq(), Problem.TAIL_REMOVED, last);
        }
        if (anchor.isEmpty() && anchorExpected && keyed > 0) {
            return new Verdict(chained, unchained, null, Problem.ANCHOR_MISSING, last);
        }
        return new Verdict(chained, unchained, null, null, last);
    }
}
