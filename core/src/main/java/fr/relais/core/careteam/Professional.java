package fr.relais.core.careteam;

import java.util.UUID;

/** A professional known to the team; {@code rpps} when they come from the RPPS directory. */
public record Professional(UUID id, String familyName, String givenName, Profession profession, String rpps,
                           String mssanteAddress, String phone) {
    public String displayName() {
        return givenName + " " + familyName.toUpperCase(java.util.Locale.FRANCE);
    }
}
