package fr.relais.sync.fhir;

import fr.relais.core.audit.AuditEvent;
import fr.relais.core.audit.AuditLog;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.UUID;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/**
 * A line of the audit trail → FHIR AuditEvent (the trail's copy on the team server, and the export asked by clinics'
 * DPOs). Who (agent, with the workstation as network address), when (recorded), what (entity: the record's type and id,
 * the patient by identifier — a literal reference would break on a server that does not hold that patient), the action
 * code and its CRUDE letter, and the chain hash so that the copy can be checked against the laptop's trail. The server
 * id derives from the hash: a push retried after a network cut writes the same resource, never a second one.
 */
public final class AuditEventMapper {
    public static final String ACTION_SYSTEM = "urn:relais:fhir:CodeSystem:audit-action";
    public static final String HASH_SYSTEM = "urn:relais:audit-hash";
    public static final String PATIENT_ID_SYSTEM = "urn:relais:patient-id";
    private static final String DICOM = "http://dicom.nema.org/resources/ontology/DCM";

    private AuditEventMapper() {
    }

    public static String serverId(AuditLog.Chained chained) {
        String key = chained.hash() != null ? chained.hash() : chained.event().workstation() + "/" + chained.event().seq();
        return UUID.nameUUIDFromBytes(("relais-audit:" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static org.hl7.fhir.r4.model.AuditEvent toFhir(AuditLog.Chained chained) {
        AuditEvent e = chained.event();
        var r = new org.hl7.fhir.r4.model.AuditEvent();
        r.setId("AuditEvent/" + serverId(chained));
        // DICOM "Patient Record" for what concerns a patient's file, "Application Activity" for the rest.
        r.setType(e.patientId() != null ? new Coding(DICOM, "110110", "Patient Record") : new Coding(DICOM, "110100", "Application Activity"));
        r.addSubtype(new Coding(ACTION_SYSTEM, e.action(), null));
        r.setAction(action(e.action()));
        r.setRecorded(Date.from(e.at()));
        r.setOutcome(org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome._0);
        var agent = r.addAgent().setRequestor(true);
        agent.setWho(new Reference().setDisplay(e.actor()).setIdentifier(new Identifier().setSystem("urn:relais:user").setValue(e.actor())));
        agent.getNetwork().setAddress(e.workstation()).setType(org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentNetworkType._1);
        r.getSource().setSite(e.workstation()).setObserver(new Reference().setDisplay("Relais " + e.workstation()));
        var entity = r.addEntity().setWhat(new Reference().setType(e.entityType())
                .setIdentifier(new Identifier().setSystem("urn:relais:" + e.entityType()).setValue(e.entityId())));
        if (e.detail() != null) {
            entity.setDescription(e.detail());
        }
        if (e.patientId() != null) {
            r.addEntity().setWhat(new Reference().setType("Patient").setIdentifier(new Identifier().setSystem(PATIENT_ID_SYSTEM)
                    .setValue(e.patientId().toString()))).setRole(new Coding("http://terminology.hl7.org/CodeSystem/object-role", "1", "Patient"));
        }
        if (chained.hash() != null) {
            r.addEntity().setName("chain").addDetail().setType(HASH_SYSTEM).setValue(new org.hl7.fhir.r4.model.StringType(chained.hash()));
        }
        return r;
    }

    /** Create, Read, Update, Delete or Execute, from the action's verb. */
    static org.hl7.fhir.r4.model.AuditEvent.AuditEventAction action(String action) {
        String verb = action.substring(action.lastIndexOf('.') + 1);
        switch (verb) {
            case "create":
            case "add":
            case "answer":
            case "sync.create":
                return org.hl7.fhir.r4.model.AuditEvent.AuditEventAction.C;
            case "read":
            case "report":
            case "export":
            case "list":
                return org.hl7.fhir.r4.model.AuditEvent.AuditEventAction.R;
            case "delete":
            case "erase":
                return org.hl7.fhir.r4.model.AuditEvent.AuditEventAction.D;
            default:
                return action.contains("create") ? org.hl7.fhir.r4.model.AuditEvent.AuditEventAction.C
                        : org.hl7.fhir.r4.model.AuditEvent.AuditEventAction.U;
        }
    }
}
