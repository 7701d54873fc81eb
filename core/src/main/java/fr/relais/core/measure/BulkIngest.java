package fr.relais.core.measure;

import fr.relais.core.audit.AuditLog;
import fr.relais.core.identity.Patient;
import fr.relais.core.replication.Outbox;
import fr.relais.core.session.Permission;
import fr.relais.core.session.UserSession;
import fr.relais.core.store.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * Stores many measures at once (a file from a telemonitoring platform, the demo's device data) through the real
 * engine, at the speed SQLite can write: every row is checked and converted as {@link MeasureService#record} does, then
 * the rows go in batches of {@link #BATCH}, each batch one transaction with one prepared insert, its outbox rows in one
 * batch, one audit event for the whole batch (what was imported, its SHA-256 and its counts) and, before it commits,
 * the alert engine's judgement of the batch's patients ({@link MeasureListener#recordedAll}), so that a measure and
 * the alert it raises still commit together. A batch is all or nothing: cancelled or killed between batches, the store
 * keeps whole batches only, and importing the same rows again stores only what is missing (a row whose patient, code,
 * instant and value match a stored measure, or an earlier row, is "already present").
 *
 * <p>Rows are stored patient by patient (in the order each patient first appears), each patient's rows in time order,
 * ties in the order given: the engine then judges each value against what came before it in time, as it does for
 * measures that arrive one by one in time order.
 */
public final class BulkIngest {
    /** Rows per transaction: large enough that the commit (fsync) is paid rarely, small enough to cancel within a second. */
    public static final int BATCH = 5_000;
    /** The audit event of one batch; its detail is {@link Counts#detail}. */
    public static final String AUDIT_ACTION = "measure.import";

    private final Database database;
    private final MeasureRepository stored;
    private final MeasureService measures;
    private final AuditLog audit;
    private final Outbox outbox;
    private final UserSession session;
    private final MeasureListener listener;
    private final int batchSize;

    public BulkIngest(Database database, MeasureRepository stored, MeasureService measures, AuditLog audit, Outbox outbox,
                      UserSession session, MeasureListener listener) {
        this(database, stored, measures, audit, outbox, session, listener, BATCH);
    }

    private BulkIngest(Database database, MeasureRepository stored, MeasureService measures, AuditLog audit, Outbox outbox,
                       UserSession session, MeasureListener listener, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size " + batchSize);
        }
        this.database = database;
        this.stored = stored;
        this.measures = measures;
        this.audit = audit;
        this.outbox = outbox;
        this.session = session;
        this.listener = listener;
        this.batchSize = batchSize;
    }

    /** The same path with batches of {@code rows} rows (tests: a few rows per batch, to see batches commit and stop). */
    public BulkIngest withBatch(int rows) {
        return new BulkIngest(database, stored, measures, audit, outbox, session, listener, rows);
    }

    /** A row to store and the patient it belongs to (whose birth date bounds its date). */
    public record Row(NewMeasure measure, Patient patient) {
    }

    /**
     * What an import did: measures written ({@code held} of them held, unjudged, until the patient consents again), rows
     * already present (in the store or earlier in the rows), in how many batches.
     */
    public record Result(int stored, int alreadyPresent, int held, int batches) {
    }

    /** {@link #ingest(String, List, IntConsumer, BooleanSupplier)} without progress nor cancel. */
    public Result ingest(String source, List<Row> rows) {
        return ingest(source, rows, done -> { }, () -> false);
    }

    /**
     * Checks every row (a bad one refuses them all, before anything is written: {@link fr.relais.core.error.BadInputException}
     * naming {@code source}), then stores them batch by batch. After each committed batch {@code rowsDone} is told how
     * many rows were handled so far; {@code cancelled} is asked before each batch, and when it says so the import
     * stops with an {@link ImportCancelledException} telling what the committed batches stored. Called inside a
     * caller's transaction (the demo), the batches are savepoints of it.
     */
    public Result ingest(String source, List<Row> rows, IntConsumer rowsDone, BooleanSupplier cancelled) {
        session.require(Permission.CLINICAL_WRITE);
        List<Measure> checked = inStorageOrder(source, rows);
        UUID importId = UUID.randomUUID();
        int batches = (checked.size() + batchSize - 1) / batchSize;
        Set<String> seen = new HashSet<>();
        Counts total = new Counts();
        for (int b = 0; b < batches; b++) {
            if (cancelled.getAsBoolean()) {
                throw new ImportCancelledException(source, total.stored, b * batchSize, checked.size());
            }
            List<Measure> batch = checked.subList(b * batchSize, Math.min(checked.size(), (b + 1) * batchSize));
            int number = b + 1;
            // Keys seen in this batch join the import's only once it committed (a failed batch leaves none behind).
            Set<String> seenWith = new HashSet<>(seen);
            Counts counts = database.inTransaction(() -> store(source, importId, number, batches, batch, seenWith));
            seen.addAll(seenWith);
            total.add(counts);
            rowsDone.accept(Math.min(checked.size(), (b + 1) * batchSize));
        }
        return new Result(total.stored, total.present, total.held, batches);
    }

    /** Every row checked and built as the measure to store, patient by patient in time order (see the class comment). */
    private List<Measure> inStorageOrder(String source, List<Row> rows) {
        Map<UUID, List<Measure>> byPatient = new LinkedHashMap<>();
        for (Row row : rows) {
            Measure m = measures.checked(row.measure(), source, row.patient());
            byPatient.computeIfAbsent(m.patientId(), k -> new ArrayList<>()).add(m);
        }
        List<Measure> ordered = new ArrayList<>(rows.size());
        for (List<Measure> ofPatient : byPatient.values()) {
            ofPatient.sort(Comparator.comparing(Measure::effectiveAt)); // stable: ties keep the order given
            ordered.addAll(ofPatient);
        }
        return ordered;
    }

    /** One batch, inside its transaction: stored, put in the outbox, audited once, then held or judged. */
    private Counts store(String source, UUID importId, int number, int batches, List<Measure> batch, Set<String> seen) {
        Counts counts = new Counts();
        Map<UUID, Set<String>> present = presentKeys(batch);
        List<Measure> fresh = new ArrayList<>(batch.size());
        MessageDigest digest = sha256();
        for (Measure m : batch) {
            digest.update(canonicalLine(m).getBytes(StandardCharsets.UTF_8));
            String key = MeasureRepository.key(m.patientId(), m.code(), m.effectiveAt(), m.value());
            if (!seen.add(key) || present.get(m.patientId()).contains(key)) {
                counts.present++;
            } else {
                fresh.add(m);
                counts.unusual += m.unusual() ? 1 : 0;
            }
        }
        stored.insertAll(fresh);
        outbox.recordAll(MeasureService.RECORD, fresh.stream().map(Measure::id).toList());
        List<Measure> judged = new ArrayList<>(fresh.size());
        Map<UUID, Boolean> withdrawn = new HashMap<>();
        for (Measure m : fresh) {
            // for a measure from devices, held means the patient's consent is withdrawn: asked once per patient
            if (MeasureService.fromDevices(m.source()) && withdrawn.computeIfAbsent(m.patientId(), p -> measures.heldFor(m.source(), p))) {
                measures.hold(m);
                counts.held++;
            } else {
                judged.add(m);
            }
        }
        counts.stored = fresh.size();
        audit.record(AUDIT_ACTION, "MeasureImport", importId, null,
                counts.detail(source, number, batches, batch.size(), HexFormat.of().formatHex(digest.digest())));
        listener.recordedAll(judged);
        return counts;
    }

    /** For each patient of the batch, the keys of what the store already holds over the batch's dates. */
    private Map<UUID, Set<String>> presentKeys(List<Measure> batch) {
        Map<UUID, Instant[]> spans = new LinkedHashMap<>();
        for (Measure m : batch) {
            Instant[] span = spans.computeIfAbsent(m.patientId(), p -> new Instant[] {m.effectiveAt(), m.effectiveAt()});
            if (m.effectiveAt().isBefore(span[0])) {
                span[0] = m.effectiveAt();
            }
            if (m.effectiveAt().isAfter(span[1])) {
                span[1] = m.effectiveAt();
            }
        }
        Map<UUID, Set<String>> keys = new HashMap<>();
        spans.forEach((patient, span) -> keys.put(patient, stored.keysBetween(patient, span[0], span[1])));
        return keys;
    }

    /**
     * The line a row contributes to its batch's SHA-256 (UTF-8, one per row in storage order, each ending with a line
     * feed): {@code patient id|LOINC code|value as given|unit as given|instant (ISO-8601, UTC)|source}. Documented in
     * docs/measures-csv.md so that an auditor can recompute it.
     */
    static String canonicalLine(Measure m) {
        return m.patientId() + "|" + m.code() + "|" + m.originalValue() + "|" + m.originalUnit() + "|" + m.effectiveAt() + "|"
                + m.source().name() + "\n";
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** The counts of a batch (and, added up, of an import). */
    private static final class Counts {
        int stored;
        int present;
        int held;
        int unusual;

        void add(Counts other) {
            stored += other.stored;
            present += other.present;
            held += other.held;
            unusual += other.unusual;
        }

        /** {@code source=mesures.csv batch=2/3 rows=5000 stored=4990 present=10 held=0 unusual=3 sha256=…}. */
        String detail(String source, int number, int batches, int rows, String sha256) {
            return "source=" + source + " batch=" + number + "/" + batches + " rows=" + rows + " stored=" + stored
                    + " present=" + present + " held=" + held + " unusual=" + unusual + " sha256=" + sha256;
        }
    }
}
