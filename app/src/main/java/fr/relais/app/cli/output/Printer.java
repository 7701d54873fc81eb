package fr.relais.app.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.relais.app.wording.Messages;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Prints command results in the chosen format. JSON is the scripting contract (documented in docs/cli-json.md):
 * English camelCase fields, ISO dates, every field present (null when empty), arrays for lists.
 */
public final class Printer {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            // 100 stays 100, never 1E+2: scripts read these numbers.
            .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    /** The same JSON on one line. */
    private static final ObjectMapper JSON_LINE = JSON.copy().disable(SerializationFeature.INDENT_OUTPUT);

    /** Dates and times in a table, as French readers write them (CSV and JSON keep their own, machine-read formats). */
    public static final java.time.format.DateTimeFormatter DATE_TIME = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(fr.relais.core.time.CareZone.PARIS);

    private final OutputFormat format;
    private final PrintWriter out;
    private final Localization texts;

    public Printer(OutputFormat format, PrintWriter out, Language language) {
        this.format = format;
        this.out = out;
        this.texts = Localization.of(Messages.BUNDLE, language);
    }

    public OutputFormat format() {
        return format;
    }

    public <T> void list(List<T> items, List<Column<T>> columns, Function<T, Object> jsonView) {
        switch (format) {
            case JSON -> json(items.stream().map(jsonView).toList());
            case CSV -> csv(items, columns);
            case TABLE -> table(items, columns);
        }
    }

    /** One object: JSON as is, or the given text rendering for table and CSV. */
    public void object(Object jsonView, Consumer<PrintWriter> text) {
        if (format == OutputFormat.JSON) {
            json(jsonView);
        } else {
            text.accept(out);
            out.flush();
        }
    }

    /**
     * One result of a stream ({@code relais sync --watch}): in JSON on a single line, one line per result, so that a
     * script reads each as it comes; the given text rendering otherwise.
     */
    public void objectLine(Object jsonView, Consumer<PrintWriter> text) {
        if (format == OutputFormat.JSON) {
            try {
                out.println(JSON_LINE.writeValueAsString(jsonView));
                out.flush();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot write JSON", e);
            }
        } else {
            text.accept(out);
            out.flush();
        }
    }

    public void json(Object value) {
        try {
            out.println(JSON.writeValueAsString(value));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON", e);
        }
    }

    private <T> void csv(List<T> items, List<Column<T>> columns) {
        try {
            CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader(columns.stream().map(Column::id).toArray(String[]::new))
                    .get().print(out);
            for (T item : items) {
                List<Object> row = new ArrayList<>();
                columns.forEach(c -> row.add(c.value().apply(item)));
                printer.printRecord(row);
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> void table(List<T> items, List<Column<T>> all) {
        List<Column<T>> columns = all.stream().filter(Column::inTable).toList();
        List<String[]> rows = new ArrayList<>();
        rows.add(columns.stream().map(c -> texts.text(c.headerKey())).toArray(String[]::new));
        for (T item : items) {
            rows.add(columns.stream().map(c -> {
                Object value = c.shown().apply(item);
                return value == null ? "" : value.toString();
            }).toArray(String[]::new));
        }
        int[] widths = new int[columns.size()];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
            }
            out.println(line.toString().stripTrailing());
        }
        out.println(texts.text("table.count", items.size()));
        out.flush();
    }
}
