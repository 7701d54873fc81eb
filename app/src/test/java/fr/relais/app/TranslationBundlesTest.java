package fr.relais.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The texts read through MessageFormat: French and English say the same things (same keys), and no single apostrophe
 * slips in (MessageFormat swallows it: "l'équipe" would show as "léquipe").
 */
class TranslationBundlesTest {
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    @ParameterizedTest
    @ValueSource(strings = {"fr/relais/app/i18n/messages", "fr/relais/core/i18n/errors", "fr/relais/core/i18n/report",
        "fr/relais/core/i18n/wording", "fr/relais/core/i18n/alerts", "fr/relais/core/i18n/hospital"})
    void frenchAndEnglishHaveTheSameKeysAndNoLoneApostrophe(String bundle) throws IOException {
        Properties fr = load(bundle + "_fr.properties");
        Properties en = load(bundle + "_en.properties");
        assertThat(withoutFrenchOnlyPathWords(fr.stringPropertyNames())).as(bundle)
                .containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
        for (Properties texts : new Properties[] {fr, en}) {
            for (String key : texts.stringPropertyNames()) {
                String withoutQuotedBraces = texts.getProperty(key).replace("'{'", "").replace("'}'", "").replace("''", "");
                assertThat(LONE_APOSTROPHE.matcher(withoutQuotedBraces).find()).as(bundle + " " + key + " = " + texts.getProperty(key))
                        .isFalse();
            }
        }
    }

    /**
     * The words for definition-file paths ({@code path.*}, read by core's DefinitionPath) are French only on purpose: an
     * English message keeps the JSON path itself, which English-speaking authors read as it is.
     */
    private static java.util.Set<String> withoutFrenchOnlyPathWords(java.util.Set<String> keys) {
        return keys.stream().filter(k -> !k.startsWith("path.")).collect(java.util.stream.Collectors.toSet());
    }

    private static Properties load(String path) throws IOException {
        Properties p = new Properties();
        try (var in = TranslationBundlesTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
