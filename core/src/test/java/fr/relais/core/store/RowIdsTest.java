package fr.relais.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The ids of rows written in volume (ADR 0030): version 7, never repeated, in the order they were drawn. */
class RowIdsTest {

    @Test
    void aRowIdIsAVersionSevenUuidWrittenAsTheStoreKeepsIds() {
        UUID id = RowIds.next();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2); // RFC 9562's variant
        assertThat(UUID.fromString(id.toString())).isEqualTo(id);
        assertThat(id.toString()).matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    @Test
    void theHospitalMessagesOfABurstGetDistinctIdsThatSortByTheirTimePart() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            ids.add(RowIds.next());
        }

        assertThat(new HashSet<>(ids)).hasSize(ids.size());
        // The first 48 bits are the time drawn: never back within a run, and the text (as stored) sorts the same way.
        for (int i = 1; i < ids.size(); i++) {
            long before = ids.get(i - 1).getMostSignificantBits() >>> 16;
            long after = ids.get(i).getMostSignificantBits() >>> 16;
            assertThat(after).isGreaterThanOrEqualTo(before);
            assertThat(ids.get(i).toString().substring(0, 13).replace("-", ""))
                    .isGreaterThanOrEqualTo(ids.get(i - 1).toString().substring(0, 13).replace("-", ""));
        }
    }

    @Test
    void twoIdsDrawnInTheSameMillisecondDoNotTellOneAnother() {
        // The random part is drawn afresh each time (not a counter): consecutive ids differ in many of their 62 low bits.
        int differing = 0;
        UUID previous = RowIds.next();
        for (int i = 0; i < 1_000; i++) {
            UUID next = RowIds.next();
            differing += Long.bitCount(previous.getLeastSignificantBits() ^ next.getLeastSignificantBits()) > 8 ? 1 : 0;
            previous = next;
        }
        assertThat(differing).isGreaterThan(990);
    }
}
