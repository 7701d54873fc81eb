package fr.relais.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.app.gui.measures.MeasureImportViewModel;
import fr.relais.app.gui.task.DirectExecutor;
import fr.relais.app.wording.Messages;
import fr.relais.core.RelaisCore;
import fr.relais.core.StoreTemplate;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.identity.NewPatient;
import fr.relais.core.identity.Sex;
import fr.relais.core.identity.StrictTraits;
import fr.relais.core.session.Actor;
import fr.relais.core.session.UserSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desktop's measure import without the toolkit: refused rows listed by line, skipping, cancelling. */
class MeasureImportViewModelTest {
    /** The morning the nurse imports her files, after the weighings they hold (21 to 25 November). */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T07:10:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    RelaisCore core;
    UUID patient;
    MeasureImportViewModel model;
    int refreshed;

    @BeforeEach
    void setUp() {
        core = RelaisCore.open(StoreTemplate.copyTo(dir.resolve("relais.db")), CLOCK, new UserSession(new Actor("idec", "IDEC", "poste")));
        patient = core.patients().register(new NewPatient(new StrictTraits("MARTIN", List.of("Claire"), Sex.F, LocalDate.of(1950, 3, 14),
                null), null, null, "P1", null, null, null)).patient().id();
        model = new MeasureImportViewModel(core.measureImport(), new DirectExecutor(), Localization.of(Messages.BUNDLE, Language.FR), Language.FR);
        model.onImported(() -> refreshed++);
    }

    @AfterEach
    void tearDown() {
        core.close();
    }

    @Test
    void aBadRowRefusesTheFileWithItsLineThenSkippingImportsTheRest() throws Exception {
        Path csv = Files.writeString(dir.resolve("pesees.csv"), "patient;code;value;unit;effective\n"
                + "P1;29463-7;72,5;kg;2026-11-23T08:00\nP1;29463-7;72;stone;2026-11-24T08:00\nP1;29463-7;73;kg;2026-11-25T08:00\n");
        model.importFile(csv);
        assertThat(model.messageProperty().get()).contains("pesees.csv");
        assertThat(model.rowErrorsProperty()).singleElement().satisfies(l -> assertThat(l).contains("3", "stone"));
        assertThat(core.measures().ofPatient(patient, null)).isEmpty();
        assertThat(refreshed).isZero();

        model.skipBadRowsProperty().set(true);
        model.importFile(csv);
        assertThat(model.messageProperty().get()).isEqualTo("2 mesures importées, aucune déjà présente, 1 ligne écartée");
        assertThat(model.rowErrorsProperty()).hasSize(1);
        assertThat(core.measures().ofPatient(patient, null)).hasSize(2);
        assertThat(refreshed).isEqualTo(1);
        assertThat(model.runningProperty().get()).isFalse();
    }

    @Test
    void aCancelledImportWritesNothing() throws Exception {
        StringBuilder rows = new StringBuilder("patient;code;value;unit;effective\n");
        for (int i = 0; i < 500; i++) {
            // one weighing a minute: 500 different measures (the same patient, code, time and value would be one)
            rows.append("P1;29463-7;70;kg;2026-11-23T").append(String.format("%02d:%02d", 8 + i / 60, i % 60)).append('\n');
        }
        Path csv = Files.writeString(dir.resolve("gros.csv"), rows.toString());
        model.cancel(); // as if the nurse pressed Annuler at once: the flag is reset by a new import...
        model.importFile(csv);
        assertThat(core.measures().ofPatient(patient, null)).as("...so this one runs").hasSize(500);

        Path other = Files.writeString(dir.resolve("autre.csv"), rows.toString().replace("2026-11-23", "2026-11-22"));
        MeasureImportViewModel cancelling = new MeasureImportViewModel(core.measureImport(), new DirectExecutor(),
                Localization.of(Messages.BUNDLE, Language.FR), Language.FR);
        // Cancel as soon as the first progress arrives, while rows are being checked.
        cancelling.progressProperty().addListener((obs, old, now) -> {
            if (now != null && !now.isEmpty() && !now.endsWith("aucune ligne vérifiée")) {
                cancelling.cancel();
            }
        });
        cancelling.importFile(other);
        assertThat(cancelling.messageProperty().get()).isEqualTo("Import annulé : rien n'a été écrit");
        assertThat(core.measures().ofPatient(patient, null)).hasSize(500);
    }

    @Test
    void aCancelWhileWritingKeepsTheWholeBatchesAndSaysHowMany() throws Exception {
        StringBuilder rows = new StringBuilder("patient;code;value;unit;effective\n");
        for (int i = 0; i < 500; i++) {
            rows.append("P1;29463-7;70;kg;2026-11-21T").append(String.format("%02d:%02d", 8 + i / 60, i % 60)).append('\n');
        }
        Path csv = Files.writeString(dir.resolve("lots.csv"), rows.toString());
        MeasureImportViewModel cancelling = new MeasureImportViewModel(new fr.relais.core.measure.MeasureCsvImport(core.measures(),
                core.patients(), core.bulkIngest().withBatch(100)), new DirectExecutor(), Localization.of(Messages.BUNDLE, Language.FR),
                Language.FR);
        // Cancel once the first batch of 100 is written: it stays, the four others are never started.
        cancelling.progressProperty().addListener((obs, old, now) -> {
            if ("Écriture : 100 lignes traitées".equals(now)) {
                cancelling.cancel();
            }
        });
        cancelling.importFile(csv);
        assertThat(cancelling.messageProperty().get())
                .isEqualTo("Import annulé : 100 mesures enregistrées sur les 100 premières lignes (sur 500) ; importer à nouveau le fichier ajoute le reste");
        assertThat(core.measures().ofPatient(patient, null)).hasSize(100);
    }
}
