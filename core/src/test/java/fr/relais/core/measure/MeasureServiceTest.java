package fr.relais.core.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.core.StoreTest;
import fr.relais.core.error.BadInputException;
import fr.relais.core.i18n.Language;
import fr.relais.core.identity.Sex;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MeasureServiceTest extends StoreTest {
    @BeforeEach
    void setUp() {
        openStore();
        patient = s.registerPatient("DURAND", "Jeanne", Sex.F, LocalDate.of(1940, 5, 1), "IPP-7");
    }

    private NewMeasure weight(String value, String unit) {
        return new NewMeasure(patient.id(), MeasureCatalog.BODY_WEIGHT, value, unit, Instant.parse("2026-11-24T07:00:00Z"), MeasureSource.ENTERED);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "29463-7 | 72,5      | kg      | 72.5",
            "29463-7 | 150       | [lb_av] | 68.0388555",
            "29463-7 | 150       | lb      | 68.0388555",
            "29463-7 | 72500     | g       | 72.5",
            "2339-0  | 126       | mg/dL   | 1.26",
            "2339-0  | 7         | mmol/L  | 1.261092",
            "2339-0  | 1.10      | g/L     | 1.1",
            "8310-5  | 98.6      | [degF]  | 37",
            "8480-6  | 14        | cm[Hg]  | 140",
            "59408-5 | 93        | %       | 93"})
    void convertsExactlyToTheCanonicalUnit(String code, String value, String unit, String expected) {
        MeasureValue converted = MeasureValue.of("m", code, value, unit);
        assertThat(converted.value()).isEqualByComparingTo(new BigDecimal(expected));
    }

    @Test
    void storesTheCanonicalValueAndWhatWasTyped() {
        Measure m = s.measures.record(weight("150", "[lb_av]"));
        assertThat(m.value()).isEqualByComparingTo("68.0388555");
        assertThat(m.unit()).isEqualTo("kg");
        assertThat(m.originalValue()).isEqualTo("150");
        assertThat(m.originalUnit()).isEqualTo("[lb_av]");
        assertThat(m.recordedBy()).isEqualTo("idec1");
        assertThat(m.unusual()).isFalse();
        assertThat(s.measures.ofPatient(patient.id(), MeasureCatalog.BODY_WEIGHT)).containsExactly(m);
    }

    @Test
    void refusesImpossibleValuesAndUnknownUnitsButFlagsUnusualOnes() {
        assertThatThrownBy(() -> s.measures.record(weight("900", "kg")))
                .isInstanceOfSatisfying(BadInputException.class, e -> {
                    assertThat(e.input()).isEqualTo("measure.value");
                    assertThat(e.message(Language.EN)).contains("900 kg is impossible for code 29463-7", "0.2 to 500 kg");
                });
        assertThatThrownBy(() -> s.measures.record(weight("72", "stone")))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.message(Language.EN))
                        .contains("unit \"stone\" does not fit code 29463-7", "kg, g, [lb_av], lb"));
        assertThatThrownBy(() -> s.measures.record(weight("soixante", "kg")))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.reasonKey()).isEqualTo("measure.notANumber"));
        assertThatThrownBy(() -> s.measures.record(new NewMeasure(patient.id(), "1234-5", "1", "kg", null, MeasureSource.ENTERED)))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.reasonKey()).isEqualTo("measure.unknownCode"));
        assertThatThrownBy(() -> s.measures.record(new NewMeasure(patient.id(), MeasureCatalog.GLUCOSE, "1", "kg", null, MeasureSource.ENTERED)))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.reasonKey()).isEqualTo("measure.unit"));
        assertThatThrownBy(() -> s.measures.record(new NewMeasure(patient.id(), MeasureCatalog.SPO2, "95", "%",
                Instant.parse("2026-11-25T08:00:00Z"), MeasureSource.ENTERED)))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.reasonKey()).isEqualTo("measure.future"));

        assertThat(s.measures.record(weight("25", "kg")).unusual()).isTrue();
        assertThat(s.measures.record(weight("0.2", "kg")).unusual()).isTrue();
        assertThat(s.measures.ofPatient(patient.id(), null)).hasSize(2);
    }

    @Test
    void aWrongMeasureIsMarkedNeverDeleted() {
        Measure m = s.measures.record(weight("81", "kg"));
        assertThatThrownBy(() -> s.measures.markEnteredInError(m.id(), "")).isInstanceOf(BadInputException.class);
        Measure marked = s.measures.markEnteredInError(m.id(), "mauvais patient");
        assertThat(marked.status()).isEqualTo(MeasureStatus.ENTERED_IN_ERROR);
        assertThat(marked.errorReason()).isEqualTo("mauvais patient");
        assertThat(s.measures.ofPatient(patient.id(), null)).containsExactly(marked);
        assertThatThrownBy(() -> s.measures.markEnteredInError(m.id(), "encore"))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.reasonKey()).isEqualTo("measure.alreadyInError"));
        assertThat(s.audit.forPatient(patient.id())).extracting(a -> a.action()).contains("measure.create", "measure.entered-in-error");
    }

    @Test
    void importsAFrenchSpreadsheetCsv() {
        String csv = "\uFEFFpatient;code;value;unit;effective\n"
                + "IPP-7;29463-7;72,4;kg;2026-11-23T08:00\n"
                + "\n"
                + "IPP-7;2339-0;126;mg/dL;2026-11-23T08:05+01:00\n";
        ImportReport report = s.measureImport.importCsv("mesures.csv", new StringReader(csv), false);
        assertThat(report.imported()).isEqualTo(2);
        assertThat(report.skipped()).isEmpty();
        List<Measure> stored = s.measures.ofPatient(patient.id(), null);
        assertThat(stored).extracting(Measure::source).containsOnly(MeasureSource.IMPORTED);
        assertThat(stored.get(0).value()).isEqualByComparingTo("72.4");
        assertThat(stored.get(0).effectiveAt()).isEqualTo(Instant.parse("2026-11-23T07:00:00Z"));
        assertThat(stored.get(1).value()).isEqualByComparingTo("1.26");
    }

    @Test
    void aBadRowRefusesTheFileUnlessAskedToSkipIt() {
        String csv = "patient,code,value,unit,effective\n"
                + "IPP-7,29463-7,72.4,kg,2026-11-23T08:00\n"
                + "IPP-9,29463-7,70,kg,2026-11-23T08:00\n"
                + "IPP-7,29463-7,900,kg,2026-11-23T08:00\n"
                + "IPP-7,59408-5,94,%,23/11/2026\n"
                + "IPP-7,59408-5,94\n"
                + "IPP-7,59408-5,95,%,2026-11-23T09:00\n";
        assertThatThrownBy(() -> s.measureImport.importCsv("mesures.csv", new StringReader(csv), false))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> {
                    assertThat(e.input()).isEqualTo("mesures.csv");
                    assertThat(e.rows()).extracting(ImportRowError::line).containsExactly(3L, 4L, 5L, 6L);
                    assertThat(e.message(Language.FR)).contains("4 lignes invalides",
                            "ligne 3 : patient: aucun patient (un seul) n'a l'IPP ou l'INS « IPP-9 »",
                            "ligne 4 : value: 900 kg est impossible",
                            "ligne 5 : effective:", "ligne 6 : 3 champs au lieu de 5");
                });
        assertThat(s.measures.ofPatient(patient.id(), null)).isEmpty();

        ImportReport report = s.measureImport.importCsv("mesures.csv", new StringReader(csv), true);
        assertThat(report.imported()).isEqualTo(2);
        assertThat(report.skipped()).hasSize(4);
        assertThat(report.alreadyPresent()).isZero();
        assertThat(s.measures.ofPatient(patient.id(), null)).hasSize(2);
    }

    @Test
    void aFileWithoutTheExpectedColumnsIsRefused() {
        assertThatThrownBy(() -> s.measureImport.importCsv("x.csv", new StringReader("ipp;code;valeur\nIPP-7;29463-7;70\n"), true))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.message(Language.EN))
                        .contains("x.csv: missing columns: patient, value, unit, effective"));
        assertThatThrownBy(() -> s.measureImport.importCsv("empty.csv", new StringReader(""), false))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.reasonKey()).isEqualTo("import.empty"));
    }

    private static final String THREE_WEIGHTS = "patient;code;value;unit;effective\n"
            + "IPP-7;29463-7;72,4;kg;2026-11-20T08:00\n"
            + "IPP-7;29463-7;72,6;kg;2026-11-21T08:00\n"
            + "IPP-7;29463-7;72,4;kg;2026-11-20T08:00\n"   // the first row again
            + "IPP-7;29463-7;72400;g;2026-11-20T07:00:00Z\n" // the same weighing, written another way
            + "IPP-7;29463-7;72,9;kg;2026-11-22T08:00\n";

    @Test
    void importingTheSameWeighingsThreeTimesStoresEachWeighingOnce() {
        ImportReport first = s.measureImport.importCsv("pesees.csv", new StringReader(THREE_WEIGHTS), false);
        assertThat(first.imported()).isEqualTo(3);
        assertThat(first.alreadyPresent()).isEqualTo(2);
        for (int again = 0; again < 2; again++) {
            ImportReport report = s.measureImport.importCsv("pesees.csv", new StringReader(THREE_WEIGHTS), false);
            assertThat(report.imported()).isZero();
            assertThat(report.alreadyPresent()).isEqualTo(5);
        }
        assertThat(s.measures.ofPatient(patient.id(), MeasureCatalog.BODY_WEIGHT)).extracting(m -> m.value().doubleValue())
                .containsExactly(72.4, 72.6, 72.9);
        // a weighing marked wrong is not brought back by importing its file again
        Measure wrong = s.measures.ofPatient(patient.id(), null).get(0);
        s.measures.markEnteredInError(wrong.id(), "balance mal tarée");
        assertThat(s.measureImport.importCsv("pesees.csv", new StringReader(THREE_WEIGHTS), false).imported()).isZero();
        assertThat(s.measures.ofPatient(patient.id(), null)).hasSize(3);
        // a different value at the same time is another measure
        assertThat(s.measureImport.importCsv("pesees.csv", new StringReader(
                "patient;code;value;unit;effective\nIPP-7;29463-7;72,5;kg;2026-11-20T08:00\n"), false).imported()).isEqualTo(1);
    }

    @Test
    void aFutureRowIsReportedWithItsLineAndSkippedLikeAnyOtherBadRow() {
        String csv = "patient;code;value;unit;effective\n"
                + "IPP-7;29463-7;72,4;kg;2026-11-23T08:00\n"
                + "IPP-7;29463-7;72,6;kg;2026-11-25T08:00\n"
                + "IPP-7;59408-5;95;%;2026-11-23T09:00\n";
        assertThatThrownBy(() -> s.measureImport.importCsv("pesees.csv", new StringReader(csv), false))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.lines(Language.FR))
                        .containsExactly("ligne 3 : effective: la date 25/11/2026 08:00 est dans le futur"));
        assertThat(s.measures.ofPatient(patient.id(), null)).isEmpty();

        ImportReport report = s.measureImport.importCsv("pesees.csv", new StringReader(csv), true);
        assertThat(report.imported()).isEqualTo(2);
        assertThat(report.skipped()).extracting(ImportRowError::line).containsExactly(3L);
    }

    @Test
    void aMeasureDatedBeforeThePatientsBirthOrBefore1880IsRefusedNamingTheDate() {
        assertThatThrownBy(() -> s.measures.record(new NewMeasure(patient.id(), MeasureCatalog.BODY_WEIGHT, "70", "kg",
                Instant.parse("1939-06-01T08:00:00Z"), MeasureSource.ENTERED)))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.message(Language.FR))
                        .startsWith("measure.at: la date 01/06/1939 ")
                        .endsWith("est antérieure à la naissance du patient (01/05/1940) : vérifiez la date, ou le patient"));
        String csv = "patient;code;value;unit;effective\n"
                + "IPP-7;29463-7;72,4;kg;1800-01-01T08:00\n"
                + "IPP-7;29463-7;72,4;kg;0001-01-01\n"
                + "IPP-7;29463-7;72,4;kg;1940-04-30T23:00\n"
                + "IPP-7;29463-7;72,4;kg;1940-05-01T08:00\n";
        assertThatThrownBy(() -> s.measureImport.importCsv("pesees.csv", new StringReader(csv), false))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.lines(Language.FR)).containsExactly(
                        "ligne 2 : effective: la date 1800-01-01T08:00 est antérieure à 1880",
                        "ligne 3 : effective: la date 0001-01-01 est antérieure à 1880",
                        "ligne 4 : effective: la date 30/04/1940 23:00 est antérieure à la naissance du patient (01/05/1940) :"
                                + " vérifiez la date, ou le patient"));
        assertThat(s.measures.ofPatient(patient.id(), null)).isEmpty();
    }

    @Test
    void aMalformedCsvIsRefusedWithTheLineWhereItStopsBeingReadableInFrench() {
        String csv = "patient;code;value;unit;effective\n"
                + "IPP-7;29463-7;72,4;kg;2026-11-23T08:00\n"
                + "IPP-7;29463-7;\"72,6\"kg;kg;2026-11-23T09:00\n";
        assertThatThrownBy(() -> s.measureImport.importCsv("pesees.csv", new StringReader(csv), true))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.message(Language.FR)).isEqualTo(
                        "pesees.csv: CSV illisible à partir de la ligne 3 : guillemets non fermés, ou texte après des guillemets"
                                + " fermants (mettez toute la valeur entre guillemets)"));
        assertThatThrownBy(() -> s.measureImport.importCsv("pesees.csv", new StringReader("patient;code;value;unit;effective;code\n"), true))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.reasonKey()).isEqualTo("import.header"));
        assertThat(s.measures.ofPatient(patient.id(), null)).isEmpty();
    }
}
