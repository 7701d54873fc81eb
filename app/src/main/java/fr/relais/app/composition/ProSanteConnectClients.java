package fr.relais.app.composition;

import fr.relais.sync.engine.SyncSettings;
import fr.relais.sync.psc.PscClient;
import fr.relais.sync.psc.PscNationalId;
import fr.relais.sync.psc.PscSignIn;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the Pro Santé Connect sign-in client of the desktop: the team server named by {@code RELAIS_SERVER} (its
 * FHIR base) signs in at {@code /psc} beside it. None when the workstation has no team server: the sign-in window then
 * offers the password only.
 */
public final class ProSanteConnectClients {
    private ProSanteConnectClients() {
    }

    public static Optional<PscClient> fromSettings(Map<String, String> settings, Locale language) {
        return PscNationalId.signInAddress(settings.get(SyncSettings.SERVER_VARIABLE)).map(address -> PscSignIn.to(address, language));
    }
}
