package fr.relais.app.cli.view;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import fr.relais.core.identity.Patient;
import java.time.Instant;
import java.util.List;

/**
 * A patient in JSON output. JSON leaves Relais (files, scripts, other software), so it carries the INS only for a
 * qualified identity (RNIV), like every other output ({@link Patient#exchangeableIns}).
 */
@JsonPropertyOrder({"id", "ipp", "birthFamilyName", "birthGivenNames", "usedFamilyName", "usedGivenName", "sex",
        "birthDate", "birthplaceCode", "identityStatus", "insSource", "identityDocument", "ins", "createdAt", "updatedAt"})
public record PatientView(String id, String ipp, String birthFamilyName, List<String> birthGivenNames,
                          String usedFamilyName, String usedGivenName, String sex, String birthDate,
                          String birthplaceCode, String identityStatus, String insSource, String identityDocument,
                          InsView ins, Instant createdAt, Instant updatedAt) {

    @JsonPropertyOrder({"matricule", "oid"})
    public record InsView(String matricule, String oid) {
    }

    public static PatientView of(Patient p) {
        return new PatientView(p.id().toString(), p.ipp(), p.traits().birthFamilyName(), p.traits().birthGivenNames(),
                p.usedFamilyName(), p.usedGivenName(), p.traits().sex().name(), p.traits().birthDateIso(),
                p.traits().birthplaceCode(), p.status().name(), p.evidence().insSource().name(),
                p.evidence().document() == null ? null : p.evidence().document().code(),
                p.exchangeableIns().map(i -> new InsView(i.matricule().value(), i.oid().oid())).orElse(null),
                p.createdAt(), p.updatedAt());
    }
}
