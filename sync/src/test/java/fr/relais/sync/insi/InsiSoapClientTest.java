package fr.relais.sync.insi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.core.RelaisCore;
import fr.relais.core.StoreTemplate;
import fr.relais.core.audit.AuditEvent;
import fr.relais.core.i18n.Language;
import fr.relais.core.identity.IdentityDocument;
import fr.relais.core.identity.IdentityEvidence;
import fr.relais.core.identity.IdentityStatus;
import fr.relais.core.identity.Ins;
import fr.relais.core.identity.InsMatricule;
import fr.relais.core.identity.InsOid;
import fr.relais.core.identity.InsSource;
import fr.relais.core.identity.NewPatient;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.Sex;
import fr.relais.core.identity.StrictTraits;
import fr.relais.core.session.Actor;
import fr.relais.core.session.UserSession;
import fr.relais.core.store.StoreKind;
import fr.relais.sync.mssante.TestCertificates;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The INSi client against a local SOAP endpoint over TLS with client authentication, replaying CNDA-like cases: one
 * identity, homonyms, a verification whose birth date differs, the service down, and the certificate presented.
 */
class InsiSoapClientTest {
    static final String TEST_OID = InsOid.NIR_TEST.oid();
    static final String MARTIN = "250037505612372";
    static final String BERNARD = "250037505612471";
    @TempDir
    static Path keys;
    static TestCertificates certificates;
    static InsiTestServer server;

    @TempDir
    Path dir;
    RelaisCore core;

