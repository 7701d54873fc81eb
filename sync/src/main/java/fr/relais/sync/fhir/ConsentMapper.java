package fr.relais.sync.fhir;

import fr.relais.core.consent.Consent;
import fr.relais.core.consent.ConsentScope;
import fr.relais.core.error.BadInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * A patient's consent as a FHIR R4 Consent: scope (privacy for sharing, treatment for telemonitoring) with Relais's
 * own code in the category, the patient, the day it was collected and who collected it, an opt-in policy rule, and a
 * withdrawal as status inactive with who, when and why. Elements Relais does not model are left as they are.
 */
public final class ConsentMapper {
    static final String SCOPE_SYSTEM = "urn:relais:fhir:CodeSystem:consent-scope";
    private static final String FHIR_SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope";
    private static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    static final String COLLECTED_BY = RelaisFhir.extension("consent-collected-by");
    static final String RECORDED = RelaisFhir.extension("consent-recorded");
    static final String WITHDRAWAL = RelaisFhir.extension("consent-withdrawal");
    /** A consent collected on a signed paper form and declared at enrollment: code PAPER and the reason given. */
    static final String SOURCE = RelaisFhir.extension("consent-source");

    private ConsentMapper() {
    }

    /** Sets the consent's fields on {@code target} (a new Consent or the server's copy). */
    public static org.hl7.fhir.r4.model.Consent write(Consent c, org.hl7.fhir.r4.model.Consent target) {
        target.setStatus(c.active() ? org.hl7.fhir.r4.model.Consent.ConsentState.ACTIVE : org.hl7.fhir.r4.model.Consent.ConsentState.INACTIVE);
        target.setScope(new CodeableConcept(new Coding(FHIR_SCOPE, c.scope() == ConsentScope.TELEMONITORING ? "treatment" : "patient-privacy", null)));
        target.getCategory().removeIf(cc -> cc.getCoding().stream().anyMatch(x -> SCOPE_SYSTEM.equals(x.getSystem())));
        target.addCategory(new CodeableConcept(new Coding(SCOPE_SYSTEM, c.scope().name(), null)));
        target.setPatient(new Reference("Patient/" + c.patientId()));
        target.setDateTimeElement(new DateTimeType(c.collectedOn().toString()));
        if (!target.hasPolicyRule()) {
            target.setPolicyRule(new CodeableConcept(new Coding(ACT_CODE, "OPTIN", "opt-in")));
        }
        target.getExtension().removeIf(e -> e.getUrl().equals(COLLECTED_BY) || e.getUrl().equals(RECORDED) || e.getUrl().equals(WITHDRAWAL)
                || e.getUrl().equals(SOURCE));
        if (c.source() == fr.relais.core.consent.ConsentSource.PAPER) {
            Extension source = target.addExtension().setUrl(SOURCE);
            source.addExtension("code", new org.hl7.fhir.r4.model.CodeType(c.source().name()));
            if (c.sourceReason() != null) {
                source.addExtension("reason", new StringType(c.sourceReason()));
            }
        }
        target.addExtension(COLLECTED_BY, new StringType(c.collectedBy()));
        Extension recorded = target.addExtension().setUrl(RECORDED);
        recorded.addExtension("at", FhirDates.instant(c.recordedAt()));
        recorded.addExtension("by", new StringType(c.recordedBy()));
        if (!c.active()) {
            Extension withdrawal = target.addExtension().setUrl(WITHDRAWAL);
            withdrawal.addExtension("at", FhirDates.instant(c.withdrawnAt()));
            withdrawal.addExtension("by", new StringType(c.withdrawnBy()));
            withdrawal.addExtension("reason", new StringType(c.withdrawalReason()));
        }
        return target;
    }

    /** The consent a team server's Consent stands for; one Relais cannot read is bad input naming {@code source}. */
    public static Consent toLocal(org.hl7.fhir.r4.model.Consent r, UUID localId, String source) {
        try {
            return read(r, localId, source);
        } catch (BadInputException refused) {
            throw refused;
        } catch (RuntimeException e) {
            // A date cut short, an extension of another type: the reason in words, never the library's message.
            throw FhirRefusal.of(source, "fhir.invalid", e);
        }
    }

    private static Consent read(org.hl7.fhir.r4.model.Consent r, UUID localId, String source) {
        ConsentScope scope = r.getCategory().stream().flatMap(cc -> cc.getCoding().stream()).filter(x -> SCOPE_SYSTEM.equals(x.getSystem()))
                .findFirst().map(x -> scope(x.getCode(), source)).orElseThrow(() -> new BadInputException(source, "fhir.invalid", new BadInputException.Reason("fhir.reason.noConsentScope")));
        String patient = r.getPatient().getReferenceElement().getIdPart();
        if (patient == null || !r.hasDateTime()) {
            throw new BadInputException(source, "fhir.invalid", new BadInputException.Reason("fhir.reason.consentPatientOrDay"));
        }
        Extension recorded = r.getExtensionByUrl(RECORDED);
        Extension withdrawal = r.getExtensionByUrl(WITHDRAWAL);
        boolean withdrawn = r.getStatus() == org.hl7.fhir.r4.model.Consent.ConsentState.INACTIVE;
        return new Consent(localId, ObservationMapper.localId(patient), scope, text(r.getExtensionByUrl(COLLECTED_BY), "-"),
                LocalDate.parse(r.getDateTimeElement().getValueAsString().substring(0, 10)),
                recorded == null ? r.getDateTime().toInstant() : instant(recorded.getExtensionByUrl("at"), r.getDateTime().toInstant()),
                recorded == null ? "-" : text(recorded.getExtensionByUrl("by"), "-"),
                withdrawn ? instant(withdrawal == null ? null : withdrawal.getExtensionByUrl("at"), r.getMeta().getLastUpdated() == null
                        ? Instant.EPOCH : r.getMeta().getLastUpdated().toInstant()) : null,
                withdrawn ? (withdrawal == null ? "-" : text(withdrawal.getExtensionByUrl("by"), "-")) : null,
                withdrawn ? (withdrawal == null ? "-" : text(withdrawal.getExtensionByUrl("reason"), "-")) : null,
                source(r.getExtensionByUrl(SOURCE)), r.getExtensionByUrl(SOURCE) == null ? null
                        : text(r.getExtensionByUrl(SOURCE).getExtensionByUrl("reason"), null));
    }

    private static fr.relais.core.consent.ConsentSource source(Extension e) {
        return e != null && "PAPER".equals(text(e.getExtensionByUrl("code"), null))
                ? fr.relais.core.consent.ConsentSource.PAPER : fr.relais.core.consent.ConsentSource.COLLECTED;
    }

    private static ConsentScope scope(String code, String source) {
        try {
            return ConsentScope.valueOf(code);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new BadInputException(source, "fhir.invalid", new BadInputException.Reason("fhir.reason.unknownConsentScope", String.valueOf(code)));
        }
    }

    private static String text(Extension e, String otherwise) {
        return e == null || e.getValue() == null || e.getValue().primitiveValue() == null ? otherwise : e.getValue().primitiveValue();
    }

    private static Instant instant(Extension e, Instant otherwise) {
        return e != null && e.getValue() instanceof DateTimeType d && d.getValue() != null ? d.getValue().toInstant() : otherwise;
    }
}
