package fr.relais.core.measure;

import fr.relais.core.error.BadInputException;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.PatientService;
import fr.relais.core.time.IsoInput;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Imports measures from CSV (format in docs/measures-csv.md): header {@code patient,code,value,unit,effective}, comma
 * or semicolon separated (a French spreadsheet writes ";" and decimal commas), UTF-8 with or without BOM. Every row is
 * checked before anything is written (patient, code, unit, value, date: not in the future, not before the patient's
 * birth); by default one bad row refuses the file, with skip-bad-rows the good rows go in. The good rows are then
 * written by the bulk path ({@link BulkIngest}): batches of {@value BulkIngest#BATCH} rows, each one transaction with
 * one audit event and the alert engine's judgement. Importing is idempotent: a row whose patient, code, instant and
 * value (in the canonical unit) match a stored measure, or an earlier row of the file, is the same measure and is
 * counted as already present, not stored again. The check runs inside each batch's write transaction, which SQLite
 * serialises (BEGIN IMMEDIATE) with every other writer, so two imports of one file at once store it once too.
 */
public final class MeasureCsvImport {
    static final List<String> COLUMNS = List.of("patient", "code", "value", "unit", "effective");

    private final MeasureService measures;
    private final PatientService patients;
    private final BulkIngest bulk;

    private static final int PROGRESS_EVERY = 100;

    public MeasureCsvImport(MeasureService measures, PatientService patients, BulkIngest bulk) {
        this.measures = measures;
        this.patients = patients;
        this.bulk = bulk;
    }

    public ImportReport importCsv(String source, Reader reader, boolean skipBadRows) {
        return importCsv(source, reader, skipBadRows, rows -> { }, () -> false);
    }

    /**
     * The same, reporting the rows checked (every {@value #PROGRESS_EVERY}) and stopping with a
     * {@link java.util.concurrent.CancellationException} when {@code cancelled} says so: before anything is written
     * while the rows are checked, and between two batches while they are written (see the next method).
     */
    public ImportReport importCsv(String source, Reader reader, boolean skipBadRows, java.util.function.IntConsumer rowsChecked,
                                  java.util.function.BooleanSupplier cancelled) {
        return importCsv(source, reader, skipBadRows, rowsChecked, rows -> { }, cancelled);
    }

    /**
     * The same, also reporting the good rows written so far after each committed batch ({@link BulkIngest}). Cancelled
     * while writing, the batches already committed stay, with their measures judged; the
     * {@link ImportCancelledException} says how many; importing the file again stores the rest.
     */
    public ImportReport importCsv(String source, Reader reader, boolean skipBadRows, java.util.function.IntConsumer rowsChecked,
                                  java.util.function.IntConsumer rowsWritten, java.util.function.BooleanSupplier cancelled) {
        List<CheckedRow> good = new ArrayList<>();
        List<ImportRowError> bad = new ArrayList<>();
        java.util.Map<String, Patient> known = new java.util.HashMap<>();
        long lastLine = 1;
        try (BufferedReader buffered = new BufferedReader(reader)) {
            buffered.mark(1 << 16);
            String header = buffered.readLine();
            if (header == null) {
                throw new BadInputException(source, "import.empty");
            }
            buffered.reset();
            if (header.startsWith("\uFEFF")) {
                buffered.skip(1);
                header = header.substring(1);
            }
            char delimiter = header.contains(";") ? ';' : ',';
            CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true).setTrim(true)
                    // a column twice is ambiguous (which value?): refused rather than one of them read
                    .setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.DISALLOW).get();
            CSVParser parser;
            try {
                parser = format.parse(buffered);
            } catch (IllegalArgumentException | IllegalStateException e) {
                // commons-csv refuses a header with a column twice or a column without a name
                throw new BadInputException(source, "import.header");
            }
            try (parser) {
                List<String> missing = COLUMNS.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
                if (!missing.isEmpty()) {
                    throw new BadInputException(source, "import.columns", String.join(", ", missing), String.join(",", COLUMNS));
                }
                int checked = 0;
                for (CSVRecord record : parser) {
                    if (++checked % PROGRESS_EVERY == 0) {
                        rowsChecked.accept(checked);
                        if (cancelled.getAsBoolean()) {
                            throw new java.util.concurrent.CancellationException(source + ": import cancelled");
                        }
                    }
                    long line = parser.getCurrentLineNumber();
                    lastLine = line;
                    try {
                        good.add(row(record, known));
                    } catch (BadInputException e) {
                        bad.add(new ImportRowError(line, e));
                    }
                }
            }
        } catch (java.util.concurrent.CancellationException stopped) {
            throw stopped; // an IllegalStateException too, but not a malformed file
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            Throwable cause = e instanceof java.io.UncheckedIOException ? e.getCause() : e;
            if (cause instanceof java.nio.charset.CharacterCodingException) {
                throw new BadInputException(source, "import.encoding", String.valueOf(lastLine + 1));
            }
            if (cause instanceof IOException io && !(io instanceof org.apache.commons.csv.CSVException)) {
                throw fr.relais.core.error.FileProblem.unreadable(source, io); // the file, not its content (a folder...)
            }
            // Malformed CSV (a quote left open, text after a closing quote): commons-csv's own words stay in the log;
            // the user is told from which line the file cannot be read.
            throw new BadInputException(source, "import.unreadable", String.valueOf(lastLine + 1));
        }
        if (!bad.isEmpty() && !skipBadRows) {
            throw new ImportRejectedException(source, bad);
        }
        List<BulkIngest.Row> rows = good.stream().map(r -> new BulkIngest.Row(r.measure(), r.patient())).toList();
        BulkIngest.Result result = bulk.ingest(source, rows, rowsWritten, cancelled);
        return new ImportReport(result.stored(), result.alreadyPresent(), bad);
    }

    /** Checks one row completely (patient, code, unit, value, date), so that writing can no longer fail on it. */
    private CheckedRow row(CSVRecord record, java.util.Map<String, Patient> known) {
        if (!record.isConsistent()) {
            throw new BadInputException("", "import.fieldCount", record.size(), COLUMNS.size());
        }
        String key = record.get("patient");
        // A year of device data names the same few patients thousands of times: each is looked up once per file.
        Patient patient = known.computeIfAbsent(key, k -> patients.findByIppOrIns(k).orElse(null));
        if (patient == null) {
            throw new BadInputException("patient", "import.patient", key);
        }
        String code = record.get("code");
        String value = record.get("value");
        String unit = record.get("unit");
        MeasureValue.of("", code, value, unit);
        java.time.Instant effective = IsoInput.dateTime("effective", record.get("effective"))
                .truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        measures.checkWhen("effective", patient, effective);
        return new CheckedRow(new NewMeasure(patient.id(), code, value, unit, effective, MeasureSource.IMPORTED), patient);
    }

    /** A row that passed every check. */
    private record CheckedRow(NewMeasure measure, Patient patient) {
    }
}
