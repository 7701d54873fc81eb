package fr.relais.sync.insi;

import fr.relais.core.audit.AuditLog;
import fr.relais.core.error.BadInputException;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.PatientService;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Asks INSi about a patient and applies the answer: an identity found (00, or a verification whose traits agree) is
 * recorded through {@link PatientService#recordInsiAnswer}, which makes the identity RECUP, or QUAL when a high-trust
 * document was already checked; none (01), several (02) or differing traits change nothing and are said as such:
 * the nurse never has a candidate chosen for her. Every call is audited with its answer, failures included.
 */
public final class InsiService {
    private final PatientService patients;
    private final AuditLog audit;
    private final InsiTeleservice teleservice;

    public InsiService(PatientService patients, AuditLog audit, InsiTeleservice teleservice) {
        this.patients = patients;
        this.audit = audit;
        this.teleservice = teleservice;
    }

    /** What one call gave: the outcome, the file before and after, and the differing traits of a verification. */
    public record Result(InsiTeleservice.Outcome outcome, Patient before, Patient after, List<TraitDifference> differences) {
        /** True when the answer changed the identity's status (a retrieval recorded). */
        public boolean recorded() {
            return after != before;
        }
    }

    /** Search by the patient's strict traits. */
    public Result search(UUID patientId) {
        return ask(patientId, "insi.search", p -> teleservice.search(p.traits()));
    }

    /** Search by the carte Vitale read at the desk. */
    public Result searchByVitale(UUID patientId, VitaleReading reading) {
        return ask(patientId, "insi.searchVitale", p -> teleservice.searchByVitale(reading));
    }

    /** Verification of the patient's INS with their traits. */
    public Result verify(UUID patientId) {
        return ask(patientId, "insi.verify", p -> {
            if (p.ins() == null) {
                throw new BadInputException("--patient", "ins.none", p.displayName());
            }
            return teleservice.verify(p.ins(), p.traits());
        });
    }

    private Result ask(UUID patientId, String action, Function<Patient, InsiTeleservice.Answer> question) {
        Patient before = patients.get(patientId);
        InsiTeleservice.Answer answer;
        try {
            answer = question.apply(before);
        } catch (InsiUnavailableException e) {
            audit.record(action, "Patient", patientId, patientId, "unreachable: " + e.technicalReason());
            throw e;
        }
        audit.record(action, "Patient", patientId, patientId, "answer=" + answer.outcome()
                + answer.identity().map(i -> " ins=" + i.ins().oid().typeCode()).orElse("")
                + (answer.differences().isEmpty() ? "" : " differ=" + answer.differences().stream().map(d -> d.trait().name()).toList()));
        // The one legitimate route to RECUP/QUAL: the identity the teleservice found is recorded as its answer.
        Patient after = answer.identity().map(found -> patients.recordInsiAnswer(patientId, found, "INSi")).orElse(before);
        return new Result(answer.outcome(), before, after, answer.differences());
    }
}
