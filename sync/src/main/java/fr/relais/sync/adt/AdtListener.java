package fr.relais.sync.adt;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.HL7Service;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import fr.relais.core.hospital.HospitalEvents;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The MLLP listener for hospital ADT messages (HL7 v2.5, IHE PAM French extension; ADR 0016). HAPI's server frames and
 * unframes MLLP, parses every message as v2.5 structures without HAPI's own validation (Relais checks what it needs
 * and refuses the rest in its own words, {@link AdtMessageReader}) and writes each ACK once {@link AdtReceiver} returns
 * it. {@code tls}: the server socket is TLS, with the JVM's key store ({@code javax.net.ssl.keyStore}).
 */
public final class AdtListener implements AutoCloseable {
    private final HapiContext context;
    private final HL7Service server;
    private final AdtReceiver receiver;

    private AdtListener(HapiContext context, HL7Service server, AdtReceiver receiver) {
        this.context = context;
        this.server = server;
        this.receiver = receiver;
    }

    /** Starts listening on {@code port}; {@code localIpp}: the IPP namespaces (OIDs) read as the organisation's own. */
    public static AdtListener start(HospitalEvents events, Set<String> localIpp, int port, boolean tls) throws InterruptedException {
        return start(events, null, localIpp, port, tls);
    }

    /**
     * Starts listening on {@code port} for ADT messages and, when {@code documents} is given, MDM^T02 documents (the
     * discharge letter) too; without it an MDM message is refused (AR) as any other type.
     */
    public static AdtListener start(HospitalEvents events, fr.relais.core.hospital.HospitalDocuments documents, Set<String> localIpp,
                                    int port, boolean tls) throws InterruptedException {
        // Its own threads: HAPI's default executor is one for the whole JVM, and any context closed (a client's, another
        // listener's) shuts it down under this listener, which would then take connections and never answer them.
        HapiContext context = configured(new DefaultHapiContext(fr.relais.core.work.LibraryThreads.perTask("adt-mllp")));
        HL7Service server = context.newServer(port, tls);
        AdtReceiver receiver = new AdtReceiver(events, documents == null ? null : new MdmReceiver(documents, localIpp),
                localIpp, context.getPipeParser());
        server.registerApplication(receiver);
        server.setExceptionHandler(receiver);
        server.startAndWait();
        if (!server.isRunning()) {
            // The port taken, or refused by the system: say so now rather than leave a listener that hears nothing.
            Throwable cause = server.getServiceExitedWithException();
            try {
                context.close();
            } catch (java.io.IOException ignored) {
                // closing what never started; the refusal below is the news
            }
            throw new IllegalStateException("MLLP listener did not start on port " + port, cause);
        }
        return new AdtListener(context, server, receiver);
    }

    /**
     * How Relais parses ADT messages: as v2.5 structures whatever the version says, without HAPI's validation, and with
     * ACK control ids drawn at random (HAPI's default keeps a counter in a file of the working folder). Public for the
     * clients that speak to the listener as a hospital would: the tests and the ADT benchmark.
     */
    public static HapiContext configured(HapiContext context) {
        context.setModelClassFactory(new KnownModelClasses("2.5"));
        context.setValidationContext(ValidationContextFactory.noValidation());
        context.getParserConfiguration().setAllowUnknownVersions(true);
        context.getParserConfiguration().setIdGenerator(() -> java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 20));
        return context;
    }

    /**
     * The serial part of the listener so far: the CPU its group commit's lock holders spent storing messages, and how
     * many they stored. Every message's store work runs under that lock, one after the other, so this CPU a message
     * bounds the listener's rate whatever the number of connections (docs/benchmarks.md, the ADT benchmark prints it).
     */
    public SerialWork serialWork() {
        return receiver.serial();
    }

    /**
     * From now on, {@link #serialWork} also counts the lock holders' wait for a core (Linux's scheduler statistics of
     * the thread, read around each commit): the ADT benchmark asks for it; a listener at work does not read that file
     * twice a commit under its lock. Until then, and where the system does not say, its figure is -1.
     */
    public void measureWaitsForACore() {
        receiver.measureWaitsForACore();
    }

    /**
     * The CPU and wall time, in nanoseconds, spent storing under the group commit's lock, and the part of that wall time
     * its holders waited for a core (descheduled while holding it; -1 when the system does not say), the messages stored
     * there, the commits that stored them, and those commits by their group's size ({@link #GROUP_SIZES}).
     */
    public record SerialWork(long cpuNanos, long wallNanos, long runQueueNanos, long messages, long commits, long[] commitsBySize) {
        /** The bounds of {@link #commitsBySize}: 1, 2, 3–4, 5–8, 9–16, 17 and more messages a commit. */
        public static final List<String> GROUP_SIZES = List.of("1", "2", "3-4", "5-8", "9-16", "17+");

        public SerialWork {
            commitsBySize = commitsBySize.clone();
        }

        @Override
        public long[] commitsBySize() {
            return commitsBySize.clone();
        }
    }

    public boolean running() {
        return server.isRunning();
    }

    /** Blocks until the listener stops (the headless command's life). */
    public void awaitStop() throws InterruptedException {
        while (server.isRunning()) {
            TimeUnit.MILLISECONDS.sleep(500);
        }
    }

    @Override
    public void close() {
        server.stopAndWait();
        try {
            context.close();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
