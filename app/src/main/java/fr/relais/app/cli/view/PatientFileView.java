package fr.relais.app.cli.view;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import fr.relais.core.careteam.CareTeamMember;
import fr.relais.core.identity.DuplicateFlag;
import fr.relais.core.identity.IdentityEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code relais patient show --format json}: the patient, the cercle de soins, identity history and duplicate flags,
 * then what other systems wrote on the team server for the patient (their care team participants, tasks, responses to
 * their questionnaires and care plans), and the death another system recorded ({@code deceased}, {@code deceasedOn}: the
 * day, null when not given). A contract (docs/cli-json.md): fields are added, never renamed.
 */
@JsonPropertyOrder({"patient", "careTeam", "identityHistory", "possibleDuplicates", "otherParticipants", "foreignTasks",
        "foreignResponses", "foreignCarePlans", "textMeasures", "organization", "deceased", "deceasedOn", "hospitalStays",
        "hospitalEvents"})
public record PatientFileView(PatientView patient, List<MemberView> careTeam, List<IdentityEventView> identityHistory,
                              List<DuplicateView> possibleDuplicates, List<OtherParticipantView> otherParticipants,
                              List<TaskView> foreignTasks, List<ForeignResponseView> foreignResponses,
                              List<ForeignCarePlanView> foreignCarePlans, List<TextMeasureView> textMeasures,
                              String organization, boolean deceased, LocalDate deceasedOn, List<HospitalStayView> hospitalStays,
                              List<HospitalEventView> hospitalEvents, List<HospitalDocumentView> hospitalDocuments) {

    /**
     * A document a hospital sent for the patient (the discharge letter; docs/hospital-events.md): {@code title} in words
     * ({@code type} the code the hospital gave, LOINC when {@code typeSystem} is {@code LN}), the facility and author,
     * its date, MIME type and size in bytes; {@code stayId} the stay it was filed with, or null.
     */
    public record HospitalDocumentView(String id, String title, String type, String typeSystem, String facility, String author,
                                       Instant documentAt, String mimeType, long size, String stayId) {
        public static HospitalDocumentView of(fr.relais.core.hospital.HospitalDocument d, fr.relais.core.hospital.HospitalDocumentWords words) {
            return new HospitalDocumentView(d.id().toString(), words.title(d), d.typeCode(), d.typeSystem(), d.facility(), d.author(),
                    d.documentAt(), d.mimeType(), d.size(), d.stayId() == null ? null : d.stayId().toString());
        }
    }

    /**
     * A stay in hospital (issue 28): {@code facility} the sender's name for itself, {@code location} PV1-3 as
     * "unit / room / bed", {@code dischargedAt} null while the patient is in; latest first.
     */
    @JsonPropertyOrder({"id", "admittedAt", "facility", "location", "expectedDischarge", "dischargedAt"})
    public record HospitalStayView(String id, Instant admittedAt, String facility, String location, LocalDate expectedDischarge,
                                   Instant dischargedAt) {
        public static HospitalStayView of(fr.relais.core.hospital.HospitalStay s) {
            return new HospitalStayView(s.id().toString(), s.admittedAt(), s.facility(), s.location(), s.expectedDischarge(), s.dischargedAt());
        }
    }

    /**
     * A hospital event received for the patient ({@code event}: the ADT trigger, {@code A01}...; {@code state}:
     * {@code APPLIED}, {@code RECORDED}, {@code UNDONE} when a later message cancelled it, {@code FAILED}), in the order
     * they happened.
     */
    @JsonPropertyOrder({"id", "event", "eventAt", "facility", "location", "expectedDischarge", "state"})
    public record HospitalEventView(String id, String event, Instant eventAt, String facility, String location,
                                    LocalDate expectedDischarge, String state) {
        public static HospitalEventView of(fr.relais.core.hospital.StoredHospitalEvent e) {
            return new HospitalEventView(e.id().toString(), e.type().name(), e.eventAt(), e.facilityName(), e.location(),
                    e.expectedDischarge(), e.state().name());
        }
    }

    /**
     * A measure another system sent as text, or said was not taken ({@code absentReason}: the data-absent-reason code,
     * null for a text value): as written, never judged.
     */
    @JsonPropertyOrder({"id", "code", "text", "effectiveAt", "status", "absentReason"})
    public record TextMeasureView(String id, String code, String text, Instant effectiveAt, String status, String absentReason) {
        public static TextMeasureView of(fr.relais.core.measure.TextMeasure m) {
            return new TextMeasureView(m.id().toString(), m.code(), m.text(), m.effectiveAt(), m.status(), m.absentReason());
        }
    }

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

    /**
     * A participant another system lists in the patient's CareTeam ({@code kind}: the FHIR resource type; {@code role}
     * as the other system wrote it, with its code when coded; {@code relationship}: the coded relationship of the
     * relative it names, else null), as the server lists it: the words shown in French are the patient file's.
     */
    @JsonPropertyOrder({"kind", "name", "role", "roleCode", "relationship", "startDate", "endDate"})
    public record OtherParticipantView(String kind, String name, String role, fr.relais.core.careteam.Coded roleCode,
                                       fr.relais.core.careteam.Coded relationship, LocalDate startDate, LocalDate endDate) {
        public static OtherParticipantView of(fr.relais.core.careteam.OtherParticipant o) {
            return new OtherParticipantView(o.kind(), o.name(), o.role(), o.roleCode(), o.relationship(), o.startDate(), o.endDate());
        }
    }

    /** A response to a questionnaire Relais does not ship ({@code status}: the FHIR code). */
    @JsonPropertyOrder({"id", "questionnaire", "authoredAt", "author", "status", "answers"})
    public record ForeignResponseView(String id, String questionnaire, Instant authoredAt, String author, String status,
                                      List<AnswerView> answers) {
        public static ForeignResponseView of(fr.relais.core.questionnaire.ForeignResponse r) {
            return new ForeignResponseView(r.id().toString(), r.questionnaire(), r.authoredAt(), r.author(), r.status(),
                    r.answers().stream().map(a -> new AnswerView(a.question(), a.answer())).toList());
        }
    }

    @JsonPropertyOrder({"question", "answer"})
    public record AnswerView(String question, String answer) {
    }

    /** Another system's CarePlan ({@code status}, activities' {@code status}: the FHIR codes). */
    @JsonPropertyOrder({"id", "title", "status", "startDate", "endDate", "author", "activities", "taskIds"})
    public record ForeignCarePlanView(String id, String title, String status, LocalDate startDate, LocalDate endDate, String author,
                                      List<ActivityView> activities, List<String> taskIds) {
        public static ForeignCarePlanView of(fr.relais.core.pathway.ForeignCarePlan c) {
            return new ForeignCarePlanView(c.id().toString(), c.title(), c.status(), c.start(), c.end(), c.author(),
                    c.activities().stream().map(a -> new ActivityView(a.description(), a.status())).toList(),
                    c.taskIds().stream().map(java.util.UUID::toString).toList());
        }
    }

    @JsonPropertyOrder({"description", "status"})
    public record ActivityView(String description, String status) {
    }
}
