package fr.relais.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.RelaisCore;
import fr.relais.core.session.UserSession;
import fr.relais.core.store.schema.Tables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Command lines with malformed dates, numbers, units, ids and options, generated: the exit code is 0 (done) or 2 (bad
 * input, with a message naming it), never a crash; a refused command leaves the database unchanged. The number of
 * cases tried is in docs/security.md.
 */
class MalformedArgumentsPropertiesTest {
    private static Path db;

    @BeforeContainer
    static void store() throws IOException {
        db = Files.createTempDirectory("relais-cli-fuzz").resolve("relais.db");
        assertThat(CliRun.on(db, "patient", "add", "--family", "MARTIN", "--given", "Claire", "--sex", "F", "--birth-date", "1950-03-14",
                "--ipp", "P1").code()).isZero();
    }

    private static int rows() {
        try (RelaisCore core = RelaisCore.open(db, Clock.systemUTC(), UserSession.ofOperatingSystemUser())) {
            var dsl = core.database().dsl();
            return dsl.fetchCount(Tables.MEASURE) + dsl.fetchCount(Tables.ENROLLMENT) + dsl.fetchCount(Tables.PATIENT)
                    + dsl.fetchCount(Tables.OUTBOX);
        }
    }

    @Property(tries = 300)
    void anyCommandLineEndsDoneOrRefusedByNameNeverCrashing(@ForAll("commandLines") List<String> args) {
        int before = rows();
        CliRun run = CliRun.on(db, args.toArray(String[]::new));
        assertThat(run.code()).as(args + "\n" + run.err()).isIn(0, 2);
        assertThat(run.err()).as(args.toString()).doesNotContain("Exception", "\tat ");
        if (run.code() == 2) {
            assertThat(run.err()).as("the refusal says why").isNotBlank();
            assertThat(rows()).as("refused: nothing written " + args).isEqualTo(before);
        }
    }

    @Provide
    Arbitrary<List<String>> commandLines() {
        Arbitrary<String> junk = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(12),
                Arbitraries.of("", " ", "--", "-", "2026-02-30", "2026-11-24T25:61", "24/11/2026", "2026-11-24T09:30+25:00", "1e999", "NaN",
                        "-1", "72,5", "kg", "%", "P1", "P404", "00000000-0000-0000-0000-000000000000", "bpco-exacerbation", "é\u0000"));
        Arbitrary<List<String>> measure = Combinators.combine(Arbitraries.of("P1", "P404", ""), Arbitraries.of("29463-7", "59408-5", "x"),
                junk, Arbitraries.of("kg", "%", "stone", ""), junk)
                .as((p, c, v, u, at) -> List.of("measure", "add", "--patient", p, "--code", c, "--value", v, "--unit", u, "--at", at));
        Arbitrary<List<String>> enroll = Combinators.combine(Arbitraries.of("P1", "P404"), Arbitraries.of("bpco-exacerbation", "inconnu"), junk)
                .as((p, t, start) -> List.of("enroll", "--patient", p, "--pathway", t, "--start", start));
        Arbitrary<List<String>> worklist = junk.map(d -> List.of("--format", "json", "worklist", "--due", d));
        Arbitrary<List<String>> report = Combinators.combine(junk, junk)
                .as((from, to) -> List.of("report", "cohort", "--pathway", "bpco-exacerbation", "--from", from, "--to", to));
        Arbitrary<List<String>> patient = Combinators.combine(junk, junk, junk)
                .as((family, sex, birth) -> List.of("patient", "add", "--family", family, "--given", "Eve", "--sex", sex, "--birth-date", birth));
        Arbitrary<List<String>> anything = junk.list().ofMaxSize(6).map(tokens -> {
            List<String> line = new ArrayList<>(List.of("measure"));
            line.addAll(tokens);
            return line;
        });
        return Arbitraries.oneOf(measure, enroll, worklist, report, patient, anything);
    }
}
