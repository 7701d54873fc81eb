package fr.relais.sync.insi;

import fr.relais.core.identity.NameKey;
import fr.relais.core.identity.StrictTraits;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** One strict trait on which the file and the INSi reference base disagree, with both values as shown to a nurse. */
public record TraitDifference(Trait trait, String file, String reference) {

    /** The strict traits INSi compares (the wording key is {@code insi.trait.<name>}). */
    public enum Trait { BIRTH_FAMILY_NAME, BIRTH_GIVEN_NAMES, SEX, BIRTH_DATE, BIRTHPLACE }

    /** The differences, compared as identity vigilance compares names (case, accents and separators aside). */
    public static List<TraitDifference> between(StrictTraits file, StrictTraits reference) {
        List<TraitDifference> found = new ArrayList<>();
        if (!NameKey.of(file.birthFamilyName()).equals(NameKey.of(reference.birthFamilyName()))) {
            found.add(new TraitDifference(Trait.BIRTH_FAMILY_NAME, file.birthFamilyName(), reference.birthFamilyName()));
        }
        if (!NameKey.of(file.givenNamesText()).equals(NameKey.of(reference.givenNamesText()))) {
            found.add(new TraitDifference(Trait.BIRTH_GIVEN_NAMES, file.givenNamesText(), reference.givenNamesText()));
        }
        if (file.sex() != reference.sex()) {
            found.add(new TraitDifference(Trait.SEX, file.sex().name(), reference.sex().name()));
        }
        if (!file.birthDate().equals(reference.birthDate())) {
            found.add(new TraitDifference(Trait.BIRTH_DATE, file.birthDateShown(), reference.birthDateShown()));
        }
        if (!Objects.equals(file.birthplaceCode(), reference.birthplaceCode())) {
            found.add(new TraitDifference(Trait.BIRTHPLACE, String.valueOf(file.birthplaceCode()), String.valueOf(reference.birthplaceCode())));
        }
        return found;
    }
}
