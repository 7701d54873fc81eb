package fr.relais.sync.mssante;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.RelaisCore;
import fr.relais.core.StoreTemplate;
import fr.relais.core.identity.NewPatient;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.Sex;
import fr.relais.core.identity.StrictTraits;
import fr.relais.core.session.Actor;
import fr.relais.core.session.UserSession;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The METADATA.XML of the produced IHE_XDM.ZIP, parsed, against the IHE XDM / XDS.b rules for the submission set's
 * intendedRecipient (ITI TF-3 §4.2.3.3.9): each value is {@code XON|XCN|XTN}, three HL7 v2 fields separated by two
 * pipes, any of them empty; a mailbox goes in the XTN with "Internet" as component 3 and the address as component 4.
 */
class XdmMetadataTest {
    static final String RIM = "urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0";
    static final Pattern MAILBOX = Pattern.compile("[^@\\s^|&~\\\\]+@[^@\\s^|&~\\\\]+\\.[a-z]{2,}");

    @TempDir
    Path dir;
    RelaisCore core;

    @BeforeEach
    void open() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-24T09:00:00Z"), ZoneOffset.UTC);
        core = RelaisCore.open(StoreTemplate.copyTo(dir.resolve("relais.db")), clock, new UserSession(new Actor("idec", "ROUX Renée", "poste")));
    }

    @AfterEach
    void close() {
        core.close();
    }

    private byte[] metadataSentTo(String mailbox) throws Exception {
        Patient p = core.patients().register(new NewPatient(new StrictTraits("LEFÈVRE", List.of("Hélène"), Sex.F,
                LocalDate.of(1995, 10, 3), "99126"), null, null, "IPP-7", null, null, null)).patient();
        MssanteSettings settings = new MssanteSettings("localhost", 25, "cpts@cpts-test.mssante.fr",
                new MssanteSettings.Password("cpts", "secret".toCharArray()), null, null, MssanteSettings.DEFAULT_TRUST_DOMAINS,
                Duration.ofSeconds(10), "1.2.250.1.999.99.1", "CPTS de test", "10003461033");
        DocumentToSend document = new DocumentToSend(UUID.randomUUID(), p, "Rapport de parcours", "rapport.pdf",
                "%PDF-1.4 rapport".getBytes(StandardCharsets.US_ASCII), core.clock().instant(), "ROUX Renée", "10003461033", mailbox);
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(XdmPackage.build(document, settings)))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                zip.transferTo(content);
                if (entry.getName().equals("IHE_XDM/SUBSET01/METADATA.XML")) {
                    return content.toByteArray();
                }
            }
        }
        throw new AssertionError("no IHE_XDM/SUBSET01/METADATA.XML in the XDM package");
    }

    /** The values of the intendedRecipient slots, with the id of the registry object each one belongs to. */
    private static List<String[]> intendedRecipients(byte[] metadata) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document xml = factory.newDocumentBuilder().parse(new ByteArrayInputStream(metadata));
        List<String[]> values = new ArrayList<>();
        NodeList slots = xml.getElementsByTagNameNS(RIM, "Slot");
        for (int i = 0; i < slots.getLength(); i++) {
            Element slot = (Element) slots.item(i);
            if (slot.getAttribute("name").equals("intendedRecipient")) {
                NodeList vs = slot.getElementsByTagNameNS(RIM, "Value");
                for (int j = 0; j < vs.getLength(); j++) {
                    Element owner = (Element) slot.getParentNode();
                    values.add(new String[] {owner.getLocalName() + "#" + owner.getAttribute("id"), vs.item(j).getTextContent()});
                }
            }
        }
        return values;
    }

    /** Checks one value against XON|XCN|XTN and returns its e-mail address (XTN component 4). */
    static String mailboxOf(String value) {
        String[] fields = value.split("\\|", -1);
        assertThat(fields).as("XON|XCN|XTN: three fields, two pipes, in %s", value).hasSize(3);
        String xon = fields[0];
        String xcn = fields[1];
        String xtn = fields[2];
        if (!xon.isEmpty()) {
            // XON.1 organisation name, XON.10 organisation identifier: ten components at most.
            assertThat(xon.split("\\^", -1).length).as("XON components").isBetween(1, 10);
        }
        if (!xcn.isEmpty()) {
            String[] person = xcn.split("\\^", -1);
            assertThat(person.length).as("XCN components").isLessThanOrEqualTo(23);
            assertThat(person[0].isEmpty() && person.length < 2).as("XCN needs an id or a family name").isFalse();
        }
        String[] telecom = xtn.split("\\^", -1);
        assertThat(telecom).as("XTN components of %s", xtn).hasSizeGreaterThanOrEqualTo(4);
        assertThat(telecom[0]).as("XTN.1 (deprecated telephone number)").isEmpty();
        assertThat(telecom[2]).as("XTN.3 telecommunication equipment type").isEqualTo("Internet");
        assertThat(telecom[3]).as("XTN.4 e-mail address").matches(MAILBOX);
        return telecom[3];
    }

    @Test
    void theXdmSentToAPhysicianNamesHerMailboxAsTheSubmissionSetsIntendedRecipient() throws Exception {
        List<String[]> recipients = intendedRecipients(metadataSentTo("dr.bonnet@medecin.mssante.fr"));
        assertThat(recipients).singleElement().satisfies(r -> {
            assertThat(r[0]).isEqualTo("RegistryPackage#SubmissionSet01");
            assertThat(r[1]).isEqualTo("||^^Internet^dr.bonnet@medecin.mssante.fr");
            assertThat(mailboxOf(r[1])).isEqualTo("dr.bonnet@medecin.mssante.fr");
        });
    }

    @Test
    void theFormerElevenPipeRecipientIsNotAnXonXcnXtn() {
        // What Relais wrote before issue 21: the address fell in a twelfth field, not in the XTN.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> mailboxOf("|||||||||||^^Internet^dr.bonnet@medecin.mssante.fr"))
                .isInstanceOf(AssertionError.class);
        assertThat(mailboxOf("Some Hospital^^^^^^^^^1.2.3.9.1789.45|^Wel^Marcus^^^Dr^MD|^^Internet^mwel@healthcare.example.org"))
                .isEqualTo("mwel@healthcare.example.org");
    }
}
