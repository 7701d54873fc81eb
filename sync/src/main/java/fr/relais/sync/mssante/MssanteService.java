package fr.relais.sync.mssante;

import fr.relais.core.identity.PatientService;
import fr.relais.core.messaging.OutgoingMessages;
import fr.relais.core.error.BadInputException;
import fr.relais.core.messaging.OutgoingMessage;
import java.util.List;
import java.util.UUID;
import jakarta.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends documents about patients through MSSanté. The message is recorded first (with its document), then built and
 * sent; a failure is recorded on it, shown, and can be retried: it is never lost. Only recipients of the MSSanté
 * trust domains are accepted, and the INS leaves Relais only for a qualified identity.
 */
public final class MssanteService {
    private static final Logger LOG = LoggerFactory.getLogger(MssanteService.class);
    private final PatientService patients;
    private final OutgoingMessages messages;
    private final MssanteSettings settings;
    private final MssanteMailer mailer;

    public MssanteService(PatientService patients, OutgoingMessages messages, MssanteSettings settings) {
        this.patients = patients;
        this.messages = messages;
        this.settings = settings;
        this.mailer = new MssanteMailer(settings);
    }

    /** Records then sends a PDF about a patient; returns the record (SENT, or FAILED with the reason). */
    public OutgoingMessage send(UUID patientId, String recipient, String label, String fileName, byte[] pdf) {
        settings.checkRecipient(recipient);
        if (pdf.length < 5 || !new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-")) {
            throw new BadInputException(fileName, "mssante.notPdf", fileName);
        }
        // The patient identifier the document will carry: refused now (nothing queued) when it needs the IPP OID.
        ExchangedIdentity.of(patients.get(patientId), settings.ippOid());
        OutgoingMessage queued = messages.queue(patientId, recipient, label, fileName, "application/pdf", pdf);
        return deliver(queued);
    }

    /** Sends again every message not sent yet (queued by a run that was interrupted, or failed). */
    public List<OutgoingMessage> retryUnsent() {
        return messages.unsent().stream().map(this::deliver).toList();
    }

    public OutgoingMessage retry(UUID messageId) {
        return deliver(messages.get(messageId));
    }

    private OutgoingMessage deliver(OutgoingMessage m) {
        DocumentToSend document = new DocumentToSend(m.id(), patients.get(m.patientId()), m.label(), m.fileName(), m.content(),
                m.createdAt(), m.createdBy(), settings.authorRpps(), m.recipient());
        try {
            String messageId = mailer.send(document, XdmPackage.build(document, settings));
            messages.markSent(m.id(), messageId);
        } catch (MessagingException | RuntimeException e) {
            if (e instanceof BadInputException bad) {
                // A configuration problem (certificate, trust store): recorded, and said as such.
                messages.markFailed(m.id(), bad.getMessage());
                throw bad;
            }
            LOG.warn("MSSanté message {} not sent: {}", m.id(), reason(e));
            LOG.debug("MSSanté failure", e);
            messages.markFailed(m.id(), reason(e));
        }
        return messages.get(m.id());
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String top = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return root == e ? top : top + " (" + root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage()) + ")";
    }
}
