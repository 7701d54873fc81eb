package fr.relais.sync.mssante;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/**
 * Builds and sends one MSSanté message over SMTP with STARTTLS required (no clear-text fallback): the subject in the
 * integration convention {@code XDM/1.0/DDM+<label> NOM Prénom <birth date>}, a short text, the {@code IHE_XDM.ZIP}
 * and the PDF for reading. Returns the Message-ID, which the sent record keeps.
 */
final class MssanteMailer {
    private final MssanteSettings settings;

    MssanteMailer(MssanteSettings settings) {
        this.settings = settings;
    }

    static String subject(DocumentToSend d) {
        var t = d.patient().traits();
        return "XDM/1.0/DDM+" + d.label() + " " + t.birthFamilyName() + " " + t.firstGivenName() + " " + t.birthDateShown();
    }

    String send(DocumentToSend d, byte[] xdm) throws MessagingException {
        Session session = Session.getInstance(properties());
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(settings.from()));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(d.recipient()));
        message.setSubject(subject(d), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(d.createdAt()));
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Bonjour,\n\nVeuillez trouver ci-joint « " + d.label() + " » concernant votre patient(e) "
                + d.patient().traits().birthFamilyName() + " " + d.patient().traits().firstGivenName() + ".\n\n" + d.authorName() + "\n"
                + settings.organizationName() + "\n", StandardCharsets.UTF_8.name());
        MimeBodyPart zip = attachment(xdm, "application/zip", XdmPackage.FILE_NAME);
        MimeBodyPart pdf = attachment(d.pdf(), "application/pdf", d.fileName());
        message.setContent(new MimeMultipart(text, zip, pdf));
        message.saveChanges();
        try (Transport transport = session.getTransport("smtp")) {
            if (settings.auth() instanceof MssanteSettings.Password p) {
                transport.connect(settings.host(), settings.port(), p.user(), new String(p.password()));
            } else {
                transport.connect(settings.host(), settings.port(), null, null);
            }
            transport.sendMessage(message, message.getAllRecipients());
        }
        return message.getMessageID();
    }

    private static MimeBodyPart attachment(byte[] content, String type, String fileName) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(content, type)));
        part.setFileName(fileName);
        part.setDisposition(MimeBodyPart.ATTACHMENT);
        return part;
    }

    private Properties properties() {
        Properties p = new Properties();
        String ms = Long.toString(settings.timeout().toMillis());
        p.put("mail.smtp.host", settings.host());
        p.put("mail.smtp.port", Integer.toString(settings.port()));
        p.put("mail.smtp.starttls.enable", "true");
        // Never fall back to clear text: a server that does not offer STARTTLS is refused.
        p.put("mail.smtp.starttls.required", "true");
        p.put("mail.smtp.ssl.checkserveridentity", "true");
        p.put("mail.smtp.ssl.protocols", "TLSv1.3 TLSv1.2");
        p.put("mail.smtp.ssl.socketFactory", SmtpTls.context(settings).getSocketFactory());
        p.put("mail.smtp.auth", Boolean.toString(settings.auth() instanceof MssanteSettings.Password));
        p.put("mail.smtp.connectiontimeout", ms);
        p.put("mail.smtp.timeout", ms);
        p.put("mail.smtp.writetimeout", ms);
        return p;
    }
}
