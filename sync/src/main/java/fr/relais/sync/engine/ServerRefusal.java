package fr.relais.sync.engine;

import fr.relais.core.replication.Conflict;
import fr.relais.sync.fhir.RelaisFhir;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * What the server said when it refused a record, read back from the inbox: the HTTP status and the diagnostics of its
 * OperationOutcome (the server's own words, shown as they are beside Relais's French explanation).
 */
public record ServerRefusal(int status, String diagnostics) {
    public static ServerRefusal of(Conflict refusal) {
        int status;
        try {
            status = Integer.parseInt(refusal.remoteVersion());
        } catch (NumberFormatException e) {
            status = 0;
        }
        String words = "";
        if (refusal.remoteValue() != null) {
            try {
                OperationOutcome outcome = RelaisFhir.CONTEXT.newJsonParser().parseResource(OperationOutcome.class, refusal.remoteValue());
                words = outcome.getIssue().stream().map(OperationOutcome.OperationOutcomeIssueComponent::getDiagnostics)
                        .filter(d -> d != null && !d.isBlank()).collect(Collectors.joining(" ; "));
            } catch (ca.uhn.fhir.parser.DataFormatException e) {
                words = refusal.remoteValue();
            }
        }
        return new ServerRefusal(status, words);
    }
}