    @BeforeAll
    static void start() throws Exception {
        certificates = new TestCertificates(keys);
        server = new InsiTestServer(certificates.serverContext(), List.of(
                new InsiTestServer.Person(MARTIN, TEST_OID, "MARTIN", "Claire Marie", "F", "1950-03-14", "75056", MARTIN),
                new InsiTestServer.Person("162086912304575", TEST_OID, "DUPONT", "Jean Pierre", "M", "1962-08-10", "69123", "162086912304575"),
                new InsiTestServer.Person(InsMatricule.withKey("1620869123046").value(), TEST_OID, "DUPONT", "Jean Paul", "M", "1962-08-10",
                        "69123", "162086912304575"),
                new InsiTestServer.Person(BERNARD, TEST_OID, "BERNARD", "Louise", "F", "1950-03-12", "75056", BERNARD)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void open() {
        core = RelaisCore.open(StoreTemplate.copyTo(dir.resolve("relais.db")), Clock.fixed(Instant.parse("2026-12-06T09:00:00Z"), ZoneOffset.UTC),
                new UserSession(new Actor("idec", "ROUX Renée", "poste")));
        // The test base answers with the INS-NIR TEST authority, which only a demonstration store accepts.
        core.database().inTransaction(() -> core.database().meta().setKind(StoreKind.DEMO));
    }

    @AfterEach
    void close() {
        core.close();
    }

    private InsiService insi(URI endpoint, Path clientKeys) {
        InsiSettings settings = new InsiSettings(endpoint, clientKeys, TestCertificates.PASSWORD.toCharArray(), certificates.clientTrust,
                TestCertificates.PASSWORD.toCharArray(), Duration.ofSeconds(5));
        return new InsiService(core.patients(), core.audit(), new InsiSoapClient(settings));
    }

    private InsiService insi() {
        return insi(server.endpoint(), certificates.clientKeys);
    }

    private Patient register(String family, List<String> given, Sex sex, LocalDate born, String place, Ins ins, IdentityDocument document) {
        return core.patients().register(new NewPatient(new StrictTraits(family, given, sex, born, place), null, null, null, ins,
                new IdentityEvidence(InsSource.SM, document), null)).patient();
    }

    private List<String> audited(UUID patientId, String action) {
        return core.audit().forPatient(patientId).stream().filter(e -> e.action().equals(action)).map(AuditEvent::detail).toList();
    }

    @Test
    void aUniqueAnswerMakesTheIdentityRecovered() {
        Patient typed = register("Martin", List.of("Claire", "Marie"), Sex.F, LocalDate.of(1950, 3, 14), "75056", null, null);
        assertThat(typed.status()).isEqualTo(IdentityStatus.PROV);

        InsiService.Result result = insi().search(typed.id());

        assertThat(result.outcome()).isEqualTo(InsiTeleservice.Outcome.FOUND);
        assertThat(result.after().status()).isEqualTo(IdentityStatus.RECUP);
        assertThat(result.after().ins()).isEqualTo(new Ins(new InsMatricule(MARTIN), InsOid.NIR_TEST));
        assertThat(result.after().traits().birthFamilyName()).as("the reference base's spelling is kept").isEqualTo("MARTIN");
        assertThat(core.patients().get(typed.id()).evidence().insSource()).isEqualTo(InsSource.INSI);
        assertThat(audited(typed.id(), "insi.search")).containsExactly("answer=FOUND ins=INS-NIR-TEST");
    }

    @Test
    void aCarteVitaleSearchAfterAnIdentityCardMakesTheIdentityQualified() {
        Patient seen = register("MARTIN", List.of("Claire", "Marie"), Sex.F, LocalDate.of(1950, 3, 14), "75056", null, IdentityDocument.CN);
        assertThat(seen.status()).isEqualTo(IdentityStatus.VALI);

        InsiService.Result result = insi().searchByVitale(seen.id(), new VitaleReading(new InsMatricule(MARTIN), LocalDate.of(1950, 3, 14), 1));

        assertThat(result.after().status()).isEqualTo(IdentityStatus.QUAL);
        assertThat(audited(seen.id(), "insi.searchVitale")).containsExactly("answer=FOUND ins=INS-NIR-TEST");
    }

    @Test
    void homonymsAreShownAndNothingIsChosenForTheNurse() {
        Patient typed = register("DUPONT", List.of("Jean"), Sex.M, LocalDate.of(1962, 8, 10), null, null, null);

        InsiService.Result result = insi().search(typed.id());

        assertThat(result.outcome()).isEqualTo(InsiTeleservice.Outcome.SEVERAL);
        assertThat(result.recorded()).isFalse();
        Patient after = core.patients().get(typed.id());
        assertThat(after.status()).isEqualTo(IdentityStatus.PROV);
        assertThat(after.ins()).isNull();
        assertThat(audited(typed.id(), "insi.search")).containsExactly("answer=SEVERAL");

        Patient unknown = register("INCONNU", List.of("Paul"), Sex.M, LocalDate.of(1962, 8, 10), null, null, null);
        assertThat(insi().search(unknown.id()).outcome()).isEqualTo(InsiTeleservice.Outcome.NONE);
        assertThat(core.patients().get(unknown.id()).status()).isEqualTo(IdentityStatus.PROV);
    }

    @Test
    void aMismatchedBirthDateIsNamedOnVerification() {
        Ins typedIns = new Ins(new InsMatricule(BERNARD), InsOid.NIR_TEST);
        Patient typed = register("BERNARD", List.of("Louise"), Sex.F, LocalDate.of(1950, 3, 21), "75056", typedIns, IdentityDocument.CN);
        IdentityStatus before = typed.status();

        InsiService.Result result = insi().verify(typed.id());

        assertThat(result.outcome()).isEqualTo(InsiTeleservice.Outcome.MISMATCH);
        assertThat(result.differences()).containsExactly(
                new TraitDifference(TraitDifference.Trait.BIRTH_DATE, "21/03/1950", "12/03/1950"));
        assertThat(core.patients().get(typed.id()).status()).as("nothing recorded").isEqualTo(before);
        assertThat(audited(typed.id(), "insi.verify")).containsExactly("answer=MISMATCH differ=[BIRTH_DATE]");
    }

    @Test
    void anUnreachableServiceIsNamedAndOfflineWorkGoesOn() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Patient typed = register("MARTIN", List.of("Claire", "Marie"), Sex.F, LocalDate.of(1950, 3, 14), "75056", null, null);
        InsiService down = insi(URI.create("https://localhost:" + closedPort + "/insi"), certificates.clientKeys);

        assertThatThrownBy(() -> down.search(typed.id())).isInstanceOfSatisfying(InsiUnavailableException.class,
                e -> assertThat(e.detail().message(Language.FR)).contains("téléservice INSi", "injoignable", "travail hors ligne"));
        assertThat(audited(typed.id(), "insi.search")).singleElement().asString().startsWith("unreachable:");

        Patient seen = core.patients().recordEvidence(typed.id(), null, new IdentityEvidence(InsSource.SM, IdentityDocument.PA), "passeport vu");
        assertThat(seen.status()).isEqualTo(IdentityStatus.VALI);
    }

    @Test
    void theClientPresentsItsCertificate() {
        Patient typed = register("MARTIN", List.of("Claire", "Marie"), Sex.F, LocalDate.of(1950, 3, 14), "75056", null, null);
        int before = server.clientSubjects.size();

        assertThat(insi().search(typed.id()).after().status()).isEqualTo(IdentityStatus.RECUP);

        assertThat(server.clientSubjects.subList(before, server.clientSubjects.size())).containsExactly("CN=CPTS de test,O=Relais");
        // A certificate the teleservice does not know is refused at the handshake: nothing learnt, nothing recorded.
        InsiService stranger = insi(server.endpoint(), certificates.serverKeys);
        assertThatThrownBy(() -> stranger.search(typed.id())).isInstanceOf(InsiUnavailableException.class);
        assertThat(server.clientSubjects).hasSize(before + 1);
        assertThat(audited(typed.id(), "insi.search")).hasSize(2).last().asString().startsWith("unreachable:");
    }
}
