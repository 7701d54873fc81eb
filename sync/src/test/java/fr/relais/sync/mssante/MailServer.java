package fr.relais.sync.mssante;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.server.SMTPServer;

/** A real SMTP server on a free local port (SubEthaSMTP), as an MSSanté operator's submission service behaves. */
final class MailServer implements AutoCloseable {
    static final String USER = "cpts@cpts-test.mssante.fr";
    static final String PASSWORD = "mot-de-passe-bal";

    private final SMTPServer server;
    private final List<MimeMessage> received = new CopyOnWriteArrayList<>();

    private MailServer(SMTPServer.Builder builder) {
        this.server = builder.messageHandler((context, from, to, data) -> {
            try {
                received.add(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(data)));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).build();
        server.start();
    }

    /** STARTTLS required, then AUTH with the mailbox's password. */
    static MailServer withPassword(SSLContext tls) {
        return new MailServer(SMTPServer.port(0).hostName("localhost").startTlsSocketFactory(tls, false).requireTLS().requireAuth()
                .authenticationHandlerFactory(new EasyAuthenticationHandlerFactory((user, password, context) -> {
                    if (!USER.equals(user) || !PASSWORD.equals(password)) {
                        throw new LoginFailedException();
                    }
                })));
    }

    /** STARTTLS required with a client certificate the server trusts (no password). */
    static MailServer withClientCertificate(SSLContext tls) {
        return new MailServer(SMTPServer.port(0).hostName("localhost").startTlsSocketFactory(tls, true).requireTLS());
    }

    /** An old server that offers no STARTTLS at all: Relais must refuse to send in clear. */
    static MailServer withoutTls() {
        return new MailServer(SMTPServer.port(0).hostName("localhost"));
    }

    int port() {
        return server.getPortAllocated();
    }

    List<MimeMessage> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop();
    }
}
