package fr.relais.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.RelaisCore;
import fr.relais.app.cli.RelaisCommand;
import fr.relais.app.gui.patients.PatientFileViewModel;
import fr.relais.app.gui.patients.PatientListViewModel;
import fr.relais.app.gui.patients.PatientRow;
import fr.relais.app.gui.task.DirectExecutor;
import fr.relais.core.StoreTemplate;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.identity.IdentityStatus;
import fr.relais.core.session.Actor;
import fr.relais.core.session.UserSession;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The patient ViewModels without the JavaFX toolkit: plain properties, synchronous executor, real store. */
class PatientListViewModelTest {
    @TempDir
    Path dir;
    RelaisCore services;
    final Clock clock = Clock.fixed(Instant.parse("2026-11-24T08:30:00Z"), ZoneOffset.UTC);
    final Localization texts = Localization.of(RelaisCommand.MESSAGES, Language.FR);

    @BeforeEach
    void open() {
        services = RelaisCore.open(StoreTemplate.copyTo(dir.resolve("relais.db")), clock, new UserSession(new Actor("idec", "IDEC", "poste")));
        services.demo().generate(25, 11, n -> { });
    }

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void listsThenFiltersAsTheSearchTextChanges() {
        PatientListViewModel list = new PatientListViewModel(services.patients(), new DirectExecutor(), texts, clock);
        list.refresh();
        assertThat(list.rows()).hasSize(25);
        assertThat(list.summaryProperty().get()).isEqualTo("25 patient(s) affiché(s)");
        assertThat(list.rows()).allSatisfy(row -> assertThat(row.birthDate()).matches("\\d{2}/\\d{2}/\\d{4}"));

        list.searchTextProperty().set("DEMO000007");
        assertThat(list.rows()).singleElement().satisfies(row -> assertThat(row.ipp()).isEqualTo("DEMO000007"));

        list.searchTextProperty().set("zzzz");
        assertThat(list.rows()).isEmpty();
        assertThat(list.summaryProperty().get()).isEqualTo("Aucun patient ne correspond à la recherche.");
        assertThat(list.loadingProperty().get()).isFalse();
    }

    @Test
    void thePatientFileShowsTheIdentityBannerAndCareTeam() {
        PatientListViewModel list = new PatientListViewModel(services.patients(), new DirectExecutor(), texts, clock);
        list.refresh();
        PatientRow row = list.rows().get(0);
        PatientFileViewModel file = new PatientFileViewModel(services.patients(), services.careTeam(), new DirectExecutor(), texts, clock);
        assertThat(file.presentProperty().get()).isFalse();

        file.show(row.id());
        assertThat(file.presentProperty().get()).isTrue();
        assertThat(file.nameProperty().get()).isEqualTo(row.name());
        assertThat(file.statusProperty().get()).isEqualTo(row.status());
        assertThat(file.statusLabelProperty().get()).startsWith("Identité ");
        assertThat(file.careTeamLinesProperty()).anySatisfy(line -> assertThat(line).startsWith("IDE de coordination : "));
        if (row.status() == IdentityStatus.QUAL || row.status() == IdentityStatus.RECUP) {
            assertThat(file.insTextProperty().get()).startsWith("INS ");
        }
        file.show(null);
        assertThat(file.presentProperty().get()).isFalse();
    }
}
