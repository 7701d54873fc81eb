package fr.relais.core.report;

import fr.relais.core.hospital.HospitalStay;
import fr.relais.core.time.CareZone;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A cohort's hospital figures (definitions in docs/reports.md): discharges during the days followed, readmissions
 * within 30 days of them, days in hospital and days at home. Days are Paris calendar days. The stays are the store's
 * {@code hospital_stay} rows, so that a cancelled admission (A11, its stay deleted) is no stay at all and a cancelled
 * discharge (A13, its stay open again) is no discharge; a leave of absence (A21/A22) keeps the stay open and counts in
 * hospital.
 */
final class CohortHospitalFigures {
    /** A readmission is an admission at most this many days after the discharge day. */
    static final int READMISSION_DAYS = 30;

    /** The days one enrollment is followed within the report period, first and last included. */
    record Window(UUID patientId, LocalDate first, LocalDate last) {
    }

    record Figures(int discharges, int readmissions, long daysFollowed, long daysInHospital) {
        long daysAtHome() {
            return daysFollowed - daysInHospital;
        }
    }

    private CohortHospitalFigures() {
    }

    static Figures of(List<Window> windows, Map<UUID, List<HospitalStay>> staysByPatient) {
        Set<UUID> indexStays = new HashSet<>();
        int readmissions = 0;
        long followed = 0;
        long inHospital = 0;
        for (Window w : windows) {
            if (w.last().isBefore(w.first())) {
                continue;
            }
            followed += ChronoUnit.DAYS.between(w.first(), w.last()) + 1;
            List<HospitalStay> stays = staysByPatient.getOrDefault(w.patientId(), List.of());
            // A set of days, so that two stays a sender left overlapping never count a day twice.
            Set<LocalDate> days = new HashSet<>();
            for (HospitalStay stay : stays) {
                // Nights in hospital: from the admission day to the discharge day excluded; a stay still open runs
                // to the window's last day included.
                LocalDate from = day(stay.admittedAt());
                LocalDate until = stay.open() ? w.last().plusDays(1) : day(stay.dischargedAt());
                for (LocalDate d = max(from, w.first()); d.isBefore(until) && !d.isAfter(w.last()); d = d.plusDays(1)) {
                    days.add(d);
                }
                if (!stay.open() && !day(stay.dischargedAt()).isBefore(w.first()) && !day(stay.dischargedAt()).isAfter(w.last())
                        && indexStays.add(stay.id()) && readmitted(stay, stays)) {
                    readmissions++;
                }
            }
            inHospital += days.size();
        }
        return new Figures(indexStays.size(), readmissions, followed, inHospital);
    }

    /** Whether another stay of the patient starts after this one's discharge, within 30 days of its discharge day. */
    private static boolean readmitted(HospitalStay discharged, List<HospitalStay> stays) {
        Instant out = discharged.dischargedAt();
        LocalDate outDay = day(out);
        return stays.stream().anyMatch(s -> s.admittedAt().isAfter(out)
                && ChronoUnit.DAYS.between(outDay, day(s.admittedAt())) <= READMISSION_DAYS);
    }

    private static LocalDate day(Instant at) {
        return at.atZone(CareZone.PARIS).toLocalDate();
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
