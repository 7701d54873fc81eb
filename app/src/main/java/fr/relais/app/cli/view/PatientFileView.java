package fr.relais.app.cli.view;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import fr.relais.core.careteam.CareTeamMember;
import fr.relais.core.identity.DuplicateFlag;
import fr.relais.core.identity.IdentityEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** {@code relais patient show --format json}: the patient, the cercle de soins, identity history and duplicate flags. */
@JsonPropertyOrder({"patient", "careTeam", "identityHistory", "possibleDuplicates"})
public record PatientFileView(PatientView patient, List<MemberView> careTeam, List<IdentityEventView> identityHistory,
                              List<DuplicateView> possibleDuplicates) {

    @JsonPropertyOrder({"id", "role", "professionalId", "familyName", "givenName", "profession", "rpps", "mssanteAddress", "startDate", "endDate"})
    public record MemberView(String id, String role, String professionalId, String familyName, String givenName,
                             String profession, String rpps, String mssanteAddress, LocalDate startDate, LocalDate endDate) {
        public static MemberView of(CareTeamMember m) {
            var p = m.professional();
            return new MemberView(m.id().toString(), m.role().name(), p.id().toString(), p.familyName(), p.givenName(),
                    p.profession().name(), p.rpps(), p.mssanteAddress(), m.startDate(), m.endDate());
        }
    }

    @JsonPropertyOrder({"at", "actor", "fromStatus", "toStatus", "reason"})
    public record IdentityEventView(Instant at, String actor, String fromStatus, String toStatus, String reason) {
        public static IdentityEventView of(IdentityEvent e) {
            return new IdentityEventView(e.at(), e.actor(), e.from() == null ? null : e.from().name(), e.to().name(), e.reason());
        }
    }

    @JsonPropertyOrder({"patientId", "reason"})
    public record DuplicateView(String patientId, String reason) {
        public static DuplicateView of(DuplicateFlag f) {
            return new DuplicateView(f.otherPatientId().toString(), f.reason().name());
        }
    }
}
