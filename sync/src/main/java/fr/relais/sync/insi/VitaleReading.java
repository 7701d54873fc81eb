package fr.relais.sync.insi;

import fr.relais.core.error.BadInputException;
import fr.relais.core.identity.InsMatricule;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What the INSi search by carte Vitale sends: the number of the insured person the card belongs to (who may not be
 * the patient: a child is on a parent's card), the beneficiary's birth date and birth rank (twins share a date).
 */
public record VitaleReading(InsMatricule insuredNumber, LocalDate beneficiaryBirthDate, int birthRank) {
    public VitaleReading {
        Objects.requireNonNull(insuredNumber);
        Objects.requireNonNull(beneficiaryBirthDate);
        if (birthRank < 1 || birthRank > 9) {
            throw new BadInputException("--rank", "insi.vitaleRank", String.valueOf(birthRank));
        }
    }
}
