package fr.relais.sync.mssante;

import fr.relais.core.messaging.OutgoingMessages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The {@code IHE_XDM.ZIP} attachment of an MSSanté message (IHE ITI XDM, CI-SIS "échange de documents de santé"):
 * {@code README.TXT}, {@code INDEX.HTM}, {@code IHE_XDM/SUBSET01/METADATA.XML} and the CDA document
 * {@code IHE_XDM/SUBSET01/DOC0001.XML}, whose SHA-1 and size the metadata states.
 */
final class XdmPackage {
    static final String FILE_NAME = "IHE_XDM.ZIP";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.of("Europe/Paris"));

    private XdmPackage() {
    }

    static byte[] build(DocumentToSend d, MssanteSettings settings) {
        byte[] cda = CdaDocument.build(d, settings);
        byte[] metadata = XdsMetadata.build(d, settings, OutgoingMessages.sha1(cda), cda.length);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            put(zip, "README.TXT", readme(d, settings).getBytes(StandardCharsets.UTF_8));
            put(zip, "INDEX.HTM", index(d).getBytes(StandardCharsets.UTF_8));
            put(zip, "IHE_XDM/SUBSET01/METADATA.XML", metadata);
            put(zip, "IHE_XDM/SUBSET01/DOC0001.XML", cda);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private static String readme(DocumentToSend d, MssanteSettings s) {
        return String.join("\r\n", "Support IHE XDM produit par Relais (coordination des parcours de soins)",
                "Émetteur : " + d.authorName() + ", " + s.organizationName() + " <" + s.from() + ">",
                "Date : " + DATE.format(d.createdAt()),
                "Contenu : IHE_XDM/SUBSET01/DOC0001.XML (CDA R2, document PDF intégré) décrit par IHE_XDM/SUBSET01/METADATA.XML", "");
    }

    private static String index(DocumentToSend d) {
        return "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>IHE XDM</title></head><body>"
                + "<h1>Documents</h1><ul><li><a href=\"IHE_XDM/SUBSET01/DOC0001.XML\">" + escape(d.label()) + "</a></li></ul>"
                + "<p><a href=\"README.TXT\">README.TXT</a></p></body></html>";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
