package fr.relais.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.app.gui.patients.IdentityViewModel;
import fr.relais.app.gui.task.DirectExecutor;
import fr.relais.app.wording.Messages;
import fr.relais.core.RelaisCore;
import fr.relais.core.StoreTemplate;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
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
import fr.relais.core.measure.MeasureCatalog;
import fr.relais.core.measure.MeasureSource;
import fr.relais.core.measure.NewMeasure;
import fr.relais.core.session.Actor;
import fr.relais.core.session.UserSession;
import fr.relais.sync.insi.InsiService;
import fr.relais.sync.insi.UnconfiguredInsi;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The patient file's identity tab: evidence, correction with the PROV fallback, merge of a duplicate, history. */
class IdentityViewModelTest {
    @TempDir
    Path dir;
    RelaisCore core;
    final List<UUID> changed = new ArrayList<>();
    IdentityViewModel model;

    @BeforeEach
    void setUp() {
        core = RelaisCore.open(StoreTemplate.copyTo(dir.resolve("relais.db")), Clock.fixed(Instant.parse("2026-11-24T08:30:00Z"), ZoneOffset.UTC),
                new UserSession(new Actor("idec", "IDEC", "poste")));
        model = new IdentityViewModel(core.patients(), new fr.relais.core.wording.PersonWords(Language.FR, core.accounts()::find, core.session()), () -> new InsiService(core.patients(), core.audit(), new UnconfiguredInsi()),
                new DirectExecutor(), Localization.of(Messages.BUNDLE, Language.FR), Language.FR, changed::add);
    }

    @AfterEach
    void tearDown() {
        core.close();
    }

    private Patient register(String ipp, Ins ins, LocalDate birth) {
        return core.patients().register(new NewPatient(new StrictTraits("LEGRAND", List.of("Jeanne", "Marie"), Sex.F, birth, "75114"),
                null, null, ipp, ins, new IdentityEvidence(InsSource.CV, null), null)).patient();
    }

    @Test
    void aDocumentSeenThenATraitCorrectedFromThePatientFileValidatesThenDropsTheIdentity() {
        Patient p = register("P1", null, LocalDate.of(1941, 6, 2));
        model.show(p.id());
        assertThat(model.traits().birthGivenNamesProperty().get()).isEqualTo("Jeanne Marie");
        model.documentProperty().set(IdentityDocument.PA);
        model.recordDocument();
        assertThat(model.messageProperty().get()).contains("reason", "motif");
        assertThat(core.patients().get(p.id()).status()).isEqualTo(IdentityStatus.PROV);

        model.documentProperty().set(IdentityDocument.PA);
        model.reasonProperty().set("passeport présenté");
        model.recordDocument();
        assertThat(core.patients().get(p.id()).status()).isEqualTo(IdentityStatus.VALI);
        assertThat(model.messageProperty().get()).isEqualTo("Statut d'identité : validée.");
        assertThat(changed).containsExactly(p.id());

        model.traits().birthDateProperty().set(LocalDate.of(1941, 6, 12));
        model.reasonProperty().set("erreur de saisie");
        model.correctTraits();
        Patient corrected = core.patients().get(p.id());
        assertThat(corrected.traits().birthDate()).isEqualTo(LocalDate.of(1941, 6, 12));
        assertThat(corrected.status()).isEqualTo(IdentityStatus.PROV);
        assertThat(model.messageProperty().get()).contains("Statut d'identité : provisoire", "redevient provisoire", "revérifiée");
        assertThat(model.historyProperty()).hasSize(3).last().asString().contains("Identité validée → Identité provisoire", "erreur de saisie", "IDEC").doesNotContain("idec");
    }

    @Test
    void theInsiButtonOfAWorkstationWithoutCertificateSaysSoAndChangesNothing() {
        Patient p = register("P1", null, LocalDate.of(1941, 6, 2));
        model.show(p.id());
        model.searchInsi();
        assertThat(model.messageProperty().get()).contains("téléservice INSi n'est pas configuré", "RELAIS_INSI_CONFIG");
        assertThat(core.patients().get(p.id()).status()).isEqualTo(IdentityStatus.PROV);
        assertThat(changed).isEmpty();
    }

    @Test
    void aDuplicateIsMergedIntoTheRecordShownButNotWhenTheirInsDiffer() {
        Patient kept = register("P1", null, LocalDate.of(1941, 6, 2));
        Patient duplicate = register("P2", null, LocalDate.of(1941, 6, 2));
        core.measures().record(new NewMeasure(duplicate.id(), MeasureCatalog.SPO2, "95", "%", Instant.parse("2026-11-24T07:00:00Z"),
                MeasureSource.DEVICE));
        model.show(kept.id());
        model.duplicateProperty().set("P2");
        model.reasonProperty().set("doublon de l'accueil");
        model.mergeDuplicate();
        assertThat(model.messageProperty().get()).contains("fusionné dans celui-ci", "1 élément déplacé");
        assertThat(core.measures().ofPatient(kept.id(), MeasureCatalog.SPO2)).hasSize(1);
        assertThat(core.patients().get(duplicate.id()).replacedBy()).isEqualTo(kept.id());

        Patient other = register("P3", new Ins(InsMatricule.parse("ins", "241062B07300460"), InsOid.NIR), LocalDate.of(1941, 6, 2));
        Patient withIns = register("P4", new Ins(InsMatricule.parse("ins", "241067511400110"), InsOid.NIR), LocalDate.of(1941, 6, 2));
        model.show(other.id());
        model.duplicateProperty().set("P4");
        model.reasonProperty().set("doublon ?");
        model.mergeDuplicate();
        assertThat(model.messageProperty().get()).contains("INS différentes");
        assertThat(core.patients().get(withIns.id()).replacedBy()).isNull();
    }

    @Test
    void aPatientBornInParis14thShowsTheArrondissementBesideItsInseeCodeAndAnUnlistedCodeSaysSo() {
        Patient p = register("P2", null, LocalDate.of(1941, 6, 2));
        model.show(p.id());
        var texts = fr.relais.core.i18n.Localization.of(fr.relais.app.wording.Messages.BUNDLE, fr.relais.core.i18n.Language.FR);
        var inWords = model.traits().birthplaceInWords(texts);

        assertThat(model.traits().birthplaceProperty().get()).isEqualTo("75114");
        assertThat(inWords.get()).isEqualTo("Paris 14e Arrondissement");
        model.traits().birthplaceProperty().set("29999");
        assertThat(inWords.get()).isEqualTo("commune INSEE 29999");
    }
}
