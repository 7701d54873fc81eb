package fr.relais.core.store;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochRandomGenerator;
import java.util.UUID;

/**
 * The ids of new rows: UUIDs of version 7 (RFC 9562, ADR 0030), whose first 48 bits are the time they were drawn, in
 * milliseconds, and the other 74 random. Rows created together then sit side by side in every index on their id (and
 * on the ids they refer to), so a transaction that creates many rows rewrites a few index pages instead of one page a
 * row: with random (version 4) ids, the ADT listener's commits wrote about twenty pages of the log a message.
 * The random part is drawn afresh for each id (JUG's epoch-random generator, on a {@link java.security.SecureRandom}):
 * an id does not tell the next one.
 */
public final class RowIds {
    private static final TimeBasedEpochRandomGenerator GENERATOR = Generators.timeBasedEpochRandomGenerator();

    private RowIds() {
    }

    /** A new row's id, after every id drawn in an earlier millisecond of this machine's clock. */
    public static UUID next() {
        return GENERATOR.generate();
    }
}
