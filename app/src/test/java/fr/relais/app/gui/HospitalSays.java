package fr.relais.app.gui;

import fr.relais.core.RelaisCore;
import fr.relais.core.hospital.HospitalEventType;
import fr.relais.core.hospital.HospitalMessage;
import fr.relais.core.hospital.PatientIdentifier;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A hospital's ADT message as the listener hands it to the core, for the screens' tests: CH-SAINT-MALO names the patient
 * by the team's own IPP (namespace {@link #OWN_IPP}), so that it applies to the patient registered with that IPP.
 */
final class HospitalSays {
    static final String OWN_IPP = "1.2.250.1.999.1";

    private HospitalSays() {
    }

    static void event(RelaisCore core, String ipp, HospitalEventType type, String controlId, String at, String location) {
        core.hospitalEvents().receive(new HospitalMessage("SIH", "CH-SAINT-MALO^1.2.250.1.999.29^ISO", controlId, type, "MVT-" + ipp, "INSERT",
                Instant.parse(at), "I", location, null, List.of(), List.of(new PatientIdentifier(ipp, OWN_IPP, "PI")), List.of("VALI"),
                "MSH|^~\\&|SIH|CH-SAINT-MALO|..."), Set.of(OWN_IPP));
    }
}
