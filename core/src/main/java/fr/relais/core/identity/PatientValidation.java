package fr.relais.core.identity;

import fr.relais.core.error.BadInputException;
import fr.relais.core.store.StoreKind;
import java.time.LocalDate;
import java.util.regex.Pattern;

/** Checks what a user typed for a patient, naming the field and the reason of a refusal. */
final class PatientValidation {
    private static final Pattern NAME = Pattern.compile("[\\p{L}][\\p{L}' -]*");
    private static final Pattern BIRTHPLACE = Pattern.compile("(?:[0-9]{2}|2A|2B)[0-9]{3}");
    private static final Pattern IPP = Pattern.compile("[A-Za-z0-9._/-]{1,40}");
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1880, 1, 1);

    private PatientValidation() {
    }

    static void validateTraits(StrictTraits traits, LocalDate today) {
        name("birthFamilyName", traits.birthFamilyName());
        if (traits.birthGivenNames().isEmpty()) {
            throw new BadInputException("birthGivenNames", "name.missing");
        }
        for (int i = 0; i < traits.birthGivenNames().size(); i++) {
            name("birthGivenNames[" + i + "]", traits.birthGivenNames().get(i));
            if (traits.birthGivenNames().get(i).contains(" ")) {
                throw new BadInputException("birthGivenNames[" + i + "]", "name.givenHasSpace", traits.birthGivenNames().get(i));
            }
        }
        if (traits.birthDate().isAfter(today)) {
            throw new BadInputException("birthDate", "date.future", traits.birthDate());
        }
        if (traits.birthDate().isBefore(EARLIEST_BIRTH)) {
            throw new BadInputException("birthDate", "date.tooOld", traits.birthDate());
        }
        if (traits.birthplaceCode() != null && !BIRTHPLACE.matcher(traits.birthplaceCode()).matches()) {
            throw new BadInputException("birthplace", "birthplace.invalid", traits.birthplaceCode());
        }
    }

    static void validate(NewPatient patient, StoreKind storeKind, LocalDate today) {
        validateTraits(patient.traits(), today);
        if (patient.usedFamilyName() != null && !patient.usedFamilyName().isBlank()) {
            name("usedFamilyName", patient.usedFamilyName());
        }
        if (patient.usedGivenName() != null && !patient.usedGivenName().isBlank()) {
            name("usedGivenName", patient.usedGivenName());
        }
        if (patient.ipp() != null && !IPP.matcher(patient.ipp()).matches()) {
            throw new BadInputException("ipp", "ipp.invalid", patient.ipp());
        }
        validateInsForStore(patient.ins(), storeKind);
    }

    static void validateInsForStore(Ins ins, StoreKind storeKind) {
        if (ins != null && ins.oid().fictitious() && storeKind != StoreKind.DEMO) {
            throw new BadInputException("insOid", "ins.oid.fictitiousInProduction", ins.oid().oid());
        }
    }

    private static void name(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new BadInputException(field, "name.missing");
        }
        if (value.length() > 100 || !NAME.matcher(value.trim()).matches()) {
            throw new BadInputException(field, "name.invalid", value);
        }
    }
}
