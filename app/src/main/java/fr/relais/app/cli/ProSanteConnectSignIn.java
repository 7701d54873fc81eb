package fr.relais.app.cli;

import fr.relais.core.account.Account;
import fr.relais.core.account.AccountService;
import fr.relais.core.error.BadInputException;
import fr.relais.core.i18n.Language;
import fr.relais.sync.engine.SyncSettings;
import fr.relais.sync.psc.PscBearer;
import fr.relais.sync.psc.PscNationalId;
import fr.relais.sync.psc.PscSession;
import fr.relais.sync.psc.PscSignIn;
import fr.relais.sync.psc.PscStep;
import fr.relais.sync.psc.PscUnavailableException;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Signing in on the command line with Pro Santé Connect instead of a password ({@value #VARIABLE} = the professional's
 * RPPS or national id): the team server of {@code RELAIS_SERVER} sends the request to the e-CPS app, the command says
 * so and waits, polling at the interval the team server gives; once approved, the local account carrying that RPPS is
 * signed in ({@link AccountService#signInAuthenticated}). Refused, not approved in time, or unreachable: exit 1 with
 * the reason; the password sign-in and offline work stay as they were.
 */
final class ProSanteConnectSignIn {
    static final String VARIABLE = "RELAIS_ACCOUNT_PSC";

    private final PscSignIn client;
    private final PrintWriter err;
    private final Language language;
    private PscSession session;

    private ProSanteConnectSignIn(PscSignIn client, PrintWriter err, Language language) {
        this.client = client;
        this.err = err;
        this.language = language;
    }

    /** Through the team server whose FHIR base is {@code RELAIS_SERVER} ({@code https://…/fhir}); sign-in at {@code /psc}. */
    static ProSanteConnectSignIn through(Map<String, String> settings, PrintWriter err, Language language) {
        String server = settings.get(SyncSettings.SERVER_VARIABLE);
        URI psc = PscNationalId.signInAddress(server).orElseThrow(() ->
                new BadInputException(SyncSettings.SERVER_VARIABLE, "psc.noTeamServer", server == null ? "" : server));
        return new ProSanteConnectSignIn(PscSignIn.to(psc, language.locale()), err, language);
    }

    /** {@code 8} + RPPS: the national id PSC knows; an RPPS of 11 digits is completed. */
    static String nationalId(String typed) {
        return PscNationalId.of(typed, VARIABLE);
    }

    Account signIn(AccountService accounts, String typed) {
        String nationalId = nationalId(typed);
        try {
            PscStep step = client.start(nationalId);
            err.println(step.message());
            err.flush();
            while (step instanceof PscStep.Pending pending) {
                pause(pending.interval());
                step = client.poll(pending.request());
            }
            if (step instanceof PscStep.SignedIn signedIn) {
                session = signedIn.session();
                return accounts.signInAuthenticated(signedIn.session().rpps(), PscSignIn.AUTHORITY);
            }
            throw new SignInFailedException(step.message());
        } catch (PscUnavailableException e) {
            throw new SignInFailedException(e.detail().reason(language));
        }
    }

    /** The signed-in session's token for the team server, renewed as it expires (after {@link #signIn}). */
    PscBearer bearer(java.time.Clock clock) {
        return new PscBearer(client, session, clock);
    }

    private static void pause(Duration interval) {
        try {
            Thread.sleep(Math.max(1000, interval.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInFailedException(e.getMessage());
        }
    }
}
