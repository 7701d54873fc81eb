package fr.relais.app.wording;

import fr.relais.core.careteam.OtherParticipant;
import fr.relais.core.i18n.Localization;

/** One line of the care team for a participant another system lists: its role as written, its name, what it is. */
public final class OtherParticipantText {
    private OtherParticipantText() {
    }

    public static String of(OtherParticipant o, Localization texts) {
        String kind = texts.text("careteam.kind." + (KINDS.contains(o.kind()) ? o.kind() : "other"));
        String name = o.name() == null ? texts.text("careteam.noName") : o.name();
        return o.role() == null ? texts.text("careteam.otherNoRole", name, kind) : texts.text("careteam.other", o.role(), name, kind);
    }

    /**
     * What follows a member's line when other systems list the same professional in the patient's care team under
     * other roles (" ; aussi Infirmier (hors Relais)"): one person, one line, every role. Empty when none.
     */
    public static String alsoRoles(java.util.List<String> roles, Localization texts) {
        return roles.isEmpty() ? "" : texts.text("careteam.alsoRoles", String.join(", ", roles));
    }

    private static final java.util.Set<String> KINDS = java.util.Set.of("Practitioner", "PractitionerRole", "RelatedPerson", "Patient",
            "Organization", "CareTeam");
}
