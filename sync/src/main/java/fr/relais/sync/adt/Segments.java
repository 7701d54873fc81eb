package fr.relais.sync.adt;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Group;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Structure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The segments a parsed message holds, by segment name in message order, found in one walk of its structure. What
 * {@link AdtMessageReader} reads: HAPI's {@code Terser} path {@code /.ZBE-1} searches the whole structure again, with
 * regular expressions, for every field it reads (a fifth of the listener's time per message in the profile of
 * docs/benchmarks.md); the walk finds each segment once. Only the segments the message carries are listed: the walk
 * creates none (an absent segment reads as absent, as an empty one does through the Terser).
 */
final class Segments {
    private final Map<String, List<Segment>> byName;

    private Segments(Map<String, List<Segment>> byName) {
        this.byName = byName;
    }

    static Segments of(Group message) throws HL7Exception {
        Map<String, List<Segment>> byName = new HashMap<>();
        walk(message, byName);
        return new Segments(byName);
    }

    private static void walk(Group group, Map<String, List<Segment>> byName) throws HL7Exception {
        for (String name : group.getNames()) {
            for (Structure structure : group.getAll(name)) {
                if (structure instanceof Segment segment) {
                    byName.computeIfAbsent(segment.getName(), n -> new ArrayList<>()).add(segment);
                } else if (structure instanceof Group child) {
                    walk(child, byName);
                }
            }
        }
    }

    /** The first segment of that name in the message, or null when it carries none. */
    Segment first(String name) {
        List<Segment> found = byName.get(name);
        return found == null ? null : found.get(0);
    }

    /** Every segment of that name, in message order (the repetitions of a repeating segment, such as DG1). */
    List<Segment> all(String name) {
        return byName.getOrDefault(name, List.of());
    }
}
