package fr.relais.sync.insi;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import fr.relais.core.identity.NameKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A local INSi endpoint for the tests: SOAP 1.2 over HTTPS that demands a client certificate (the handshake fails
 * without one), and answers from a small reference base the way the CNDA cases do: one identity (00), none (01),
 * several homonyms (02), and, on verification, the base's traits of the INS asked about. It records the certificate
 * subject each request came with.
 */
final class InsiTestServer implements AutoCloseable {
    /** One identity of the reference base: its INS and strict traits, and the insured number of its carte Vitale. */
    record Person(String matricule, String oid, String family, String givenNames, String sex, String birthDate,
                  String birthplace, String insuredNumber) {
    }

    private final HttpsServer server;
    private final List<Person> base;
    final List<String> clientSubjects = new CopyOnWriteArrayList<>();

    InsiTestServer(SSLContext context, List<Person> base) throws IOException {
        this.base = List.copyOf(base);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters params) {
                var ssl = getSSLContext().getDefaultSSLParameters();
                ssl.setNeedClientAuth(true);
                params.setSSLParameters(ssl);
            }
        });
        server.createContext("/insi", this::answer);
        server.start();
    }

    URI endpoint() {
        return URI.create("https://localhost:" + server.getAddress().getPort() + "/insi");
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            clientSubjects.add(((HttpsExchange) exchange).getSSLSession().getPeerPrincipal().getName());
            Element request;
            try {
                DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
                f.setNamespaceAware(true);
                Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(exchange.getRequestBody().readAllBytes()));
                request = (Element) doc.getElementsByTagNameNS(InsiMessages.SOAP, "Body").item(0).getFirstChild();
            } catch (Exception e) {
                throw new IOException(e);
            }
            List<Person> found = switch (request.getLocalName()) {
                case InsiMessages.SEARCH -> base.stream().filter(p -> sameTraits(p, request)).toList();
                case InsiMessages.VITALE -> base.stream().filter(p -> p.insuredNumber().equals(text(request, "NirOD"))
                        && p.birthDate().equals(text(request, "DateNaissance"))).toList();
                default -> base.stream().filter(p -> p.matricule().equals(text(request, "Matricule"))).toList();
            };
            String code = found.isEmpty() ? "01" : found.size() == 1 ? "00" : "02";
            byte[] body = reply(code, found.size() == 1 ? found.get(0) : null).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/soap+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    /** As the base matches: same birth name, sex and date; the given names asked are the first ones of the list. */
    private static boolean sameTraits(Person p, Element request) {
        String place = text(request, "LieuNaissance");
        return NameKey.of(p.family()).equals(NameKey.of(text(request, "NomNaissance"))) && p.sex().equals(text(request, "Sexe"))
                && p.birthDate().equals(text(request, "DateNaissance"))
                && (NameKey.of(p.givenNames()) + " ").startsWith(NameKey.of(text(request, "ListePrenom")) + " ")
                && (place == null || place.equals(p.birthplace()));
    }

    private static String text(Element e, String name) {
        var list = e.getElementsByTagNameNS(InsiMessages.NS, name);
        return list.getLength() == 0 ? null : list.item(0).getTextContent();
    }

    private static String reply(String code, Person p) {
        String person = p == null ? "" : "<insi:Individu><insi:Matricule>" + p.matricule() + "</insi:Matricule><insi:OID>" + p.oid()
                + "</insi:OID><insi:NomNaissance>" + p.family() + "</insi:NomNaissance><insi:ListePrenom>" + p.givenNames()
                + "</insi:ListePrenom><insi:Sexe>" + p.sex() + "</insi:Sexe><insi:DateNaissance>" + p.birthDate()
                + "</insi:DateNaissance><insi:LieuNaissance>" + p.birthplace() + "</insi:LieuNaissance></insi:Individu>";
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soap:Envelope xmlns:soap=\"" + InsiMessages.SOAP + "\" xmlns:insi=\""
                + InsiMessages.NS + "\"><soap:Body><insi:Reponse><insi:CR><insi:CodeCR>" + code + "</insi:CodeCR></insi:CR>"
                + person + "</insi:Reponse></soap:Body></soap:Envelope>";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
