package fr.relais.sync.mssante;

import fr.relais.core.identity.Patient;
import fr.relais.sync.fhir.IppNamespace;

/**
 * The patient identifier a document carries: the INS (matricule and the OID of its authority) only for a qualified
 * identity, the IPP in the deployment's namespace otherwise: the national rule for every exchange.
 */
record ExchangedIdentity(String root, String extension, boolean ins) {

    /** Refused, naming the setting, when the identity is not qualified and the organisation's IPP OID is not set. */
    static ExchangedIdentity of(Patient patient, String ippOid) {
        return patient.exchangeableIns().map(i -> new ExchangedIdentity(i.oid().oid(), i.matricule().value(), true))
                .orElseGet(() -> new ExchangedIdentity(IppNamespace.required(ippOid == null ? null : new IppNamespace(ippOid)).oid(),
                        patient.ipp() != null ? patient.ipp() : patient.id().toString(), false));
    }

    /** The HL7 v2 CX form used by XDS metadata: {@code id^^^&OID&ISO^NH} for an INS, {@code ^PI} for a local number. */
    String cx() {
        return extension + "^^^&" + root + "&ISO^" + (ins ? "NH" : "PI");
    }
}
