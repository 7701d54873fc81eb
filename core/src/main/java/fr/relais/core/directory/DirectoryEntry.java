package fr.relais.core.directory;

import fr.relais.core.careteam.DirectoryListing;
import fr.relais.core.careteam.Profession;
import java.time.Instant;
import java.util.List;

/**
 * A health professional as the national directory (Annuaire Santé, RPPS) describes them: business identifiers, name,
 * profession and specialties (NOS codes), MSSanté mailboxes, and their activities (where they practise). Relais keys
 * it by IDNPS, the national identifier that survived the directory's API versions.
 */
public record DirectoryEntry(String idnps, String rpps, String familyName, String givenName, String professionCode,
                             Profession profession, List<String> specialtyCodes, List<String> mailboxes, boolean active,
                             Instant lastUpdated, List<Activity> activities) implements DirectoryListing {
    public DirectoryEntry {
        specialtyCodes = List.copyOf(specialtyCodes);
        mailboxes = List.copyOf(mailboxes);
        activities = List.copyOf(activities);
    }

    /** Family and given names; a closed record read before any other has no name: its RPPS (or IDNPS) stands in. */
    public String displayName() {
        if (familyName == null) {
            return rpps != null ? "RPPS " + rpps : "IDNPS " + idnps;
        }
        return givenName == null ? familyName : familyName + " " + givenName;
    }

    /** The MSSanté address to write to: the personal mailbox first, then an activity's. */
    public String preferredMailbox() {
        if (!mailboxes.isEmpty()) {
            return mailboxes.get(0);
        }
        return activities.stream().flatMap(a -> a.mailboxes().stream()).findFirst().orElse(null);
    }

    /**
     * One situation of practice (a PractitionerRole): its identifier (idSituationExercice), the organisation with its
     * FINESS or SIRET, its commune (name, INSEE code, postal code), and the mailboxes attached to it.
     */
    public record Activity(String identifier, String organizationName, String finess, String siret, String city,
                           String inseeCode, String postalCode, List<String> mailboxes) {
        public Activity {
            mailboxes = List.copyOf(mailboxes);
        }
    }
}
