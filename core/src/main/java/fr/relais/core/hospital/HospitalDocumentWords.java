package fr.relais.core.hospital;

import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.time.CareZone;
import java.time.format.DateTimeFormatter;

/**
 * A hospital's document as the nurse reads it: its title in words ("Lettre de liaison à la sortie" for LOINC 11490-0;
 * the title the hospital wrote for a type Relais does not name; never the code), the facility and the day. The same
 * words in the patient file's hospital section, the patient report's PDF and {@code relais patient show}.
 */
public final class HospitalDocumentWords {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(CareZone.PARIS);

    private final Localization texts;

    public HospitalDocumentWords(Language language) {
        this.texts = Localization.of(HospitalTasks.BUNDLE, language);
    }

    /** The document's title in words. */
    public String title(HospitalDocument d) {
        String key = "hospital.document.type." + d.typeCode();
        if (d.typeCode() != null && texts.has(key)) {
            return texts.text(key);
        }
        return d.title() != null && !d.title().isBlank() ? d.title() : texts.text("hospital.document.untitled");
    }

    /** The facility that sent it, with the author when the hospital named one. */
    public String from(HospitalDocument d) {
        return d.author() == null ? d.facility() : texts.text("hospital.document.by", d.facility(), d.author());
    }

    /** The day of the document (dd/MM/yyyy, Paris). */
    public String day(HospitalDocument d) {
        return DAY.format(d.documentAt());
    }

    /** One line: "Lettre de liaison à la sortie, CHU-RENNES (Dr Claire PERRIN), le 19/03/2027". */
    public String line(HospitalDocument d) {
        return texts.text("hospital.document.line", title(d), from(d), day(d));
    }
}
