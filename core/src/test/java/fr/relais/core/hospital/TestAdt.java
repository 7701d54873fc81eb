package fr.relais.core.hospital;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Sends ADT events to a store as the MLLP listener hands them over, from CHU-RENNES, for a patient found by an IPP in
 * the team's own namespace: the report and indicator tests feed stays through the real event service.
 */
public final class TestAdt {
    public static final String OWN_IPP = "1.2.250.1.999.1";
    private final HospitalEvents hospital;
    private int control;

    public TestAdt(HospitalEvents hospital) {
        this.hospital = hospital;
    }

    /** One event of movement {@code movement} (a cancellation names the movement it cancels) at {@code at}. */
    public HospitalEvents.Receipt send(String ipp, HospitalEventType type, String movement, Instant at, String location,
                                       LocalDate expectedDischarge) {
        return hospital.receive(new HospitalMessage("SIH", "CHU-RENNES^1.2.250.1.999.29^ISO", "MSG" + (++control), type, movement,
                type.cancels().isPresent() ? "CANCEL" : "INSERT", at, "I", location, expectedDischarge, List.of(),
                List.of(new PatientIdentifier(ipp, OWN_IPP, "PI")), List.of("VALI"), "MSH|^~\\&|SIH|CHU-RENNES|..."), Set.of(OWN_IPP));
    }
}
