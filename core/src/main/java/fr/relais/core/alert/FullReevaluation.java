package fr.relais.core.alert;

import fr.relais.core.measure.MeasureRepository;
import fr.relais.core.measure.Reading;
import fr.relais.core.pathway.Enrollment;
import fr.relais.core.pathway.EnrollmentRepository;
import fr.relais.core.store.Database;
import fr.relais.core.work.BackgroundWork;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Re-runs every value rule over every valid measure (a pathway changed, a workstation catching up, {@code relais
 * evaluate}), then the missing-data rules: the same alerts as incremental evaluation.
 */
public final class FullReevaluation {
    /** Series read ahead of the one being judged. */
    private static final int READ_AHEAD = 16;
    /** Reader threads: two keep two cores busy (the pool has four connections). */
    private static final int READERS = 2;

    private final Database database;
    private final MeasureRepository measures;
    private final EnrollmentRepository enrollments;
    private final ThresholdService thresholds;
    private final ValueJudgement judgement;
    private final MissingDataWatch missing;

    public FullReevaluation(Database database, MeasureRepository measures, EnrollmentRepository enrollments,
                            ThresholdService thresholds, ValueJudgement judgement, MissingDataWatch missing) {
        this.database = database;
        this.measures = measures;
        this.enrollments = enrollments;
        this.thresholds = thresholds;
        this.judgement = judgement;
        this.missing = missing;
    }

    /**
     * Re-runs every value rule over every valid measure, each judged by what came before it and the thresholds in force
     * when it was taken: the same alerts as incremental evaluation. A measure already behind an alert of a rule is not
     * raised again, so alerts a human handled stay handled. Reads each series (patient, code with a rule) once, on
     * reader connections that see committed measures only: call it on its own, not inside a caller's transaction.
     */
    public int evaluateAll() {
        return database.inTransaction(() -> {
            Map<UUID, List<Enrollment>> active = new HashMap<>();
            enrollments.active().forEach(e -> active.computeIfAbsent(e.patientId(), k -> new ArrayList<>()).add(e));
            Map<UUID, List<ThresholdOverride>> overrides = thresholds.allOverridesByPatient();
            Map<UUID, RuleBook> books = new HashMap<>();
            active.values().forEach(list -> list.forEach(e -> books.put(e.id(),
                    thresholds.rules(e, overrides.getOrDefault(e.patientId(), List.of())))));
            ValueJudgement.Raised raised = judgement.inMemory();
            List<Map.Entry<UUID, String>> series = new ArrayList<>();
            for (Map.Entry<UUID, List<Enrollment>> patient : active.entrySet()) {
                Set<String> codes = new TreeSet<>();
                patient.getValue().forEach(e -> ValueJudgement.valueCodes(books.get(e.id()), codes));
                codes.forEach(code -> series.add(Map.entry(patient.getKey(), code)));
            }
            // SQLite reading (through JNI) is most of the cost: other connections read the next series while this
            // thread evaluates and writes. Outside this transaction it sees the committed measures, which are the
            // ones to judge (evaluation writes alerts, never measures).
            try (BackgroundWork readers = BackgroundWork.daemons("relais-evaluate-reader", READERS)) {
                ArrayDeque<BackgroundWork.Pending<List<Reading>>> ahead = new ArrayDeque<>();
                int next = 0;
                for (Map.Entry<UUID, String> s : series) {
                    while (next < series.size() && ahead.size() < READ_AHEAD) {
                        Map.Entry<UUID, String> job = series.get(next++);
                        ahead.add(readers.submit(() -> measures.validSeries(job.getKey(), job.getValue(), Instant.EPOCH)));
                    }
                    judgement.series(active.get(s.getKey()), books, ahead.poll().join(), raised);
                }
            }
            return raised.added() + missing.evaluateMissing();
        });
    }
}
