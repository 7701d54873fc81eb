package fr.relais.app.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.i18n.Language;
import fr.relais.core.replication.SyncRunLog;
import fr.relais.sync.engine.SyncReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code relais sync --format json} is a scripting contract (docs/sync.md): since the run's outcome is typed, the report
 * must still print {@code status} by name, first, then the counts in the documented order, and nothing else.
 */
class SyncReportJsonTest {

    private static String printed(Object value) {
        StringWriter text = new StringWriter();
        new Printer(OutputFormat.JSON, new PrintWriter(text), Language.FR).json(value);
        return text.toString();
    }

    @Test
    void aCancelledSyncWithAnUnreadPatientPrintsTheDocumentedFieldsInTheirOrder() {
        SyncReport report = new SyncReport(SyncRunLog.State.CANCELLED, 12, 3, 2, 1, 4, 5,
                List.of("Patient/p1/_history/2: date de naissance illisible"), 1);

        Map<String, Object> documented = new LinkedHashMap<>();
        documented.put("status", "CANCELLED");
        documented.put("pulled", 12);
        documented.put("pushed", 3);
        documented.put("merged", 2);
        documented.put("conflicts", 1);
        documented.put("openConflicts", 4);
        documented.put("pending", 5);
        documented.put("skipped", List.of("Patient/p1/_history/2: date de naissance illisible"));
        documented.put("refused", 1);
        assertThat(printed(report)).isEqualTo(printed(documented));
        assertThat(report.status()).isEqualTo("CANCELLED");
    }
}
