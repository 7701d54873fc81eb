package fr.relais.app.gui.access;

import fr.relais.core.audit.AuditEvent;
import fr.relais.core.audit.AuditLog;
import fr.relais.core.i18n.Language;
import fr.relais.core.report.PatientReportService;
import java.io.OutputStream;
import fr.relais.core.account.Account;
import fr.relais.core.account.AccountService;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the "Accès" tab reads and prints: a patient's accesses from the audit trail, oldest first, and their printed
 * history (a PDF/A, itself recorded as an access). The tab's tests give a small fake instead of a store.
 */
public interface AccessTrail {
    List<AuditEvent> accessesOf(UUID patientId);

    void printHistory(UUID patientId, Language language, OutputStream out);

    /** The local account an access names (its name and roles), if the workstation has one by that login. */
    Optional<Account> account(String userId);

    /** The audit trail, the report writer and the accounts of the store. */
    static AccessTrail of(AuditLog audit, PatientReportService reports, AccountService accounts) {
        return new AccessTrail() {
            @Override
            public Optional<Account> account(String userId) {
                return accounts.find(userId);
            }

            @Override
            public List<AuditEvent> accessesOf(UUID patientId) {
                return audit.forPatient(patientId);
            }

            @Override
            public void printHistory(UUID patientId, Language language, OutputStream out) {
                reports.writeAccessHistory(patientId, language, out);
            }
        };
    }
}
