package fr.relais.sync.fhir;

import fr.relais.core.audit.AuditLog;
import java.util.Date;
import java.util.Optional;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * A store's audit anchor on the team server (issue 23) as a FHIR {@code Basic}, one per store, overwritten by each audit
 * push: the signed anchor text (what {@code relais audit verify} checks), and for a reader the event number, its hash
 * and the workstation. Not an AuditEvent (those are the events themselves, append-only: an anchor moves) nor a
 * Provenance (which is about the resources it targets): docs/sync.md. Its id is the store's anchor id, derived from the
 * chain's key, so that a retried push writes the same resource and two stores on one machine never share one.
 */
public final class AuditAnchorMapper {
    public static final String CODE = "audit-anchor";
    public static final String STORE_SYSTEM = "urn:relais:audit-anchor";
    private static final String CODE_SYSTEM = "urn:relais:fhir:CodeSystem:record";
    private static final String ANCHOR = RelaisFhir.extension("audit-anchor");
    private static final String SEQ = RelaisFhir.extension("audit-anchor-seq");
    private static final String HASH = RelaisFhir.extension("audit-anchor-hash");

    private AuditAnchorMapper() {
    }

    public static Coding code() {
        return new Coding(CODE_SYSTEM, CODE, "Audit trail anchor");
    }

    public static Basic toFhir(AuditLog.ServerAnchor anchor, String workstation, Date at) {
        Basic b = new Basic();
        b.setId("Basic/" + anchor.storeId());
        b.setCode(new CodeableConcept(code()));
        b.addIdentifier(new Identifier().setSystem(STORE_SYSTEM).setValue(anchor.storeId()));
        b.setAuthor(new Reference().setDisplay("Relais " + workstation));
        b.setCreated(at);
        b.addExtension(new Extension(ANCHOR, new StringType(anchor.text())));
        // Within int: audit_event.seq is an SQLite INTEGER read as int by the store.
        b.addExtension(new Extension(SEQ, new IntegerType((int) anchor.seq())));
        b.addExtension(new Extension(HASH, new StringType(anchor.hash())));
        return b;
    }

    /** The signed anchor text a Basic carries; empty when it carries none. */
    public static Optional<String> text(Basic b) {
        Extension e = b.getExtensionByUrl(ANCHOR);
        return e != null && e.getValue() instanceof StringType s && s.getValue() != null ? Optional.of(s.getValue()) : Optional.empty();
    }
}
