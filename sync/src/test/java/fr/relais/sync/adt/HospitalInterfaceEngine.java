package fr.relais.sync.adt;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.Connection;
import java.net.ServerSocket;

/**
 * A hospital's interface engine in the listener tests: Relais' MLLP listener started on a free local port, and HAPI's
 * own MLLP client connected to it, with threads of its own (HAPI's default executor is one for the JVM: closing one
 * test class's client would shut it down under another's running beside it).
 */
final class HospitalInterfaceEngine implements AutoCloseable {
    /** Starts Relais' listener on the port it is given. */
    @FunctionalInterface
    interface ListenerOnPort {
        AdtListener start(int port) throws Exception;
    }

    final int port;
    final AdtListener listener;
    final HapiContext client;
    final Connection connection;

    private HospitalInterfaceEngine(int port, AdtListener listener, HapiContext client, Connection connection) {
        this.port = port;
        this.listener = listener;
        this.client = client;
        this.connection = connection;
    }

    /** What the receiver of {@code type} logs from now on, kept for the test to read (the refusals it explains). */
    static ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logOf(Class<?> receiver) {
        var log = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        log.start();
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(receiver)).addAppender(log);
        return log;
    }

    static HospitalInterfaceEngine connectedTo(ListenerOnPort relais, String threads) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        AdtListener listener = relais.start(port);
        HapiContext client = AdtListener.configured(new DefaultHapiContext(fr.relais.core.work.LibraryThreads.perTask(threads)));
        Connection connection = client.newClient("localhost", port, false);
        connection.getInitiator().setTimeoutMillis(20_000);
        return new HospitalInterfaceEngine(port, listener, client, connection);
    }

    /** Sends {@code text} as the hospital would (parsed by HAPI, over MLLP) and returns the listener's answer, read. */
    ca.uhn.hl7v2.util.Terser send(String text) throws Exception {
        return new ca.uhn.hl7v2.util.Terser(connection.getInitiator().sendAndReceive(client.getPipeParser().parse(text)));
    }

    @Override
    public void close() throws Exception {
        connection.close();
        client.close();
        listener.close();
    }
}
