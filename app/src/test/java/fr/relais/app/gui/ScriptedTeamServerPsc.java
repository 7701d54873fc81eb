package fr.relais.app.gui;

import fr.relais.sync.psc.PscClient;
import fr.relais.sync.psc.PscSession;
import fr.relais.sync.psc.PscStep;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/**
 * The team server's Pro Santé Connect sign-in as a script, for the desktop's tests without a server: each call of
 * {@code start}, {@code poll} and {@code refresh} takes the next answer; what was asked is kept. An answer is a supplier,
 * so that a test can hold it (the e-CPS app not answered yet) or act while it runs. The same protocol against a real
 * Keycloak is {@code ProSanteConnectIT} in installers/team-server.
 */
final class ScriptedTeamServerPsc implements PscClient {
    static final String RPPS = "10001234567";
    static final String NATIONAL_ID = "8" + RPPS;

    private final Deque<Supplier<PscStep>> answers = new ArrayDeque<>();
    final List<String> calls = new ArrayList<>();

    static PscSession session(String token, String rpps) {
        return new PscSession(token, Duration.ofMinutes(5), "refresh-" + token, "8" + rpps, rpps, "60", "Claire", "Martin");
    }

    static PscStep pending(Duration interval) {
        return new PscStep.Pending("request-1", interval, "Validez la connexion dans l'application e-CPS sur votre téléphone.");
    }

    static PscStep signedIn(String token, String rpps) {
        return new PscStep.SignedIn(session(token, rpps), "");
    }

    ScriptedTeamServerPsc then(PscStep answer) {
        return then(() -> answer);
    }

    ScriptedTeamServerPsc then(Supplier<PscStep> answer) {
        answers.add(answer);
        return this;
    }

    @Override
    public PscStep start(String nationalId) {
        return answer("start " + nationalId);
    }

    @Override
    public PscStep poll(String request) {
        return answer("poll " + request);
    }

    @Override
    public PscStep refresh(String refreshToken) {
        return answer("refresh " + refreshToken);
    }

    @Override
    public boolean signOut(String sessionToken) {
        synchronized (this) {
            calls.add("signOut " + sessionToken);
        }
        return true;
    }

    private PscStep answer(String call) {
        Supplier<PscStep> next;
        synchronized (this) {
            calls.add(call);
            next = answers.poll();
        }
        if (next == null) {
            throw new AssertionError("the team server was not expected to be asked: " + call);
        }
        return next.get();
    }

    synchronized List<String> calls() {
        return List.copyOf(calls);
    }
}
