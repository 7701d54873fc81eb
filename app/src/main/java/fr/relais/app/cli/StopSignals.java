package fr.relais.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl+C (SIGINT) and SIGTERM (a service stopped) asking a long-running command to end by itself: instead of the JVM's
 * default (shutdown hooks, exit 130 or 143, whatever the command was writing), the command is told, finishes or
 * cancels its work, closes its store and exits 0. The JVM's own handlers are back once {@link #close}d.
 */
final class StopSignals implements AutoCloseable {
    private static final List<String> STOPPING = List.of("INT", "TERM");

    private final CountDownLatch stop = new CountDownLatch(1);
    private final List<Restore> previous = new ArrayList<>();
    private final List<String> listening = new ArrayList<>();

    private record Restore(Signal signal, SignalHandler handler) {
    }

    StopSignals() {
        for (String name : STOPPING) {
            try {
                Signal signal = new Signal(name);
                SignalHandler before = Signal.handle(signal, s -> stop.countDown());
                previous.add(new Restore(signal, before));
                if (before != SignalHandler.SIG_IGN) {
                    // A signal the process was started ignoring stays ignored (the JVM keeps it so): a command started
                    // in the background by a shell ignores Ctrl+C, as any other program would; SIGTERM still stops it.
                    listening.add(name);
                }
            } catch (IllegalArgumentException e) {
                // A signal this system does not have (SIGTERM under Windows is never sent): Ctrl+C remains.
            }
        }
    }

    /** The signals that stop the command in this process ({@code INT}, {@code TERM}): those not ignored from its start. */
    List<String> listening() {
        return List.copyOf(listening);
    }

    /** Waits until one of the signals arrives. */
    void await() throws InterruptedException {
        stop.await();
    }

    @Override
    public void close() {
        previous.forEach(p -> Signal.handle(p.signal(), p.handler()));
    }
}
