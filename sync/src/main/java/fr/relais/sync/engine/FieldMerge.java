package fr.relais.sync.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Three-way merge of a record's fields against the base (the last server version both sides saw): a field changed on
 * one side only takes that side's value; changed on both sides to different values, it is a conflict, and keeps the
 * local value until a person chooses. Nothing is overwritten silently.
 */
final class FieldMerge {
    private FieldMerge() {
    }

    static Result merge(Map<String, String> base, Map<String, String> local, Map<String, String> remote) {
        Map<String, String> merged = new LinkedHashMap<>();
        List<FieldConflict> conflicts = new ArrayList<>();
        java.util.Set<String> names = new java.util.LinkedHashSet<>(local.keySet());
        names.addAll(remote.keySet());
        for (String field : names) {
            String b = base.get(field);
            String l = local.get(field);
            String r = remote.get(field);
            if (Objects.equals(l, r) || Objects.equals(r, b)) {
                merged.put(field, l);
            } else if (Objects.equals(l, b)) {
                merged.put(field, r);
            } else {
                merged.put(field, l);
                conflicts.add(new FieldConflict(field, b, l, r));
            }
        }
        return new Result(merged, conflicts);
    }

    record FieldConflict(String field, String base, String local, String remote) {
    }

    record Result(Map<String, String> merged, List<FieldConflict> conflicts) {
    }
}
