package fr.relais.core.wording;

import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;

/**
 * What an audit event's action code means, as a patient or a DPO reads the access history: {@code patient.read} →
 * "Consultation du dossier". The codes stay in the trail (they are chained and signed); an action without wording
 * (written by a newer version) reads "Opération enregistrée" rather than its code.
 */
public final class AuditWords {
    private final Localization words;

    public AuditWords(Language language) {
        this.words = WordingBundle.of(language);
    }

    public String action(String code) {
        String key = "audit." + code;
        return code != null && words.has(key) ? words.text(key) : words.text("audit.other");
    }
}
