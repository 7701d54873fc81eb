package fr.relais.core.demo;

import fr.relais.core.hospital.HospitalEffect;
import fr.relais.core.hospital.HospitalEventType;
import fr.relais.core.hospital.HospitalEvents;
import fr.relais.core.hospital.HospitalMessage;
import fr.relais.core.hospital.PatientIdentifier;
import fr.relais.core.task.TaskService;
import fr.relais.core.time.CareZone;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/**
 * Hospital stays of the demo population (issue 28), so that the Hospitalisations screen, the badges and the reports
 * have something to show: three patients in hospital and one discharged three days ago with a heart failure
 * diagnosis, whose proposals wait for the nurse. Sent as a hospital's ADT messages through {@link HospitalEvents}, as
 * the listener would, at times fixed relative to the injected clock's day: the same store whatever the day of the run.
 * The coordinator's admission item of the discharged patient is done, as the IDEC did during the six days of the stay:
 * the rules (docs/hospital-events.md) leave that item to her, the discharge tells her by an item of its own.
 */
final class DemoStays {
    /** The demo hospital's namespace for the team's IPPs (fictitious OID, docs/hospital-events.md). */
    static final String IPP_OID = "1.2.250.1.999.1";
    private static final String FACILITY = "CH-DÉMO^1.2.250.1.999.29^ISO";

    /** Who, when (days before today, time in Paris), where, for how long, the expected discharge. */
    private record Stay(int patientIndex, int daysAgo, LocalTime at, String location, Integer expectedInDays, Integer dischargedDaysAgo,
                        LocalTime dischargedAt, List<String> diagnoses) {
    }

    private static final List<Stay> STAYS = List.of(
            new Stay(1, 2, LocalTime.of(14, 20), "CARDIO / 12 / 1", 3, null, null, List.of()),
            new Stay(4, 5, LocalTime.of(9, 40), "PNEUMO / 7 / ", null, null, null, List.of()),
            new Stay(7, 1, LocalTime.of(22, 5), "URGENCES /  / ", 1, null, null, List.of()),
            new Stay(10, 9, LocalTime.of(10, 0), "CARDIO / 4 / 2", null, 3, LocalTime.of(16, 30), List.of("I50.9")));

    private final HospitalEvents hospital;
    private final TaskService tasks;
    private final Clock clock;

    DemoStays(HospitalEvents hospital, TaskService tasks, Clock clock) {
        this.hospital = hospital;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** Sends the stays of the patients the population holds ({@code patientCount}: the demo's size). */
    void send(int patientCount) {
        LocalDate today = LocalDate.now(clock.withZone(CareZone.PARIS));
        for (Stay stay : STAYS) {
            if (stay.patientIndex() >= patientCount) {
                continue;
            }
            String ipp = String.format("DEMO%06d", stay.patientIndex() + 1);
            Instant admitted = today.minusDays(stay.daysAgo()).atTime(stay.at()).atZone(CareZone.PARIS).toInstant();
            HospitalEvents.Receipt admission = send(ipp, HospitalEventType.A01, "A" + ipp, admitted, stay.location(),
                    stay.expectedInDays() == null ? null : today.plusDays(stay.expectedInDays()), List.of());
            if (stay.dischargedDaysAgo() != null) {
                // Days in hospital before the discharge: the IDEC has long taken in the admission she was told of.
                hospital.effectsOf(admission.eventId()).stream()
                        .filter(e -> e.kind() == HospitalEffect.Kind.TASK_CREATED && e.state() == HospitalEffect.State.DONE)
                        .forEach(e -> tasks.complete(java.util.UUID.fromString(e.target()), null, null));
                Instant out = today.minusDays(stay.dischargedDaysAgo()).atTime(stay.dischargedAt()).atZone(CareZone.PARIS).toInstant();
                send(ipp, HospitalEventType.A03, "S" + ipp, out, stay.location(), null, stay.diagnoses());
            }
        }
    }

    private HospitalEvents.Receipt send(String ipp, HospitalEventType type, String movement, Instant at, String location,
                                        LocalDate expected, List<String> diagnoses) {
        return hospital.receive(new HospitalMessage("SIH-DEMO", FACILITY, movement, type, movement, "INSERT", at, "I", location, expected,
                diagnoses, List.of(new PatientIdentifier(ipp, IPP_OID, "PI")), List.of("VALI"),
                "MSH|^~\\&|SIH-DEMO|CH-DÉMO|RELAIS|EQUIPE|||ADT^" + type.name() + "|" + movement + "|P|2.5"), Set.of(IPP_OID));
    }
}
