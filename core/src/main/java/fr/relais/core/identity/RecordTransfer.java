package fr.relais.core.identity;

import fr.relais.core.replication.Outbox;
import fr.relais.core.replication.RecordKind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Moves every clinical record of a replaced patient to the surviving one, for a merge of two records of the same
 * person. The tables are found in the schema (every table with a {@code patient_id} column), so a table added by a
 * later migration follows the survivor without anyone remembering to list it here; only the trail of what happened
 * stays with the record it was written for ({@link #HISTORY}). Each moved row is queued for the push, so that the
 * server's copy points at the survivor too.
 */
final class RecordTransfer {
    /** Rows that stay with the replaced record: who read it, how its identity was established, its duplicate flags. */
    static final Set<String> HISTORY = Set.of("audit_event", "identity_event", "break_glass_access", "patient_duplicate",
            "patient_merge");
    /** Tables whose rows are pushed one by one (their outbox kind, keyed by the row id). */
    private static final Map<String, String> ROW_RECORDS = Map.of("measure", RecordKind.MEASURE, "task", RecordKind.TASK,
            "enrollment", RecordKind.ENROLLMENT, "alert", RecordKind.ALERT,
            "questionnaire_response", RecordKind.QUESTIONNAIRE_RESPONSE, "consent", RecordKind.CONSENT,
            "threshold_override", RecordKind.THRESHOLD_OVERRIDE);
    /** Tables pushed as one record per patient (keyed by the patient id). */
    private static final Map<String, String> PATIENT_RECORDS = Map.of("care_team_member", RecordKind.CARE_TEAM,
            "urgent_care_plan_version", RecordKind.URGENT_CARE_PLAN);

    /** How many rows moved, and how many stayed on the replaced record because the survivor already has their twin. */
    record Moved(int moved, int keptOnReplaced) {
    }

    private final DSLContext dsl;
    private final Outbox outbox;

    RecordTransfer(DSLContext dsl, Outbox outbox) {
        this.dsl = dsl;
        this.outbox = outbox;
    }

    /** The tables whose rows follow the survivor. */
    List<String> clinicalTables() {
        return dsl.fetch("SELECT m.name FROM sqlite_master m JOIN pragma_table_info(m.name) c "
                        + "WHERE m.type = 'table' AND c.name = 'patient_id' ORDER BY m.name")
                .getValues(0, String.class).stream().filter(t -> !HISTORY.contains(t)).toList();
    }

    Moved move(UUID replaced, UUID survivor) {
        String from = replaced.toString();
        String to = survivor.toString();
        int moved = 0;
        int kept = 0;
        for (String table : clinicalTables()) {
            var patientId = DSL.field(DSL.name("patient_id"), String.class);
            List<String> ids = ROW_RECORDS.containsKey(table)
                    ? dsl.select(DSL.field(DSL.name("id"), String.class)).from(DSL.table(DSL.name(table))).where(patientId.eq(from)).fetch(0, String.class)
                    : List.of();
            int count;
            if (table.equals("urgent_care_plan_version")) {
                // Versions are numbered per patient: the replaced record's versions come after the survivor's.
                count = dsl.execute("UPDATE urgent_care_plan_version SET version = version + (SELECT ifnull(max(version), 0) "
                        + "FROM urgent_care_plan_version WHERE patient_id = ?), patient_id = ? WHERE patient_id = ?", to, to, from);
            } else {
                // A row the survivor already holds (same care-team member, same current threshold...) stays behind.
                count = dsl.execute("UPDATE OR IGNORE " + DSL.name(table) + " SET patient_id = ? WHERE patient_id = ?", to, from);
            }
            moved += count;
            kept += dsl.fetchCount(DSL.table(DSL.name(table)), patientId.eq(from));
            if (ROW_RECORDS.containsKey(table)) {
                for (String id : ids) {
                    if (dsl.fetchExists(DSL.table(DSL.name(table)), DSL.field(DSL.name("id"), String.class).eq(id).and(patientId.eq(to)))) {
                        outbox.record(ROW_RECORDS.get(table), UUID.fromString(id));
                    }
                }
            } else if (PATIENT_RECORDS.containsKey(table) && count > 0) {
                outbox.record(PATIENT_RECORDS.get(table), survivor);
                outbox.record(PATIENT_RECORDS.get(table), replaced);
            }
        }
        return new Moved(moved, kept);
    }
}
