package fr.relais.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** Issue 25: a step of a pathway report's table is read whole on paper, its long title and its state never cut. */
class ReportTableRowTest {
    private static final float[] STEP_COLUMNS = {0f, 0.17f, 0.72f};

    @Test
    void aLongStepTitleAndALapsedStateWrapInTheirColumnsInsteadOfBeingCut() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PdfDocumentWriter pdf = new PdfDocumentWriter()) {
            pdf.row(List.of("Échéance", "Étape", "État"), STEP_COLUMNS, 9);
            float before = pdf.y();
            pdf.row(List.of("06/12/2026 09:00", "Fréquence respiratoire au repos (respirations comptées pendant une minute)",
                    "non réalisée (échéance dépassée)"), STEP_COLUMNS, 9);
            assertThat(before - pdf.y()).as("the row is two lines high").isGreaterThan(9 * 1.4f * 1.5f);
            pdf.row(List.of("07/12/2026 10:00", "Appel de suivi J+2", "à venir"), STEP_COLUMNS, 9);
            pdf.save(out, "Rapport", "IDEC Test", "Relais", "page %d / %d");
        }
        try (PDDocument read = Loader.loadPDF(out.toByteArray())) {
            String text = new PDFTextStripper().getText(read);
            assertThat(text).doesNotContain("…");
            String flat = text.replaceAll("\\s+", " ");
            // Each cell goes on in its own column on the next line: the title's end and the state's end share it.
            assertThat(flat).contains("06/12/2026 09:00 Fréquence respiratoire au repos (respirations comptées pendant non réalisée (échéance",
                    "une minute) dépassée)", "07/12/2026 10:00 Appel de suivi J+2 à venir");
        }
    }
}
