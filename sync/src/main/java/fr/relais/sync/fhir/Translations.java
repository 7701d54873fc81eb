package fr.relais.sync.fhir;

import fr.relais.core.i18n.LocalizedText;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.StringType;

/** French text in the element itself, English in the core {@code translation} extension (lang "en"). */
final class Translations {
    private Translations() {
    }

    static void write(PrimitiveType<String> element, LocalizedText text) {
        element.setValue(text.fr());
        if (text.en() != null) {
            Extension translation = element.addExtension().setUrl(RelaisFhir.TRANSLATION);
            translation.addExtension("lang", new org.hl7.fhir.r4.model.CodeType("en"));
            translation.addExtension("content", new StringType(text.en()));
        }
    }

    static LocalizedText read(PrimitiveType<String> element) {
        if (element == null || element.getValue() == null) {
            return null;
        }
        String en = null;
        for (Extension translation : element.getExtensionsByUrl(RelaisFhir.TRANSLATION)) {
            Extension lang = translation.getExtensionByUrl("lang");
            Extension content = translation.getExtensionByUrl("content");
            if (lang != null && "en".equals(lang.getValue().primitiveValue()) && content != null) {
                en = content.getValue().primitiveValue();
            }
        }
        return new LocalizedText(element.getValue(), en);
    }
}
