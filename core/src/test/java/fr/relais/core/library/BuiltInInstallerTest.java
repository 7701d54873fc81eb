package fr.relais.core.library;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.RelaisCore;
import fr.relais.core.TestServices;
import fr.relais.core.pathway.StoredTemplate;
import fr.relais.core.pathway.TemplateOrigin;
import fr.relais.core.pathway.TemplateParser;
import fr.relais.core.session.Actor;
import fr.relais.core.session.UserSession;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store opened by the build that last installed its built-in library reads none of it back; a build shipping other
 * files installs what the store lacks, and never replaces a version the store holds (built-in, or the team's own).
 */
class BuiltInInstallerTest {
    private static final Clock CLOCK = Clock.fixed(TestServices.NOW, ZoneOffset.UTC);
    private static final BuiltInLibrary SHIPPED = BuiltInLibrary.shipped();

    @TempDir
    Path dir;

    /** Every built-in version this build ships: what an install that does not skip looks up one by one. */
    private static int shippedVersions() {
        return SHIPPED.templateFiles().size() + SHIPPED.questionnaireFiles().size();
    }

    /** Another build's library: this one's, plus a ninth version of the COPD pathway titled {@code title}. */
    private static BuiltInLibrary withCopdVersion9(String title) {
        Map<String, String> templates = new LinkedHashMap<>(SHIPPED.templateFiles());
        templates.put("bpco-exacerbation-v9.json", copdVersion9(title));
        return new BuiltInLibrary(templates, SHIPPED.questionnaireFiles());
    }

    private static String copdVersion9(String title) {
        return SHIPPED.templateFiles().get("bpco-exacerbation-v2.json")
                .replaceFirst("\"version\": 2,", "\"version\": 9,")
                .replaceFirst("\"fr\": \"BPCO : suivi après exacerbation\"", "\"fr\": \"" + title + "\"");
    }

    private static BuiltInInstaller installer(TestServices s, BuiltInLibrary library) {
        return new BuiltInInstaller(s.database, s.pathways, s.questionnaires, library);
    }

    private static String storedFingerprint(TestServices s) {
        return s.database.meta().get(BuiltInInstaller.FINGERPRINT).orElseThrow();
    }

    @Test
    void aNurseReopeningHerStoreWaitsForNoBuiltInToBeReadBack() {
        Path file = dir.resolve("relais.db");
        long firstOpen;
        try (RelaisCore created = RelaisCore.open(file, CLOCK, new UserSession(new Actor("idec1", null, null)))) {
            firstOpen = created.database().statementsExecuted();
            assertThat(created.pathways().list()).hasSize(SHIPPED.templateFiles().size());
            assertThat(created.database().meta().get(BuiltInInstaller.FINGERPRINT)).contains(SHIPPED.fingerprint());
        }
        try (TestServices s = new TestServices(file)) {
            // The whole second open ran fewer statements than one look-up per built-in, and fewer than the first open.
            long secondOpen = s.database.statementsExecuted();
            assertThat(secondOpen).isLessThan(shippedVersions()).isLessThan(firstOpen - shippedVersions());

            long before = s.database.statementsExecuted();
            assertThat(installer(s, SHIPPED).install()).isZero();
            assertThat(s.database.statementsExecuted() - before).as("the fingerprint's look-up only").isEqualTo(1);

            // The same store without the fingerprint (an older build's): every built-in is looked up again, none added.
            s.database.dsl().execute("DELETE FROM store_meta WHERE key = ?", BuiltInInstaller.FINGERPRINT);
            before = s.database.statementsExecuted();
            assertThat(installer(s, SHIPPED).install()).isZero();
            assertThat(s.database.statementsExecuted() - before).isGreaterThanOrEqualTo(shippedVersions());
            assertThat(storedFingerprint(s)).isEqualTo(SHIPPED.fingerprint());
        }
    }

    @Test
    void aBuildShippingANewPathwayVersionInstallsItOnceThenNoMore() {
        BuiltInLibrary next = withCopdVersion9("BPCO : suivi après exacerbation (v9)");
        assertThat(next.fingerprint()).isNotEqualTo(SHIPPED.fingerprint());
        try (TestServices s = new TestServices(dir.resolve("relais.db"))) {
            assertThat(storedFingerprint(s)).isEqualTo(SHIPPED.fingerprint());

            assertThat(installer(s, next).install()).isEqualTo(1);
            StoredTemplate v9 = s.pathways.get("bpco-exacerbation", 9);
            assertThat(v9.origin()).isEqualTo(TemplateOrigin.BUILTIN);
            assertThat(v9.template().title().fr()).isEqualTo("BPCO : suivi après exacerbation (v9)");
            assertThat(storedFingerprint(s)).isEqualTo(next.fingerprint());

            long before = s.database.statementsExecuted();
            assertThat(installer(s, next).install()).isZero();
            assertThat(s.database.statementsExecuted() - before).isEqualTo(1);

            // Opened again by this build (a workstation not updated yet): nothing lacks, nothing is removed.
            assertThat(installer(s, SHIPPED).install()).isZero();
            assertThat(storedFingerprint(s)).isEqualTo(SHIPPED.fingerprint());
            assertThat(s.pathways.get("bpco-exacerbation", 9).template().title().fr()).isEqualTo("BPCO : suivi après exacerbation (v9)");
        }
    }

    @Test
    void aPathwayVersionTheTeamImportedIsNeverReplacedByABuiltInOfTheSameVersion() {
        try (TestServices s = new TestServices(dir.resolve("relais.db"))) {
            String teamsOwn = copdVersion9("BPCO : protocole de l'équipe");
            assertThat(s.pathways.importTemplate("bpco-equipe.json", teamsOwn).created()).isTrue();

            assertThat(installer(s, withCopdVersion9("BPCO : suivi après exacerbation (v9)")).install()).isZero();

            StoredTemplate kept = s.pathways.get("bpco-exacerbation", 9);
            assertThat(kept.origin()).isEqualTo(TemplateOrigin.IMPORTED);
            assertThat(kept.template().title().fr()).isEqualTo("BPCO : protocole de l'équipe");
            assertThat(kept.template()).isEqualTo(TemplateParser.parse("bpco-equipe.json", teamsOwn).template());
        }
    }

    @Test
    void aStoreMadeByAnOlderBuildReceivesTheBuiltInsItLacksAtItsNextOpen() {
        Path file = dir.resolve("relais.db");
        try (TestServices s = new TestServices(file)) {
            // What a build before the third heart-failure version and before the fingerprint left behind.
            s.database.dsl().execute("DELETE FROM pathway_template WHERE id = 'insuffisance-cardiaque-sortie' AND version = 3");
            s.database.dsl().execute("DELETE FROM store_meta WHERE key = ?", BuiltInInstaller.FINGERPRINT);
        }
        try (TestServices s = new TestServices(file)) {
            StoredTemplate v3 = s.pathways.get("insuffisance-cardiaque-sortie", 3);
            assertThat(v3.origin()).isEqualTo(TemplateOrigin.BUILTIN);
            assertThat(storedFingerprint(s)).isEqualTo(SHIPPED.fingerprint());
        }
    }
}
