package fr.relais.sync.mssante;

import fr.relais.core.SteadyClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.core.RelaisCore;
import fr.relais.core.StoreTemplate;
import fr.relais.core.error.BadInputException;
import fr.relais.core.i18n.Language;
import fr.relais.core.identity.IdentityDocument;
import fr.relais.core.identity.IdentityStatus;
import fr.relais.core.identity.Ins;
import fr.relais.core.identity.InsMatricule;
import fr.relais.core.identity.InsOid;
import fr.relais.core.identity.NewPatient;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.Sex;
import fr.relais.core.identity.StrictTraits;
import fr.relais.core.messaging.MessageStatus;
import fr.relais.core.messaging.OutgoingMessage;
import fr.relais.core.messaging.OutgoingMessages;
import fr.relais.core.session.Actor;
import fr.relais.core.session.UserSession;
import fr.relais.core.store.StoreKind;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * MSSanté sending against real SMTP servers over STARTTLS (password, client certificate, none offered): the mail is
 * received, its IHE_XDM.ZIP unzipped, the metadata checked against the patient and the document, the CDA parsed and
 * its PDF compared; a failure is recorded and retried, never lost.
 */
class MssanteServiceTest {
    static final String MATRICULE = "295109912611193";
    @TempDir
    static Path keys;
    static TestCertificates certificates;
    static MailServer passwordServer;
    static MailServer certificateServer;

    @TempDir
    Path dir;
    RelaisCore core;
    byte[] pdf;

    @BeforeAll
    static void servers() throws Exception {
        certificates = new TestCertificates(keys);
        passwordServer = MailServer.withPassword(certificates.serverContext());
        certificateServer = MailServer.withClientCertificate(certificates.serverContext());
    }

    @AfterAll
    static void stop() {
        passwordServer.close();
        certificateServer.close();
    }

    @BeforeEach
    void open() {
        core = RelaisCore.open(StoreTemplate.copyTo(dir.resolve("relais.db")), SteadyClock.SHARED, new UserSession(new Actor("idec", "ROUX Renée", "poste")));
        core.database().inTransaction(() -> core.database().meta().setKind(StoreKind.DEMO));
    }

    @AfterEach
    void close() {
        core.close();
    }

