package fr.relais.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.app.gui.careteam.PractitionerSearchViewModel;
import fr.relais.app.gui.task.DirectExecutor;
import fr.relais.app.wording.Messages;
import fr.relais.core.careteam.CareRole;
import fr.relais.core.careteam.Profession;
import fr.relais.core.directory.DirectoryEntry;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.identity.NewPatient;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.Sex;
import fr.relais.core.identity.StrictTraits;
import fr.relais.core.session.Actor;
import fr.relais.sync.annuaire.AnnuaireClient;
import fr.relais.sync.annuaire.AnnuaireSettings;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cercle de soins editor's directory search without the toolkit: offline from the local copy, a missing key or an
 * unreachable directory said plainly with the offline way out, and a professional added in a role.
 * (Searching a directory server: sync's AnnuaireClientTest.)
 */
class PractitionerSearchViewModelTest extends CoreStoreTest {
    Patient patient;
    final Localization texts = Localization.of(Messages.BUNDLE, Language.FR);

    @BeforeEach
    void setUp() {
        open(new Actor("idec", "IDEC", "poste"));
        patient = core.patients().register(new NewPatient(new StrictTraits("MARTIN", List.of("Claire"), Sex.F, LocalDate.of(1950, 3, 14),
                null), null, null, "P1", null, null, null)).patient();
        core.directory().save(List.of(new DirectoryEntry("810003461033", "10003461033", "BONNET", "Jérôme", "10", Profession.MEDECIN,
                List.of(), List.of("jeromebonnet@pro.mssante.fr"), true, Instant.parse("2026-10-01T00:00:00Z"),
                List.of(new DirectoryEntry.Activity("F1", "CH DE TEST", "690000001", null, "Lyon", "69383", "69003", List.of())))), CLOCK.instant());
    }

    private PractitionerSearchViewModel model(Map<String, String> env) {
        return new PractitionerSearchViewModel(core.clock(), core.careTeam(), core.directory(), patient.id(), new DirectExecutor(), texts, Language.FR,
                new fr.relais.app.composition.DirectoryClients(core.clock()).fromEnvironment(env));
    }

    @Test
    void offlineTheLocalCopyIsSearchedAndTheChosenProfessionalAddedInARole() {
        PractitionerSearchViewModel model = model(Map.of());
        model.offlineProperty().set(true);
        model.nameProperty().set("bon");
        model.search();
        assertThat(model.resultsProperty()).singleElement().satisfies(row -> {
            assertThat(row.name()).isEqualTo("BONNET Jérôme");
            assertThat(row.profession()).isEqualTo("Médecin");
            assertThat(row.activities()).isEqualTo("CH DE TEST, Lyon");
        });
        model.add(() -> { });
        assertThat(model.messageProperty().get()).isEqualTo("Choisissez un professionnel dans la liste.");
        model.selectedProperty().set(model.resultsProperty().get(0));
        model.roleProperty().set(CareRole.MEDECIN_TRAITANT);
        AtomicInteger refreshed = new AtomicInteger();
        model.add(refreshed::incrementAndGet);
        assertThat(refreshed).hasValue(1);
        assertThat(model.messageProperty().get()).isEqualTo("Jérôme BONNET fait désormais partie du cercle de soins : médecin traitant.");
        assertThat(core.careTeam().teamOf(patient.id())).singleElement().satisfies(m -> {
            assertThat(m.role()).isEqualTo(CareRole.MEDECIN_TRAITANT);
            assertThat(m.professional().mssanteAddress()).isEqualTo("jeromebonnet@pro.mssante.fr");
        });
    }

    @Test
    void theNurseSearchesByAProfessionChosenInWordsNotByACode() {
        PractitionerSearchViewModel model = new PractitionerSearchViewModel(core.clock(), core.careTeam(), core.directory(), patient.id(), new DirectExecutor(), texts, Language.FR,
                () -> new AnnuaireClient(AnnuaireSettings.of("http://127.0.0.1:9/fhir", "cle"), core.clock()));
        assertThat(model.professions()).as("\"other\" has no national code to search by")
                .contains(fr.relais.core.careteam.Profession.INFIRMIER).doesNotContain(fr.relais.core.careteam.Profession.AUTRE);
        assertThat(model.professions()).extracting(p -> texts.text("profession." + p.name()))
                .contains("Infirmier", "Médecin", "Masseur-kinésithérapeute");
        model.professionProperty().set(fr.relais.core.careteam.Profession.INFIRMIER);
        model.search();
        assertThat(model.messageProperty().get()).as("the profession alone is a valid search: it reaches the directory")
                .contains("injoignable").doesNotContain("profession");
    }

    @Test
    void withoutAKeyOrANetworkTheReasonAndTheOfflineWayAreShown() {
        PractitionerSearchViewModel noKey = model(Map.of());
        noKey.nameProperty().set("BONNET");
        noKey.search();
        assertThat(noKey.messageProperty().get()).contains("clé d'API", "RELAIS_ESANTE_API_KEY");
        assertThat(noKey.busyProperty().get()).isFalse();

        PractitionerSearchViewModel unreachable = new PractitionerSearchViewModel(core.clock(), core.careTeam(), core.directory(), patient.id(), new DirectExecutor(), texts, Language.FR,
                () -> new AnnuaireClient(AnnuaireSettings.of("http://127.0.0.1:9/fhir", "cle"), core.clock()));
        unreachable.nameProperty().set("BONNET");
        unreachable.search();
        assertThat(unreachable.messageProperty().get()).contains("injoignable", "Hors ligne");
        assertThat(unreachable.resultsProperty()).isEmpty();
    }

    @Test
    void offlineAHospitalNurseReceivedFromTheServerWithoutAnRppsIsListedAndJoinsTheCercleDeSoins() {
        // Another system's Practitioner, received at a sync: her number is in a system Relais does not read.
        var nurse = new fr.relais.core.careteam.Professional(java.util.UUID.nameUUIDFromBytes("1042".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "GUEGUEN", "Soizic", Profession.INFIRMIER, null, null, null);
        core.careTeam().applySyncedProfessional(nurse, "Practitioner/1042/_history/1");
        PractitionerSearchViewModel model = model(Map.of());
        model.offlineProperty().set(true);
        model.nameProperty().set("gue");
        model.search();

        assertThat(model.resultsProperty()).singleElement().satisfies(row -> {
            assertThat(row.name()).isEqualTo("Soizic GUEGUEN");
            assertThat(row.profession()).isEqualTo("Infirmier");
            assertThat(row.activities()).isEqualTo("connu de ce poste (hors annuaire)");
        });
        model.selectedProperty().set(model.resultsProperty().get(0));
        model.roleProperty().set(CareRole.IDE_LIBERALE);
        model.add(() -> { });

        assertThat(model.messageProperty().get()).isEqualTo("Soizic GUEGUEN fait désormais partie du cercle de soins : IDE en libéral.");
        assertThat(core.careTeam().teamOf(patient.id())).singleElement().satisfies(m -> assertThat(m.professional().id()).isEqualTo(nurse.id()));
    }
}
