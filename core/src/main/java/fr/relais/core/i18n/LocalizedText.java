package fr.relais.core.i18n;

/** A text in French (required: the working language) and English. */
public record LocalizedText(String fr, String en) {
    public String in(Language language) {
        return language == Language.EN && en != null && !en.isBlank() ? en : fr;
    }
}
