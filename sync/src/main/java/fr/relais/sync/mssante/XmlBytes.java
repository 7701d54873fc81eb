package fr.relais.sync.mssante;

import java.io.ByteArrayOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * One XML file of a message, written in UTF-8 with the JDK's StAX writer (well formed by construction): the declaration,
 * what the caller writes, the end of the document, as bytes.
 */
final class XmlBytes {
    /** What a file says, written on the open writer. */
    interface Content {
        void write(XMLStreamWriter x) throws XMLStreamException;
    }

    private XmlBytes() {
    }

    /** The file's bytes; {@code what} names it in the error of a writer that fails (never the user's input). */
    static byte[] write(String what, Content content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(bytes, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            content.write(x);
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(what + " not writable", e);
        }
        return bytes.toByteArray();
    }
}
