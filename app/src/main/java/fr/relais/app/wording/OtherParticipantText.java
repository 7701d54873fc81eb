package fr.relais.app.wording;

import fr.relais.core.careteam.OtherParticipant;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.wording.RoleWords;

/** One line of the care team for a participant another system lists: its role, its name, what it is. */
public final class OtherParticipantText {
    private OtherParticipantText() {
    }

    /**
     * "Soins palliatifs : KERBRAT Yann (fils, hors Relais)": a coded role and a relative's coded relationship in the
     * reader's language when Relais knows the code ({@link RoleWords}), else as the other system wrote them; a relative
     * whose relationship is not coded is a "proche".
     */
    public static String of(OtherParticipant o, Localization texts) {
        RoleWords words = new RoleWords(languageOf(texts));
        String relationship = words.relationship(o);
        String kind = relationship != null ? relationship : texts.text("careteam.kind." + (KINDS.contains(o.kind()) ? o.kind() : "other"));
        String name = o.name() == null ? texts.text("careteam.noName") : o.name();
        String role = words.role(o);
        return role == null ? texts.text("careteam.otherNoRole", name, kind) : texts.text("careteam.other", role, name, kind);
    }

    private static Language languageOf(Localization texts) {
        return java.util.Arrays.stream(Language.values()).filter(l -> l.locale().equals(texts.locale())).findFirst().orElse(Language.FR);
    }

    /**
     * What follows a member's line when other systems list the same professional in the patient's care team under
     * other roles (" ; aussi Infirmier (hors Relais)"): one person, one line, every role. Empty when none.
     */
    public static String alsoRoles(java.util.List<OtherParticipant> participations, Localization texts) {
        RoleWords words = new RoleWords(languageOf(texts));
        java.util.List<String> roles = participations.stream().map(words::role).filter(java.util.Objects::nonNull).distinct().toList();
        return roles.isEmpty() ? "" : texts.text("careteam.alsoRoles", String.join(", ", roles));
    }

    private static final java.util.Set<String> KINDS = java.util.Set.of("Practitioner", "PractitionerRole", "RelatedPerson", "Patient",
            "Organization", "CareTeam");
}