    private Patient patient(IdentityStatus status, String ipp) {
        Patient p = fr.relais.core.identity.TestInsiAnswer.registerFromInsi(core.patients(), new NewPatient(new StrictTraits("LEFÈVRE", List.of("Hélène", "Zoé"), Sex.F,
                LocalDate.of(1995, 10, 3), "99126"), null, null, ipp, null, null, null),
                new Ins(InsMatricule.parse("ins", MATRICULE), InsOid.NIR_TEST), status == IdentityStatus.QUAL ? IdentityDocument.CN : null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        core.reports().write(p.id(), Language.FR, out);
        pdf = out.toByteArray();
        return p;
    }

    private MssanteSettings settings(int port, MssanteSettings.Auth auth) {
        return new MssanteSettings("localhost", port, MailServer.USER, auth, certificates.clientTrust,
                TestCertificates.PASSWORD.toCharArray(), MssanteSettings.DEFAULT_TRUST_DOMAINS, Duration.ofSeconds(10),
                "1.2.250.1.999.99.1", "CPTS de test", "10003461033");
    }

    private MssanteSettings.Auth password() {
        return new MssanteSettings.Password(MailServer.USER, MailServer.PASSWORD.toCharArray());
    }

    @Test
    void aReportTravelsAsAnXdmWhoseMetadataAndCdaMatchThePatientAndTheDocument() throws Exception {
        Patient p = patient(IdentityStatus.QUAL, "IPP-1");
        int before = passwordServer.received().size();
        OutgoingMessage sent = new MssanteService(core.patients(), core.messages(), settings(passwordServer.port(), password()))
                .send(p.id(), "dr.bonnet@medecin.mssante.fr", "Rapport de parcours", "rapport.pdf", pdf);

        assertThat(sent.status()).as(sent.lastError()).isEqualTo(MessageStatus.SENT);
        assertThat(sent.messageId()).isNotBlank();
        assertThat(passwordServer.received()).hasSize(before + 1);
        MimeMessage mail = passwordServer.received().get(before);
        assertThat(mail.getSubject()).isEqualTo("XDM/1.0/DDM+Rapport de parcours LEFÈVRE Hélène 03/10/1995");
        Map<String, byte[]> attachments = attachments(mail);
        assertThat(attachments.keySet()).containsExactly("IHE_XDM.ZIP", "rapport.pdf");
        assertThat(attachments.get("rapport.pdf")).isEqualTo(pdf);

        Map<String, byte[]> xdm = unzip(attachments.get("IHE_XDM.ZIP"));
        assertThat(xdm.keySet()).containsExactly("README.TXT", "INDEX.HTM", "IHE_XDM/SUBSET01/METADATA.XML", "IHE_XDM/SUBSET01/DOC0001.XML");
        byte[] cda = xdm.get("IHE_XDM/SUBSET01/DOC0001.XML");
        Document metadata = parse(xdm.get("IHE_XDM/SUBSET01/METADATA.XML"));
        assertThat(slot(metadata, "hash")).isEqualTo(OutgoingMessages.sha1(cda));
        assertThat(slot(metadata, "size")).isEqualTo(Integer.toString(cda.length));
        assertThat(slot(metadata, "sourcePatientId")).isEqualTo(MATRICULE + "^^^&1.2.250.1.213.1.4.10&ISO^NH");
        assertThat(slot(metadata, "sourcePatientInfo")).contains("PID-5|LEFÈVRE^Hélène", "PID-7|19951003", "PID-8|F");
        assertThat(xpath(metadata, "//*[local-name()='ExternalIdentifier'][*[local-name()='Name']/*/@value='XDSDocumentEntry.patientId']/@value"))
                .isEqualTo(MATRICULE + "^^^&1.2.250.1.213.1.4.10&ISO^NH");
        assertThat(xpath(metadata, "//*[local-name()='Classification'][@classificationScheme='urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d']/@nodeRepresentation"))
                .isEqualTo("urn:ihe:iti:xds-sd:pdf:2008");
        assertThat(xpath(metadata, "//*[local-name()='Classification'][@classificationScheme='urn:uuid:f0306f51-975f-434e-a61c-c59651d33983']/@nodeRepresentation"))
                .isEqualTo("34133-9");
        assertThat(slot(metadata, "authorPerson")).startsWith("810003461033^");

        Document clinical = parse(cda);
        assertThat(xpath(clinical, "/*[local-name()='ClinicalDocument']/*[local-name()='recordTarget']//*[local-name()='id']/@root"))
                .isEqualTo("1.2.250.1.213.1.4.10");
        assertThat(xpath(clinical, "//*[local-name()='recordTarget']//*[local-name()='id']/@extension")).isEqualTo(MATRICULE);
        assertThat(xpath(clinical, "//*[local-name()='title']")).isEqualTo("Rapport de parcours");
        assertThat(Base64.getDecoder().decode(xpath(clinical, "//*[local-name()='nonXMLBody']/*[local-name()='text']"))).isEqualTo(pdf);

        assertThat(core.messages().list(p.id())).singleElement().satisfies(m -> {
            assertThat(m.recipient()).isEqualTo("dr.bonnet@medecin.mssante.fr");
            assertThat(m.createdBy()).isEqualTo("ROUX Renée");
            assertThat(m.sentAt()).isNotNull();
        });
        assertThat(core.audit().forPatient(p.id())).anyMatch(e -> e.action().equals("message.sent"));
    }

    @Test
    void anUnqualifiedIdentityTravelsWithItsIppOnly() throws Exception {
        Patient p = patient(IdentityStatus.RECUP, "IPP-2");
        int before = passwordServer.received().size();
        OutgoingMessage sent = new MssanteService(core.patients(), core.messages(), settings(passwordServer.port(), password()))
                .send(p.id(), "secretariat@ch-test.mssante.fr", "Synthèse de coordination", "synthese.pdf", pdf);
        assertThat(sent.status()).isEqualTo(MessageStatus.SENT);
        Map<String, byte[]> xdm = unzip(attachments(passwordServer.received().get(before)).get("IHE_XDM.ZIP"));
        for (byte[] file : xdm.values()) {
            assertThat(new String(file, StandardCharsets.UTF_8)).doesNotContain(MATRICULE);
        }
        Document metadata = parse(xdm.get("IHE_XDM/SUBSET01/METADATA.XML"));
        assertThat(slot(metadata, "sourcePatientId")).isEqualTo("IPP-2^^^&" + "1.2.250.1.999.99.1" + "&ISO^PI");
        assertThat(xpath(parse(xdm.get("IHE_XDM/SUBSET01/DOC0001.XML")), "//*[local-name()='recordTarget']//*[local-name()='id']/@extension"))
                .isEqualTo("IPP-2");
    }

    @Test
    void onlyTrustDomainsAndPdfsAreAcceptedAndNothingIsRecordedOtherwise() {
        Patient p = patient(IdentityStatus.QUAL, "IPP-3");
        MssanteService service = new MssanteService(core.patients(), core.messages(), settings(passwordServer.port(), password()));
        assertThatThrownBy(() -> service.send(p.id(), "docteur@gmail.com", "Rapport", "r.pdf", pdf))
                .satisfies(reason("mssante.notTrusted"));
        assertThatThrownBy(() -> service.send(p.id(), "x@medecin.mssante.fr.example.com", "Rapport", "r.pdf", pdf))
                .satisfies(reason("mssante.notTrusted"));
        assertThatThrownBy(() -> service.send(p.id(), "x@medecin.mssante.fr", "Rapport", "r.txt", "bonjour".getBytes(StandardCharsets.UTF_8)))
                .satisfies(reason("mssante.notPdf"));
        assertThat(core.messages().list(p.id())).isEmpty();
    }

    @Test
    void aDocumentAboutAnUnqualifiedIdentityIsRefusedUntilTheOrganisationsIppOidIsConfigured() {
        Patient p = patient(IdentityStatus.RECUP, "IPP-5");
        MssanteSettings s = settings(passwordServer.port(), password());
        MssanteSettings withoutIppOid = new MssanteSettings(s.host(), s.port(), s.from(), s.auth(), s.trustStore(), s.trustStorePassword(),
                s.trustDomains(), s.timeout(), null, s.organizationName(), s.authorRpps());
        assertThatThrownBy(() -> new MssanteService(core.patients(), core.messages(), withoutIppOid).send(p.id(), "dr.bonnet@medecin.mssante.fr", "Rapport", "r.pdf", pdf))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.input()).isEqualTo("RELAIS_IPP_OID"));
        assertThat(core.messages().list(p.id())).isEmpty();
    }

    @Test
    void aFailureIsRecordedShownAndRetriedUntilSent() throws Exception {
        Patient p = patient(IdentityStatus.QUAL, "IPP-4");
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        OutgoingMessage failed = new MssanteService(core.patients(), core.messages(), settings(closedPort, password()))
                .send(p.id(), "dr.bonnet@medecin.mssante.fr", "Rapport de parcours", "rapport.pdf", pdf);
        assertThat(failed.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(failed.lastError()).contains("Connect");
        assertThat(core.messages().unsent()).extracting(OutgoingMessage::id).containsExactly(failed.id());

        var retried = new MssanteService(core.patients(), core.messages(), settings(passwordServer.port(), password())).retryUnsent();
        assertThat(retried).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo(failed.id());
            assertThat(m.status()).isEqualTo(MessageStatus.SENT);
            assertThat(m.attempts()).isEqualTo(2);
        });
        assertThat(core.messages().unsent()).isEmpty();

        // A wrong password is a failure recorded with the server's refusal.
        OutgoingMessage refused = new MssanteService(core.patients(), core.messages(), settings(passwordServer.port(),
                new MssanteSettings.Password(MailServer.USER, "faux".toCharArray()))).send(p.id(), "dr.bonnet@medecin.mssante.fr", "Rapport", "r.pdf", pdf);
        assertThat(refused.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(refused.lastError()).containsIgnoringCase("auth");
    }

    @Test
    void aClientCertificateAuthenticatesTheStructureAndClearTextIsNeverUsed() throws Exception {
        Patient p = patient(IdentityStatus.QUAL, "IPP-5");
        var certificate = new MssanteSettings.Certificate(certificates.clientKeys, TestCertificates.PASSWORD.toCharArray());
        int before = certificateServer.received().size();
        OutgoingMessage sent = new MssanteService(core.patients(), core.messages(), settings(certificateServer.port(), certificate))
                .send(p.id(), "dr.bonnet@medecin.mssante.fr", "Rapport de parcours", "rapport.pdf", pdf);
        assertThat(sent.status()).as(sent.lastError()).isEqualTo(MessageStatus.SENT);
        assertThat(certificateServer.received()).hasSize(before + 1);

        // Without the certificate, the server refuses the TLS handshake.
        OutgoingMessage withoutCertificate = new MssanteService(core.patients(), core.messages(), settings(certificateServer.port(), password()))
                .send(p.id(), "dr.bonnet@medecin.mssante.fr", "Rapport", "r.pdf", pdf);
        assertThat(withoutCertificate.status()).isEqualTo(MessageStatus.FAILED);

        // A server that offers no STARTTLS gets nothing: no fallback to clear text.
        try (MailServer clear = MailServer.withoutTls()) {
            OutgoingMessage notSent = new MssanteService(core.patients(), core.messages(), settings(clear.port(), password()))
                    .send(p.id(), "dr.bonnet@medecin.mssante.fr", "Rapport", "r.pdf", pdf);
            assertThat(notSent.status()).isEqualTo(MessageStatus.FAILED);
            assertThat(notSent.lastError()).containsIgnoringCase("STARTTLS");
            assertThat(clear.received()).isEmpty();
        }

        // A wrong certificate password says so, and the message stays recorded for a retry.
        var wrong = new MssanteSettings.Certificate(certificates.clientKeys, "faux".toCharArray());
        assertThatThrownBy(() -> new MssanteService(core.patients(), core.messages(), settings(certificateServer.port(), wrong))
                .send(p.id(), "dr.bonnet@medecin.mssante.fr", "Rapport", "r.pdf", pdf)).satisfies(reason("mssante.certificate"));
        assertThat(core.messages().unsent()).hasSize(3);
    }

    @Test
    void theConfigurationFileKeepsSecretsOutOfTheCommandLine() throws Exception {
        Path passwordFile = dir.resolve("bal.secret");
        Files.writeString(passwordFile, MailServer.PASSWORD + "\n");
        Path config = dir.resolve("mssante.properties");
        Files.writeString(config, String.join("\n", "smtp.host=localhost", "smtp.port=" + passwordServer.port(), "from=" + MailServer.USER,
                "password.file=" + passwordFile, "truststore.file=" + certificates.clientTrust,
                "truststore.password.file=" + writeSecret(TestCertificates.PASSWORD), "trust.domains=mssante.fr, ch-test.fr"));
        MssanteSettings read = MssanteSettings.from(config, Map.of());
        assertThat(read.auth()).isInstanceOf(MssanteSettings.Password.class);
        assertThat(read.toString()).doesNotContain(MailServer.PASSWORD);
        read.checkRecipient("accueil@ch-test.fr");
        assertThatThrownBy(() -> MssanteSettings.from(null, Map.of())).satisfies(reason("mssante.notConfigured"));
        Files.writeString(config, "smtp.host=localhost\nsmtp.port=vingt\nfrom=a@b.mssante.fr\n");
        assertThatThrownBy(() -> MssanteSettings.from(config, Map.of("RELAIS_MSSANTE_PASSWORD", "x"))).satisfies(reason("mssante.notConfigured"));
    }

    private Path writeSecret(String value) throws Exception {
        Path file = Files.createTempFile(dir, "secret", ".txt");
        Files.writeString(file, value);
        return file;
    }

    private static org.assertj.core.api.ThrowingConsumer<Throwable> reason(String key) {
        return e -> assertThat(e).isInstanceOfSatisfying(BadInputException.class, bad -> assertThat(bad.reasonKey()).isEqualTo(key));
    }

    private static Map<String, byte[]> attachments(MimeMessage mail) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Multipart parts = (Multipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            var part = parts.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                files.put(part.getFileName(), part.getInputStream().readAllBytes());
            }
        }
        return files;
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static String slot(Document metadata, String name) throws Exception {
        NodeList values = (NodeList) xpathNodes(metadata, "//*[local-name()='ExtrinsicObject']/*[local-name()='Slot'][@name='" + name
                + "']//*[local-name()='Value'] | //*[local-name()='ExtrinsicObject']//*[local-name()='Classification']/*[local-name()='Slot'][@name='"
                + name + "']//*[local-name()='Value']");
        assertThat(values.getLength()).as("slot " + name).isGreaterThan(0);
        return values.item(0).getTextContent();
    }

    private static Object xpathNodes(Document doc, String expression) throws Exception {
        XPath xpath = XPathFactory.newInstance().newXPath();
        return xpath.evaluate(expression, doc, XPathConstants.NODESET);
    }

    private static String xpath(Document doc, String expression) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(expression, doc);
    }
}
