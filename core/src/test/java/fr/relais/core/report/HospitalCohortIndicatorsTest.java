package fr.relais.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.MutableClock;
import fr.relais.core.StoreTest;
import fr.relais.core.hospital.HospitalEventType;
import fr.relais.core.hospital.TestAdt;
import fr.relais.core.i18n.Language;
import fr.relais.core.identity.Sex;
import fr.relais.core.time.CareZone;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Readmissions at 30 days and days at home of a cohort, from hospital events received through the real event service
 * into a real store: November 2026, one patient followed all month (30 days).
 */
class HospitalCohortIndicatorsTest extends StoreTest {
    static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);
    static final CohortQuery NOVEMBER = new CohortQuery("suivi-domicile", NOV_1, LocalDate.of(2026, 11, 30), false);

    MutableClock clock;
    TestAdt adt;

    static Instant at(int month, int day, int hour) {
        return ZonedDateTime.of(2026, month, day, hour, 0, 0, 0, CareZone.PARIS).toInstant();
    }

    @BeforeEach
    void setUp() {
        clock = new MutableClock(at(11, 1, 8));
        openStore(clock);
        s.pathways.importTemplate("suivi-domicile.json", """
                { "id": "suivi-domicile", "version": 1, "title": { "fr": "Suivi à domicile" }, "description": { "fr": "test" },
                  "source": "test", "duration": "P90D",
                  "steps": [ { "id": "visite", "kind": "HOME_VISIT", "role": "IDEC", "title": { "fr": "Visite" }, "offset": "P1D" } ] }""");
        patient = s.registerPatient("MARTIN", "Louise", Sex.F, LocalDate.of(1941, 2, 3), "IPP-77");
        s.enrollments.enroll(patient.id(), "suivi-domicile", 1, NOV_1);
        adt = new TestAdt(s.core.hospitalEvents());
    }

    /** Sends one ADT event of the movement {@code movement}, as the listener would hand it over, at {@code when}. */
    void send(HospitalEventType type, String movement, Instant when) {
        clock.set(when);
        adt.send("IPP-77", type, movement, when, "CARDIO / 12 / 1", null);
    }

    /** In from 3 November 10:00 to 6 November 15:00: three nights (3, 4 and 5 November). */
    void firstStay() {
        send(HospitalEventType.A01, "MVT1", at(11, 3, 10));
        send(HospitalEventType.A03, "MVT2", at(11, 6, 15));
    }

    CohortReport.Indicators november() {
        clock.set(at(12, 10, 9));
        return s.core.cohorts().compute(NOVEMBER).indicators();
    }

    @Test
    void aPatientReadmittedOnDay12CountsAsAThirtyDayReadmission() {
        firstStay();
        send(HospitalEventType.A01, "MVT3", at(11, 18, 9)); // 6 November + 12 days

        var i = november();
        assertThat(i.hospitalDischarges()).isEqualTo(1);
        assertThat(i.readmissions30()).isEqualTo(1);
        assertThat(i.readmissionRate30()).isEqualByComparingTo("1.00");
    }

    @Test
    void aReadmissionOnDay31DoesNot() {
        firstStay();
        send(HospitalEventType.A01, "MVT3", at(12, 7, 9)); // 6 November + 31 days

        var i = november();
        assertThat(i.hospitalDischarges()).isEqualTo(1);
        assertThat(i.readmissions30()).isZero();
        assertThat(i.readmissionRate30()).isEqualByComparingTo("0.00");
    }

    @Test
    void aReadmissionOnDay30StillCounts() {
        firstStay();
        send(HospitalEventType.A01, "MVT3", at(12, 6, 23)); // 6 November + 30 days, late in the evening

        assertThat(november().readmissions30()).isEqualTo(1);
    }

    @Test
    void aCancelledAdmissionIsNoReadmission() {
        firstStay();
        send(HospitalEventType.A01, "MVT3", at(11, 10, 9));
        send(HospitalEventType.A11, "MVT3", at(11, 10, 11)); // the hospital cancels that admission

        var i = november();
        assertThat(i.hospitalDischarges()).isEqualTo(1);
        assertThat(i.readmissions30()).isZero();
        // Only the first stay's three nights: the cancelled one is no day in hospital either.
        assertThat(i.daysInHospital()).isEqualTo(3);
    }

    @Test
    void aCancelledDischargeIsNoDischarge() {
        send(HospitalEventType.A01, "MVT1", at(11, 3, 10));
        send(HospitalEventType.A03, "MVT2", at(11, 6, 15));
        send(HospitalEventType.A13, "MVT2", at(11, 6, 17)); // the patient did not leave after all

        var i = november();
        assertThat(i.hospitalDischarges()).isZero();
        assertThat(i.readmissionRate30()).isNull();
        // Still in: every day from 3 November to the end of the period.
        assertThat(i.daysInHospital()).isEqualTo(28);
    }

    @Test
    void daysAtHomeExcludeTheHospitalStay() throws Exception {
        firstStay();
        // A leave of absence during the first stay keeps the patient in hospital: its nights still count there.
        send(HospitalEventType.A21, "MVT4", at(11, 4, 14));
        send(HospitalEventType.A22, "MVT5", at(11, 5, 10));
        // Admitted again on 28 November, still in at the report: 28, 29 and 30 November inside the period.
        send(HospitalEventType.A01, "MVT3", at(11, 28, 20));

        var i = november();
        assertThat(i.daysInHospital()).isEqualTo(6);
        assertThat(i.daysAtHome()).isEqualTo(24);

        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        CohortReportWriter.pdf(s.core.cohorts().compute(NOVEMBER), Language.FR, "IDEC Test", pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toByteArray())) {
            assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s+", " ")).contains(
                    "Hôpital : 1 sortie d'hospitalisation pendant le suivi, 1 suivie d'une réadmission dans les 30 jours (taux : 100 %) ;"
                            + " 24 jours à domicile et 6 jours à l'hôpital.",
                    "Jours à domicile : 24", "Taux de réadmission à 30 jours : 100 %");
        }
    }
}
