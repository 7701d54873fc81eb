package fr.relais.sync.adt;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import fr.relais.core.RelaisCore;
import fr.relais.core.session.Actor;
import fr.relais.core.session.UserSession;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * The MLLP listener in its own JVM, for the kill test: {@code AdtWorker DB PORT NOW LOCAL_IPP HOLD}. Prints "READY" once
 * it listens, then "STORED id" for each message committed to the store, just before its ACK is returned. The message
 * whose control id is {@code HOLD} ("-": none) is held there, stored but not acknowledged, until the test kills this JVM.
 */
public final class AdtWorker {
    private AdtWorker() {
    }

    public static void main(String[] args) throws Exception {
        String hold = args[4];
        // The receiver logs each stored message (at debug) after its commit and before it returns the ACK, on the thread that will
        // write the ACK: an appender there is the point between the two, without a hook in the listener for tests.
        Logger receiver = (Logger) org.slf4j.LoggerFactory.getLogger(AdtReceiver.class);
        receiver.setLevel(Level.DEBUG);
        AppenderBase<ILoggingEvent> stored = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                if (event.getLevel() != Level.DEBUG || !event.getMessage().startsWith("Hospital message ")) {
                    return;
                }
                String controlId = String.valueOf(event.getArgumentArray()[0]);
                say("STORED " + controlId);
                if (controlId.equals(hold)) {
                    try {
                        Thread.sleep(Long.MAX_VALUE);
                    } catch (InterruptedException stopped) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        stored.start();
        receiver.addAppender(stored);
        Clock clock = Clock.fixed(Instant.parse(args[2]), ZoneOffset.UTC);
        try (RelaisCore core = RelaisCore.open(Path.of(args[0]), clock, new UserSession(new Actor("adt-worker", null, null)));
             AdtListener listener = AdtListener.start(core.hospitalEvents(), Set.of(args[3]), Integer.parseInt(args[1]), false)) {
            say("READY");
            listener.awaitStop();
        }
    }

    private static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
