package fr.relais.sync.server;

/**
 * The JPA test server in its own JVM (the sync benchmark runs the client side apart, so that the server's garbage
 * collections do not pause the client being measured). Prints {@code URL <base>} when ready; stops when stdin closes.
 */
public final class JpaFhirServerMain {
    private JpaFhirServerMain() {
    }

    public static void main(String[] args) throws Exception {
        JpaFhirServer server = JpaFhirServer.start();
        System.out.println("URL " + server.baseUrl());
        System.out.flush();
        while (System.in.read() >= 0) {
            // wait for the parent to close our stdin
        }
        server.close();
        System.exit(0);
    }
}
