package fr.relais.sync.engine;

import fr.relais.core.replication.Conflict;
import fr.relais.sync.fhir.RelaisFhir;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * What the server said when it refused a record, read back from the inbox: the HTTP status and the text of its
 * OperationOutcome's issues (the server's own words, shown beside Relais's French explanation). An issue's
 * {@code details.text} is preferred (written for people); else its diagnostics without the server's message number
 * ("HAPI-1096: "), which means nothing to a nurse. The raw outcome is in the log only (SyncEngine logs it on refusal).
 */
public record ServerRefusal(int status, String diagnostics) {
    /** A message number a server puts before its diagnostics (HAPI FHIR: "HAPI-1096: "). */
    private static final java.util.regex.Pattern MESSAGE_NUMBER = java.util.regex.Pattern.compile("^\\s*[A-Z]+-\\d+:\\s*");

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
                words = outcome.getIssue().stream().map(ServerRefusal::text)
                        .filter(d -> d != null && !d.isBlank()).collect(Collectors.joining(" ; "));
            } catch (ca.uhn.fhir.parser.DataFormatException e) {
                words = refusal.remoteValue();
            }
        }
        return new ServerRefusal(status, words);
    }

    private static String text(OperationOutcome.OperationOutcomeIssueComponent issue) {
        if (issue.hasDetails() && issue.getDetails().hasText()) {
            return issue.getDetails().getText();
        }
        return issue.getDiagnostics() == null ? null : MESSAGE_NUMBER.matcher(issue.getDiagnostics()).replaceFirst("");
    }
}
