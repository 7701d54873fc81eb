package fr.relais.sync.mssante;

import fr.relais.core.identity.Patient;
import java.time.Instant;
import java.util.UUID;

/**
 * What one MSSanté message carries about a patient: a PDF (a pathway report, a coordination summary), its label (the
 * document's title, also in the subject), who wrote it and when. {@code documentId} makes the document's OIDs unique.
 */
public record DocumentToSend(UUID documentId, Patient patient, String label, String fileName, byte[] pdf, Instant createdAt,
                             String authorName, String authorRpps, String recipient) {
}
