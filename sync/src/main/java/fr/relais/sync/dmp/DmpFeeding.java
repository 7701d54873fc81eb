package fr.relais.sync.dmp;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import fr.relais.core.audit.AuditLog;
import fr.relais.core.consent.ConsentService;
import fr.relais.core.error.BadInputException;
import fr.relais.core.identity.Ins;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.PatientService;
import fr.relais.core.messaging.DmpDocumentKind;
import fr.relais.core.messaging.DmpFiling;
import fr.relais.core.messaging.DmpFilings;
import fr.relais.core.messaging.OutgoingMessages;
import fr.relais.sync.fhir.RelaisFhir;
import java.time.Clock;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;

/**
 * Files a document Relais produced (the pathway report, the urgent care plan) in the patient's DMP as a PDSm ITI-65
 * transaction. Refused before anything leaves, in French: an identity that is not qualified (the DMP is fed under the
 * qualified INS only), a patient who objected to their DMP being fed, an author without RPPS. A document of a kind
 * already filed replaces the previous version. The filing is recorded and audited once the DMP accepted it.
 */
public final class DmpFeeding {
    private final PatientService patients;
    private final ConsentService consents;
    private final DmpFilings filings;
    private final AuditLog audit;
    private final Clock clock;
    private final DmpSettings settings;

    public DmpFeeding(PatientService patients, ConsentService consents, DmpFilings filings, AuditLog audit, Clock clock,
                      DmpSettings settings) {
        this.patients = patients;
        this.consents = consents;
        this.filings = filings;
        this.audit = audit;
        this.clock = clock;
        this.settings = settings;
    }

    /** Files the PDF; returns the filing recorded (its DocumentReference on the DMP and the one it replaced). */
    public DmpFiling file(UUID patientId, DmpDocumentKind kind, String title, byte[] pdf, DmpAuthor author) {
        Patient patient = patients.get(patientId);
        Ins ins = patient.exchangeableIns().orElseThrow(() -> refused(patientId, kind, "dmp.notQualified", patient.displayName()));
        if (!consents.feedsDmp(patientId)) {
            throw refused(patientId, kind, "dmp.opposed", patient.displayName());
        }
        if (author == null || author.rpps() == null || author.rpps().isBlank()) {
            throw new BadInputException("DMP", "dmp.noRpps");
        }
        String replaces = filings.latest(patientId, kind).map(DmpFiling::documentReference).orElse(null);
        ProvideDocumentBundle.Built built = ProvideDocumentBundle.build(ins, kind, title, pdf, clock.instant(), author, settings, replaces);
        Bundle answer;
        try {
            IGenericClient client = RelaisFhir.CONTEXT.newRestfulGenericClient(settings.endpoint());
            answer = client.transaction().withBundle(built.bundle()).execute();
        } catch (FhirClientConnectionException e) {
            audit.record("dmp.unreachable", "Patient", patientId, patientId, kind.name() + " " + settings.endpoint());
            throw new DmpUnavailableException(settings.endpoint(), e);
        } catch (BaseServerResponseException e) {
            audit.record("dmp.rejected", "Patient", patientId, patientId, kind.name() + " HTTP " + e.getStatusCode());
            throw new BadInputException("DMP", "dmp.rejected", e.getStatusCode());
        }
        String documentReference = answer.getEntry().stream().map(e -> e.getResponse().getLocation())
                .filter(l -> l != null && l.startsWith("DocumentReference/")).findFirst()
                .map(l -> new IdType(l).toUnqualifiedVersionless().getValue())
                .orElseThrow(() -> new BadInputException("DMP", "dmp.rejected", "-"));
        return filings.record(patientId, kind, documentReference, replaces, OutgoingMessages.sha1(pdf));
    }

    /** A refusal before sending, audited: the DMP was not fed, and why. */
    private BadInputException refused(UUID patientId, DmpDocumentKind kind, String key, String name) {
        audit.record("dmp.refused", "Patient", patientId, patientId, kind.name() + " " + key);
        return new BadInputException("DMP", key, name);
    }
}
