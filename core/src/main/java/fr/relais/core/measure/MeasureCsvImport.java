package fr.relais.core.measure;

import fr.relais.core.error.BadInputException;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.PatientService;
import fr.relais.core.store.Database;
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
 * checked before anything is written; by default one bad row refuses the file, with skip-bad-rows the good rows go in.
 */
public final class MeasureCsvImport {
    static final List<String> COLUMNS = List.of("patient", "code", "value", "unit", "effective");

    private final Database database;
    private final MeasureService measures;
    private final PatientService patients;

    private static final int PROGRESS_EVERY = 100;

    public MeasureCsvImport(Database database, MeasureService measures, PatientService patients) {
        this.database = database;
        this.measures = measures;
        this.patients = patients;
    }

    public ImportReport importCsv(String source, Reader reader, boolean skipBadRows) {
        return importCsv(source, reader, skipBadRows, rows -> { }, () -> false);
    }

    /**
     * The same, reporting the rows checked (every {@value #PROGRESS_EVERY}) and stopping with a
     * {@link java.util.concurrent.CancellationException} when {@code cancelled} says so before anything is written.
     */
    public ImportReport importCsv(String source, Reader reader, boolean skipBadRows, java.util.function.IntConsumer rowsChecked,
                                  java.util.function.BooleanSupplier cancelled) {
        List<NewMeasure> good = new ArrayList<>();
        List<ImportRowError> bad = new ArrayList<>();
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
                    .setIgnoreEmptyLines(true).setTrim(true).get();
            try (CSVParser parser = format.parse(buffered)) {
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
                    try {
                        good.add(row(record));
                    } catch (BadInputException e) {
                        bad.add(new ImportRowError(line, e));
                    }
                }
            }
        } catch (java.util.concurrent.CancellationException stopped) {
            throw stopped; // an IllegalStateException too, but not a malformed file
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            // Malformed CSV (a quote left open, text after a closing quote) comes as an I/O error naming the line.
            throw new BadInputException(source, "import.unreadable", e.getMessage());
        }
        if (!bad.isEmpty() && !skipBadRows) {
            throw new ImportRejectedException(source, bad);
        }
        if (cancelled.getAsBoolean()) {
            throw new java.util.concurrent.CancellationException(source + ": import cancelled");
        }
        database.inTransaction(() -> {
            for (NewMeasure measure : good) {
                measures.insert(measure, source);
            }
        });
        return new ImportReport(good.size(), bad);
    }

    /** Checks one row completely (patient, code, unit, value, date), so that writing can no longer fail on it. */
    private NewMeasure row(CSVRecord record) {
        if (!record.isConsistent()) {
            throw new BadInputException("row", "import.fieldCount", record.size(), COLUMNS.size());
        }
        String key = record.get("patient");
        Patient patient = patients.findByIppOrIns(key).orElseThrow(() -> new BadInputException("patient", "import.patient", key));
        String code = record.get("code");
        String value = record.get("value");
        String unit = record.get("unit");
        MeasureValue.of("", code, value, unit);
        return new NewMeasure(patient.id(), code, value, unit, IsoInput.dateTime("effective", record.get("effective")),
                MeasureSource.IMPORTED);
    }
}
