package fr.relais.core.report;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * An archivable (PDF/A-1b) A4 document written top to bottom: embedded Liberation Sans (shipped inside PDFBox, so
 * French accents and symbols render anywhere), sRGB output intent, XMP metadata, and on every page a footer with the
 * author, the date and "page n / N". Callers write lines and blocks; a new page starts when the current one is full.
 */
final class PdfDocumentWriter implements AutoCloseable {
    static final float MARGIN = 50;
    static final float FOOTER = 30;
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private final PDDocument document = new PDDocument();
    private final PDFont font;
    private final List<PDPage> pages = new ArrayList<>();
    private PDPageContentStream content;
    private float y;

    PdfDocumentWriter() {
        try (InputStream in = PDFont.class.getResourceAsStream(FONT)) {
            // Whole font embedded: subsets of TrueType fonts need a CIDSet that PDF/A-1 validators check strictly.
            this.font = PDType0Font.load(document, in, false);
        } catch (IOException e) {
            throw new UncheckedIOException("The report font cannot be loaded", e);
        }
        newPage();
    }

    PDFont font() {
        return font;
    }

    float width() {
        return PDRectangle.A4.getWidth() - 2 * MARGIN;
    }

    float y() {
        return y;
    }

    PDPageContentStream content() {
        return content;
    }

    /** Makes sure {@code height} points fit on this page, else starts a new one. */
    void need(float height) {
        if (y - height < MARGIN + FOOTER) {
            newPage();
        }
    }

    void space(float points) {
        y -= points;
    }

    /** One paragraph, wrapped to the width, in {@code size} points. */
    void text(String text, float size) {
        text(text, size, 0);
    }

    void text(String text, float size, float indent) {
        float leading = size * 1.35f;
        for (String line : wrap(text == null ? "" : clean(text), size, width() - indent)) {
            need(leading);
            y -= leading;
            write(line, MARGIN + indent, y, size);
        }
    }

    /** A heading: larger, with room before it, never alone at the bottom of a page. */
    void heading(String text, float size) {
        need(size * 4);
        space(size * 0.8f);
        text(text, size);
        space(size * 0.3f);
    }

    /**
     * A row of cells at fixed x offsets (fractions of the width): a cell longer than its column wraps onto more lines,
     * the row as high as its tallest cell, so no step title or state is ever cut ("non réalisée (échéance dépassée)").
     */
    void row(List<String> cells, float[] columns, float size) {
        float leading = size * 1.4f;
        List<List<String>> lines = new ArrayList<>();
        int height = 1;
        for (int i = 0; i < cells.size(); i++) {
            float maxWidth = columnWidth(columns, i);
            List<String> wrapped = wrap(clean(cells.get(i) == null ? "" : cells.get(i)), size, maxWidth).stream()
                    .map(line -> fit(line, size, maxWidth)).toList(); // a single word wider than its column, the only cut left
            lines.add(wrapped);
            height = Math.max(height, wrapped.size());
        }
        need(leading * height);
        for (int line = 0; line < height; line++) {
            y -= leading;
            for (int i = 0; i < lines.size(); i++) {
                if (line < lines.get(i).size()) {
                    write(lines.get(i).get(line), MARGIN + columns[i] * width(), y, size);
                }
            }
        }
    }

    private float columnWidth(float[] columns, int i) {
        return (i + 1 < columns.length ? columns[i + 1] : 1f) * width() - columns[i] * width() - 4;
    }

    void write(String text, float x, float atY, float size) {
        try {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, atY);
            content.showText(text);
            content.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    float textWidth(String text, float size) {
        try {
            return font.getStringWidth(clean(text)) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void newPage() {
        try {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            pages.add(page);
            content = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Footers, metadata, then the file. */
    void save(OutputStream out, String title, String author, String footerLeft, String pageLabel) {
        try {
            content.close();
            content = null;
            for (int i = 0; i < pages.size(); i++) {
                try (PDPageContentStream footer = new PDPageContentStream(document, pages.get(i), PDPageContentStream.AppendMode.APPEND, true)) {
                    footer.setLineWidth(0.5f);
                    footer.moveTo(MARGIN, MARGIN + FOOTER - 8);
                    footer.lineTo(MARGIN + width(), MARGIN + FOOTER - 8);
                    footer.stroke();
                    String pageText = String.format(pageLabel, i + 1, pages.size());
                    text(footer, clean(footerLeft), MARGIN, MARGIN + 8, 8);
                    text(footer, pageText, MARGIN + width() - textWidth(pageText, 8), MARGIN + 8, 8);
                }
            }
            metadata(title, author);
            // PDF/A-1 is PDF 1.4: classic cross-reference table, no object or xref streams.
            document.setVersion(1.4f);
            document.save(out, org.apache.pdfbox.pdfwriter.compress.CompressParameters.NO_COMPRESSION);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void text(PDPageContentStream stream, String text, float x, float atY, float size) throws IOException {
        stream.beginText();
        stream.setFont(font, size);
        stream.newLineAtOffset(x, atY);
        stream.showText(text);
        stream.endText();
    }

    private void metadata(String title, String author) throws IOException {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setAuthor(author);
        info.setCreator("Relais");
        info.setProducer("Relais (Apache PDFBox)");
        Calendar now = Calendar.getInstance();
        info.setCreationDate(now);
        info.setModificationDate(now);
        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        try {
            DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
            dc.setTitle(title);
            dc.addCreator(author);
            XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
            basic.setCreatorTool("Relais");
            basic.setCreateDate(now);
            basic.setModifyDate(now);
            org.apache.xmpbox.schema.AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
            pdf.setProducer("Relais (Apache PDFBox)");
            PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
            id.setPart(1);
            id.setConformance("B");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            new XmpSerializer().serialize(xmp, bytes, true);
            PDDocumentCatalog catalog = document.getDocumentCatalog();
            PDMetadata metadata = new PDMetadata(document);
            metadata.importXMPMetadata(bytes.toByteArray());
            catalog.setMetadata(metadata);
            PDOutputIntent intent = new PDOutputIntent(document,
                    new ByteArrayInputStream(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()));
            intent.setInfo("sRGB IEC61966-2.1");
            intent.setOutputCondition("sRGB IEC61966-2.1");
            intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
            intent.setRegistryName("http://www.color.org");
            catalog.addOutputIntent(intent);
        } catch (org.apache.xmpbox.type.BadFieldValueException | javax.xml.transform.TransformerException e) {
            throw new IOException("XMP metadata", e);
        }
    }

    /** Characters the embedded font cannot draw (control characters, tabs) would abort the whole report. */
    private String clean(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            boolean drawable;
            try {
                drawable = !Character.isISOControl(cp) && font.encode(new String(Character.toChars(cp))).length > 0;
            } catch (IOException | IllegalArgumentException e) {
                drawable = false;
            }
            b.append(drawable ? new String(Character.toChars(cp)) : cp == '\t' ? " " : "?");
        });
        return b.toString();
    }

    private List<String> wrap(String text, float size, float maxWidth) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (textWidth(candidate, size) > maxWidth && line.length() > 0) {
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(candidate);
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private String fit(String text, float size, float maxWidth) {
        if (textWidth(text, size) <= maxWidth) {
            return text;
        }
        String cut = text;
        while (cut.length() > 1 && textWidth(cut + "…", size) > maxWidth) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }

    @Override
    public void close() {
        try {
            if (content != null) {
                content.close();
            }
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
