package fr.relais.sync.annuaire;

import fr.relais.core.SteadyClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.core.RelaisCore;
import fr.relais.core.StoreTemplate;
import fr.relais.core.careteam.CareRole;
import fr.relais.core.careteam.Profession;
import fr.relais.core.directory.DirectoryEntry;
import fr.relais.core.error.BadInputException;
import fr.relais.core.identity.NewPatient;
import fr.relais.core.identity.Sex;
import fr.relais.core.identity.StrictTraits;
import fr.relais.core.session.Actor;
import fr.relais.core.session.UserSession;
import fr.relais.sync.server.AnnuaireGateway;
import fr.relais.sync.server.JpaFhirServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/** The Annuaire Santé client against a real HAPI FHIR server seeded with directory resources in the IG's shapes. */
@Isolated("adds a search parameter to the shared server, which reindexes it")
class AnnuaireClientTest {
    static final String KEY = "cle-de-test-0123";
    static JpaFhirServer server;

    @TempDir
    Path dir;
    RelaisCore core;

    @BeforeAll
    static void seed() {
        server = JpaFhirServer.shared();
        AnnuaireFixtures.load(server);
    }

    @BeforeEach
    void open() {
        core = RelaisCore.open(StoreTemplate.copyTo(dir.resolve("relais.db")), SteadyClock.SHARED, new UserSession(new Actor("idec", "IDEC", "poste")));
        server.annuaireGateway().clear();
    }

    @AfterEach
    void close() {
        core.close();
    }

    private static org.assertj.core.api.ThrowingConsumer<Throwable> reason(String key) {
        return e -> assertThat(e).isInstanceOfSatisfying(BadInputException.class, bad -> assertThat(bad.reasonKey()).isEqualTo(key));
    }

    private AnnuaireClient client(String key, int pageSize) {
        return new AnnuaireClient(AnnuaireSettings.of(server.baseUrl(), key).withPaging(pageSize, 100), SteadyClock.SHARED);
    }

    @Test
    void aNameSearchFollowsTheNextLinksWithTheKeyOnEveryRequestAndUnderTheRateLimit() {
        var found = client(KEY, 10).search(new PractitionerQuery("PAGINEAU", null, null, null, null), core.directory());

        assertThat(found.entries()).hasSize(AnnuaireFixtures.NURSES).allMatch(e -> e.profession() == Profession.INFIRMIER);
        assertThat(found.truncated()).isFalse();
        List<AnnuaireGateway.Seen> seen = server.annuaireGateway().seen();
        assertThat(seen).hasSize(3).allMatch(s -> s.key().equals(KEY));
        assertThat(seen.get(1).path()).contains("_getpages");
        // 15 requests per second at most: consecutive requests at least 1/15 s apart (less the server's own jitter).
        for (int i = 1; i < seen.size(); i++) {
            assertThat(Duration.ofNanos(seen.get(i).nanoTime() - seen.get(i - 1).nanoTime())).isGreaterThan(Duration.ofMillis(55));
        }
        assertThat(core.directory().size()).isEqualTo(AnnuaireFixtures.NURSES);
    }

    @Test
    void anRppsSearchMapsIdentifiersActivitiesAndMailboxesAndCachesByBusinessIdentifier() {
        var found = client(KEY, 50).search(new PractitionerQuery(null, AnnuaireFixtures.BONNET_RPPS, null, null, null), core.directory());

        assertThat(found.entries()).hasSize(1);
        DirectoryEntry bonnet = found.entries().get(0);
        assertThat(bonnet.idnps()).isEqualTo("810003461033");
        assertThat(bonnet.rpps()).isEqualTo("10003461033");
        assertThat(bonnet.displayName()).isEqualTo("BONNET Jérôme");
        assertThat(bonnet.profession()).isEqualTo(Profession.MEDECIN);
        assertThat(bonnet.specialtyCodes()).containsExactly("SM54");
        assertThat(bonnet.mailboxes()).containsExactly("jeromebonnet@pro.mssante.fr");
        assertThat(bonnet.activities()).singleElement().satisfies(a -> {
            assertThat(a.identifier()).isEqualTo("F69000000110003461033");
            assertThat(a.organizationName()).isEqualTo("CENTRE HOSPITALIER DE TEST");
            assertThat(a.finess()).isEqualTo("690000001");
            assertThat(a.city()).isEqualTo("Lyon");
            assertThat(a.inseeCode()).isEqualTo("69383");
            assertThat(a.mailboxes()).containsExactly("cardiologie@ch-test.mssante.fr");
        });
        assertThat(core.directory().byRpps("10003461033")).contains(bonnet);
        assertThat(core.directory().byRpps("810003461033")).contains(bonnet);

        // Found once, added to a cercle de soins: the professional keeps the RPPS and the MSSanté address.
        var patient = core.patients().register(new NewPatient(new StrictTraits("MARTIN", List.of("Claire"), Sex.F,
                LocalDate.of(1950, 3, 14), null), null, null, "P1", null, null, null)).patient();
        var member = core.careTeam().assignFromDirectory(patient.id(), bonnet, CareRole.MEDECIN_SPECIALISTE, LocalDate.of(2026, 11, 24));
        assertThat(member.professional().rpps()).isEqualTo("10003461033");
        assertThat(member.professional().mssanteAddress()).isEqualTo("jeromebonnet@pro.mssante.fr");
        var again = core.careTeam().assignFromDirectory(patient.id(), bonnet, CareRole.MEDECIN_TRAITANT, LocalDate.of(2026, 11, 24));
        assertThat(again.professional().id()).as("the same professional, not a copy").isEqualTo(member.professional().id());
    }

