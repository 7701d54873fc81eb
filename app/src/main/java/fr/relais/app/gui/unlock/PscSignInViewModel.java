package fr.relais.app.gui.unlock;

import fr.relais.app.gui.common.FailureText;
import fr.relais.app.gui.task.BackgroundExecutor;
import fr.relais.core.account.Account;
import fr.relais.core.account.AccountService;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.sync.psc.PscBearer;
import fr.relais.sync.psc.PscClient;
import fr.relais.sync.psc.PscNationalId;
import fr.relais.sync.psc.PscSignIn;
import fr.relais.sync.psc.PscStep;
import fr.relais.sync.psc.PscUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Signing in on the desktop with Pro Santé Connect (issue 29), beside the password: the nurse types her RPPS, the team
 * server sends the request to her e-CPS app, the window says so and waits, polling at the interval the team server
 * gives, off the FX thread, until she approves, refuses, lets it expire or cancels. Approved: the local account carrying
 * that RPPS is signed in ({@link AccountService#signInAuthenticated}, as the CLI does) and the session's token, renewed
 * as it expires ({@link PscBearer}), becomes the sync's credential. Anything else is said in French and the password
 * sign-in stays there: nothing local waits on PSC.
 */
public final class PscSignInViewModel {
    /** What the national id field is called in a refusal. */
    static final String FIELD = "RPPS";
    /** The shortest wait between two polls, whatever the team server says (as the CLI). */
    static final Duration SHORTEST_INTERVAL = Duration.ofSeconds(1);

    /**
     * Waits {@code interval} between two polls, or less when {@code cancel} is counted down; true when cancelled. The
     * window waits on the latch ({@link #onTheLatch()}); tests answer at once.
     */
    @FunctionalInterface
    public interface Pause {
        boolean cancelledWithin(CountDownLatch cancel, Duration interval) throws InterruptedException;

        static Pause onTheLatch() {
            return (cancel, interval) -> cancel.await(Math.max(SHORTEST_INTERVAL.toMillis(), interval.toMillis()), TimeUnit.MILLISECONDS);
        }
    }

    /** The account signed in and the sync's credential for the rest of the run. */
    public record SignedIn(Account account, PscBearer bearer) {
    }

    /** How a request ended when nobody was signed in: the key of the sentence, or cancelled. */
    private record NotSignedIn(String key) {
    }

    private final PscClient client;
    private final AccountService accounts;
    private final Clock clock;
    private final Pause pause;
    private final BackgroundExecutor executor;
    private final Localization texts;
    private final Language language;
    private final Consumer<SignedIn> onSignedIn;
    private final RecentNationalIds recent;
    private final javafx.collections.ObservableList<String> choices = javafx.collections.FXCollections.observableArrayList();

    private final StringProperty nationalId = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper waiting = new ReadOnlyBooleanWrapper(false);
    /** The running request's cancel signal; a new request gets a new one, so a late answer of an old one is ignored. */
    private CountDownLatch current = new CountDownLatch(0);

    /** {@code recent}: the RPPS signed in before on this machine's account, offered to pick (the last one filled in). */
    public PscSignInViewModel(PscClient client, AccountService accounts, Clock clock, Pause pause, BackgroundExecutor executor,
                              Localization texts, Language language, RecentNationalIds recent, Consumer<SignedIn> onSignedIn) {
        this.recent = recent;
        choices.setAll(recent.list());
        if (!choices.isEmpty()) {
            nationalId.set(choices.get(0));
        }
        this.client = client;
        this.accounts = accounts;
        this.clock = clock;
        this.pause = pause;
        this.executor = executor;
        this.texts = texts;
        this.language = language;
        this.onSignedIn = onSignedIn;
    }

    /** Sends the request to the e-CPS app of the RPPS typed; a number that is no RPPS is refused at once, by name. */
    public void start() {
        if (waiting.get()) {
            return;
        }
        String id;
        try {
            id = PscNationalId.of(nationalId.get(), FIELD);
        } catch (fr.relais.core.error.BadInputException e) {
            message.set(e.message(language));
            return;
        }
        CountDownLatch cancel = new CountDownLatch(1);
        current = cancel;
        waiting.set(true);
        message.set(texts.text("psc.signin.sending"));
        executor.submit(() -> request(id, cancel), outcome -> {
            if (cancel != current || cancel.getCount() == 0) {
                return;
            }
            waiting.set(false);
            if (outcome instanceof SignedIn signedIn) {
                message.set("");
                recent.remember(signedIn.account().rpps());
                onSignedIn.accept(signedIn);
            } else {
                message.set(texts.text(((NotSignedIn) outcome).key()));
            }
        }, failure -> {
            if (cancel != current || cancel.getCount() == 0) {
                return;
            }
            waiting.set(false);
            message.set(failure instanceof PscUnavailableException unreachable ? unreachable.detail().reason(language)
                    : FailureText.of(failure, texts, language));
        });
    }

    /** Stops waiting at once: no session is opened, even if the approval comes later. */
    public void cancel() {
        if (!waiting.get()) {
            return;
        }
        current.countDown();
        waiting.set(false);
        message.set(texts.text("psc.signin.cancelled"));
    }

    /** Off the FX thread: the request, the polls, then the local account of the RPPS PSC authenticated. */
    private Object request(String id, CountDownLatch cancel) throws InterruptedException {
        PscStep step = client.start(id);
        while (step instanceof PscStep.Pending pending) {
            executor.onUiThread(() -> {
                if (cancel == current && cancel.getCount() > 0) {
                    message.set(texts.text("psc.signin.pending"));
                }
            });
            if (pause.cancelledWithin(cancel, pending.interval())) {
                return new NotSignedIn("psc.signin.cancelled");
            }
            step = client.poll(pending.request());
        }
        if (step instanceof PscStep.SignedIn approved) {
            if (cancel.getCount() == 0) {
                // Cancelled while the approval was on its way: the session is ended at the team server too.
                signOutQuietly(approved.session().sessionToken());
                return new NotSignedIn("psc.signin.cancelled");
            }
            Account account = accounts.signInAuthenticated(approved.session().rpps(), PscSignIn.AUTHORITY);
            return new SignedIn(account, new PscBearer(client, approved.session(), clock));
        }
        if (step instanceof PscStep.Refused) {
            return new NotSignedIn("psc.signin.refused");
        }
        return new NotSignedIn(step instanceof PscStep.Expired ? "psc.signin.expired" : "psc.signin.unknown");
    }

    private void signOutQuietly(String sessionToken) {
        try {
            client.signOut(sessionToken);
        } catch (PscUnavailableException e) {
            // The session token then lapses on its own within minutes.
        }
    }

    /** The RPPS signed in before on this machine's account, most recent first. */
    public javafx.collections.ObservableList<String> choices() {
        return javafx.collections.FXCollections.unmodifiableObservableList(choices);
    }

    public StringProperty nationalIdProperty() {
        return nationalId;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True while the request waits on the e-CPS app: the progress and the cancel button show. */
    public ReadOnlyBooleanProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }
}
