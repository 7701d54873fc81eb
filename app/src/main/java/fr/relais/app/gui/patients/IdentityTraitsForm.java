package fr.relais.app.gui.patients;

import fr.relais.core.error.BadInputException;
import fr.relais.core.identity.Sex;
import fr.relais.core.identity.StrictTraits;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The strict identity traits as a form holds them (birth family name, birth given names typed on one line, sex, birth
 * date, birthplace), shared by the new-patient dialog and the identity tab so both read and fill them the same way.
 */
public final class IdentityTraitsForm {
    private final StringProperty birthFamilyName = new SimpleStringProperty("");
    private final StringProperty birthGivenNames = new SimpleStringProperty("");
    /** None until chosen: a new patient's sex is asked, never assumed (issue 25: new patients defaulted to F). */
    private final ObjectProperty<Sex> sex = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> birthDate = new SimpleObjectProperty<>();
    private final StringProperty birthplace = new SimpleStringProperty("");

    private LocalDate shownDate;
    private fr.relais.core.identity.BirthDatePrecision shownPrecision = fr.relais.core.identity.BirthDatePrecision.DAY;

    /** Shows the traits of a record. */
    void show(StrictTraits t) {
        birthFamilyName.set(t.birthFamilyName());
        birthGivenNames.set(t.givenNamesText());
        sex.set(t.sex());
        birthDate.set(t.birthDate());
        shownDate = t.birthDate();
        shownPrecision = t.birthDatePrecision();
        birthplace.set(t.birthplaceCode() == null ? "" : t.birthplaceCode());
    }

    /**
     * The traits as typed: given names split on spaces, birthplace in capitals (2A/2B) or absent. A missing birth
     * date is refused by name; another missing trait throws {@link NullPointerException} ("incomplete form").
     */
    StrictTraits traits() {
        if (birthDate.get() == null) {
            throw new BadInputException("birthDate", "date.missing");
        }
        List<String> given = Arrays.stream(birthGivenNames.get().trim().split("\\s+")).filter(g -> !g.isBlank()).toList();
        String place = birthplace.get() == null || birthplace.get().isBlank() ? null : birthplace.get().trim().toUpperCase(Locale.ROOT);
        // A birth date received as a year or a month keeps its precision unless another date is picked.
        var precision = birthDate.get().equals(shownDate) ? shownPrecision : fr.relais.core.identity.BirthDatePrecision.DAY;
        return new StrictTraits(birthFamilyName.get().trim(), given, sex.get(), birthDate.get(), place, precision);
    }

    public StringProperty birthFamilyNameProperty() {
        return birthFamilyName;
    }

    public StringProperty birthGivenNamesProperty() {
        return birthGivenNames;
    }

    public ObjectProperty<Sex> sexProperty() {
        return sex;
    }

    public ObjectProperty<LocalDate> birthDateProperty() {
        return birthDate;
    }

    public StringProperty birthplaceProperty() {
        return birthplace;
    }

    /** The birthplace typed, in words beside the field ("Brest"; "commune INSEE 29999" for a code the list lacks). */
    public javafx.beans.binding.StringBinding birthplaceInWords(fr.relais.core.i18n.Localization texts) {
        return javafx.beans.binding.Bindings.createStringBinding(() -> birthplace.get() == null || birthplace.get().isBlank() ? ""
                : fr.relais.app.wording.BirthplaceText.of(birthplace.get().trim().toUpperCase(Locale.ROOT), texts), birthplace);
    }
}