    @Test
    void aCommuneSearchGoesThroughTheActivities() {
        var found = client(KEY, 50).search(new PractitionerQuery(null, null, "medecin", null, "Lyon"), null);
        assertThat(found.entries()).extracting(DirectoryEntry::familyName).containsExactly("BONNET");
        assertThat(server.annuaireGateway().seen().get(0).path()).contains("PractitionerRole?", "organization.address-city=Lyon");
    }

    @Test
    void aRefreshReadsOnlyWhatChangedAndKeepsAClosedProfessionalWithTheLastKnownName() {
        AnnuaireClient client = client(KEY, 50);
        client.search(new PractitionerQuery(null, AnnuaireFixtures.GIRARD_RPPS, null, null, null), core.directory());
        assertThat(core.directory().byRpps(AnnuaireFixtures.GIRARD_RPPS)).get().matches(DirectoryEntry::active);

        var girard = AnnuaireFixtures.deactivated("as-pr-girard", AnnuaireFixtures.GIRARD_RPPS);
        server.fhirContext().newRestfulGenericClient(server.baseUrl()).update().resource(girard).execute();
        core.directory().refreshedAt(SteadyClock.SHARED.instant().minus(Duration.ofDays(1)));
        server.annuaireGateway().clear();

        assertThat(client.refresh(core.directory())).isEqualTo(1);

        assertThat(server.annuaireGateway().seen()).singleElement().satisfies(s -> assertThat(s.path()).contains("_lastUpdated=ge"));
        // Closed in the directory, which no longer sends her name: kept with the last name known, marked inactive.
        assertThat(core.directory().byRpps(AnnuaireFixtures.GIRARD_RPPS)).get().satisfies(e -> {
            assertThat(e.active()).isFalse();
            assertThat(e.displayName()).isEqualTo("GIRARD Anne");
            assertThat(e.professionCode()).isEqualTo("60");
        });
        assertThat(core.directory().searchByName("GIR", false)).isEmpty();
        assertThat(core.directory().searchByName("GIR", true)).hasSize(1);
        var patient = core.patients().register(new NewPatient(new StrictTraits("MARTIN", List.of("Claire"), Sex.F,
                LocalDate.of(1950, 3, 14), null), null, null, "P2", null, null, null)).patient();
        DirectoryEntry inactive = core.directory().byRpps(AnnuaireFixtures.GIRARD_RPPS).orElseThrow();
        assertThatThrownBy(() -> core.careTeam().assignFromDirectory(patient.id(), inactive, CareRole.IDE_LIBERALE, SteadyClock.today()))
                .satisfies(reason("directory.inactive"));

        // A cache last refreshed more than 30 days ago is read again whole (the directory's _lastUpdated window).
        core.directory().refreshedAt(SteadyClock.SHARED.instant().minus(Duration.ofDays(40)));
        server.annuaireGateway().clear();
        client.refresh(core.directory());
        assertThat(server.annuaireGateway().seen()).singleElement().satisfies(s -> assertThat(s.path()).doesNotContain("_lastUpdated"));
    }

    @Test
    void aMissingOrRefusedKeyAndAnUnreachableDirectorySayWhich() {
        assertThatThrownBy(() -> AnnuaireSettings.from(server.baseUrl(), null, Map.of()))
                .satisfies(reason("annuaire.keyMissing"));
        assertThatThrownBy(() -> client(AnnuaireGateway.REFUSED_KEY, 50).search(new PractitionerQuery("BONNET", null, null, null, null), null))
                .satisfies(reason("annuaire.keyRefused"));
        var offline = new AnnuaireClient(AnnuaireSettings.of("http://127.0.0.1:9/fhir", KEY), SteadyClock.SHARED);
        assertThatThrownBy(() -> offline.search(new PractitionerQuery("BONNET", null, null, null, null), null))
                .isInstanceOf(AnnuaireUnavailableException.class);
        assertThatThrownBy(() -> new PractitionerQuery(null, null, null, null, "Lyon"))
                .satisfies(reason("annuaire.noCriterion"));
        assertThatThrownBy(() -> new PractitionerQuery(null, "12AB", null, null, null)).satisfies(reason("annuaire.identifier"));
        assertThatThrownBy(() -> new PractitionerQuery(null, null, "astronaute", null, null)).satisfies(reason("annuaire.profession"));
    }
}
