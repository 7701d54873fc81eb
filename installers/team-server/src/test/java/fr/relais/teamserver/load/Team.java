package fr.relais.teamserver.load;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A care team on the server: its code (the tag of its records and the claim of its tokens), up to {@value #SIZE}
 * laptops, and the tasks set aside for contested changes: laptops 0 and 1 (a pair), 2 and 3, postpone the same task
 * in the same round, so the second to sync meets the first's change.
 */
final class Team {
    /** Laptops per team: a CPTS nursing team sharing its patients. */
    static final int SIZE = 4;
    /** Tasks set aside for contested changes. */
    private static final int RESERVED = 20;

    private final String code;
    private final Set<UUID> reserved = new LinkedHashSet<>();

    Team(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    /** Sets aside the first open tasks of the team (in id order) for the pairs' contested changes. */
    void reserve(List<UUID> openTasks) {
        openTasks.stream().limit(RESERVED).forEach(reserved::add);
    }

    boolean reserved(UUID task) {
        return reserved.contains(task);
    }

    /** The task that the laptop in {@code slot} and its pair partner both change at their {@code k}th contested change. */
    UUID contested(int slot, int k) {
        if (reserved.isEmpty()) {
            return null;
        }
        List<UUID> tasks = List.copyOf(reserved);
        return tasks.get((slot / 2 * 7 + k) % tasks.size());
    }
}
