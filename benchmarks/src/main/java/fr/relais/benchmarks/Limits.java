package fr.relais.benchmarks;

import static fr.relais.core.store.schema.Tables.MEASURE;
import static fr.relais.core.store.schema.Tables.TASK;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.jooq.DSLContext;

/**
 * The harness's limits: the same work as a figure at its simplest, on the same store in the same run (plain SQL on
 * one table, no mapping, no rule; one PDF page of one line), so that each figure reads against what this machine does
 * at best at that moment. Times in milliseconds for samples, seconds for single scans.
 */
final class Limits {
    private final fr.relais.core.store.Database database;
    private final DSLContext dsl;
    private final int runs;

    Limits(fr.relais.core.store.Database database, int runs) {
        this.database = database;
        this.dsl = database.dsl();
        this.runs = runs;
    }

    /** Seconds to read every measure row once (plain SELECT, each row fetched), the median of the runs. */
    double scanMeasures() {
        return scan("select * from measure");
    }

    /** Seconds to read every task row once (plain SELECT), the median of the runs. */
    double scanTasks() {
        return scan("select * from task");
    }

    private double scan(String sql) {
        double[] seconds = new double[Math.max(1, runs)];
        for (int i = 0; i < seconds.length; i++) {
            long t = System.nanoTime();
            int[] rows = {0};
            try (var cursor = dsl.resultQuery(sql).fetchLazy()) {
                cursor.forEach(r -> rows[0]++);
            }
            seconds[i] = (System.nanoTime() - t) / 1e9;
        }
        return Samples.median(seconds);
    }

    /** 100 open task rows by due time, one table (the worklist's first page without its joins and filters), ms. */
    double[] plainTaskPage() {
        return Samples.time(20, 200, () -> dsl.selectFrom(TASK).where(TASK.IS_OPEN.eq(1)).orderBy(TASK.DUE_AT).limit(100).fetch());
    }

    /** count(*) of the open tasks, one table (the worklist's counts without their breakdown), ms. */
    double[] plainTaskCount() {
        return Samples.time(20, 200, () -> dsl.fetchCount(TASK, TASK.IS_OPEN.eq(1)));
    }

    /** A random patient's measure and task rows, plain SELECTs by patient (the file's data without its mapping), ms. */
    double[] patientRows(List<UUID> ids) {
        Random random = new Random(11);
        return Samples.time(20, 200, () -> {
            UUID p = ids.get(random.nextInt(ids.size()));
            dsl.selectFrom(MEASURE).where(MEASURE.PATIENT_ID.eq(p)).fetch();
            dsl.selectFrom(TASK).where(TASK.PATIENT_ID.eq(p)).fetch();
        });
    }

    /** One raw INSERT in its own committed transaction, in a scratch table dropped afterwards (the commit's cost), ms. */
    double[] oneCommit() {
        dsl.execute("create table if not exists bench_limit_commit (id integer primary key, v text)");
        try {
            return Samples.time(20, 300, () -> database.inTransaction(() -> dsl.execute("insert into bench_limit_commit (v) values ('75.5')")));
        } finally {
            dsl.execute("drop table bench_limit_commit");
        }
    }

    /** A one-page PDF holding one line, written by PDFBox as the reports are, ms. */
    static double[] onePagePdf(int runs) {
        return Samples.time(3, Math.max(10, runs * 4), () -> {
            try (PDDocument doc = new PDDocument()) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
                    text.beginText();
                    text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    text.newLineAtOffset(72, 720);
                    text.showText("Relais");
                    text.endText();
                }
                doc.save(new ByteArrayOutputStream());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
