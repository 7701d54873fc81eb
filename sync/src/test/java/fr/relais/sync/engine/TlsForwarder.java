package fr.relais.sync.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ssl.SSLContext;

/**
 * HTTPS in front of the plain-HTTP test server, the way a clinic puts a TLS proxy in front of HAPI: accepts TLS on a
 * local port with the test certificate and relays the bytes both ways to the server's port.
 */
final class TlsForwarder implements AutoCloseable {
    private final ServerSocket listener;
    private final int target;

    TlsForwarder(SSLContext context, int target) throws IOException {
        this.target = target;
        this.listener = context.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "tls-forwarder");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                pump(client, server);
                pump(server, client);
            } catch (IOException closedOrRefused) {
                // the listener closed, or a handshake the client refused (untrusted certificate): next connection
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException ended) {
                // one side closed
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }, "tls-pump");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
