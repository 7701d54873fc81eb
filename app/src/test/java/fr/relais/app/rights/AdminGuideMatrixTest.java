package fr.relais.app.rights;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.app.gui.common.DesktopAccess;
import fr.relais.app.wording.Messages;
import fr.relais.core.error.BadInputException;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.session.Permission;
import fr.relais.core.session.Role;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/admin-guide.md prints the permission matrix of the code (issue 23): the block between its two markers is the
 * table this test builds from {@link Role}, {@link PermissionMatrix} and {@link DesktopAccess}. When the code changes,
 * the test fails and writes the new block under target/ to be pasted into the guide.
 */
class AdminGuideMatrixTest {
    private static final String START = "<!-- matrice-des-droits:début (généré, voir AdminGuideMatrixTest) -->";
    private static final String END = "<!-- matrice-des-droits:fin -->";
    private final Localization texts = Localization.of(BadInputException.BUNDLE, Language.FR);

    private String label(Set<Permission> needed) {
        return needed.isEmpty() ? "tout compte connecté"
                : needed.stream().sorted().map(p -> texts.text("permission." + p.name())).collect(Collectors.joining(" + "));
    }

    private static String row(String first, String second, Set<Permission> needed) {
        StringBuilder row = new StringBuilder("| " + first + " | " + second + " |");
        for (Role role : Role.values()) {
            row.append(role.permissions().containsAll(needed) ? " oui |" : " — |");
        }
        return row.append('\n').toString();
    }

    private static String header(String first, String second) {
        return "| " + first + " | " + second + " | " + Arrays.stream(Role.values()).map(Role::name).collect(Collectors.joining(" | "))
                + " |\n|---|---|" + "---|".repeat(Role.values().length) + "\n";
    }

    /** The French wording on screen, without the ellipsis of buttons that open a dialog. */
    private static String screen(String key) {
        return Localization.of(Messages.BUNDLE, Language.FR).text(key).replace("…", "");
    }

    String block() {
        StringBuilder md = new StringBuilder(START).append("\n\n");
        md.append("Droits accordés par chaque rôle :\n\n").append(header("Droit", "Code"));
        for (Permission p : Permission.values()) {
            md.append(row(texts.text("permission." + p.name()), "`" + p.name() + "`", Set.of(p)));
        }
        md.append("\nCommandes (une option entre crochets ajoute ses droits à ceux de la commande) :\n\n")
                .append(header("Commande", "Droits nécessaires"));
        for (String entry : PermissionMatrix.entries()) {
            int option = entry.indexOf(" --");
            String shown = option < 0 ? "`relais " + entry + "`" : "`relais " + entry.substring(0, option) + " [" + entry.substring(option + 1) + "]`";
            md.append(row(shown, label(PermissionMatrix.required(entry)), PermissionMatrix.required(entry)));
        }
        md.append("\nFenêtre : écrans et actions (masqués sans le droit ; chacun suit la commande indiquée) :\n\n")
                .append(header("Écran ou action", "Comme la commande"));
        for (DesktopAccess.Screen screen : DesktopAccess.Screen.values()) {
            md.append(row("écran « " + screen(screen.gate().label()) + " »",
                    screen.gate().command() == null ? "tout compte connecté" : "`relais " + screen.gate().command() + "`",
                    screen.gate().command() == null ? Set.of() : PermissionMatrix.required(screen.gate().command())));
        }
        for (DesktopAccess.Action action : DesktopAccess.Action.values()) {
            md.append(row((action.name().endsWith("_TAB") ? "onglet « " : "« ") + screen(action.gate().label()) + " »", "`relais " + action.gate().command() + "`",
                    PermissionMatrix.required(action.gate().command())));
        }
        return md.append('\n').append(END).toString();
    }

    @Test
    void theAdminGuidePrintsThePermissionMatrixOfTheCode() throws Exception {
        String expected = block();
        Path written = Files.createDirectories(Path.of("target")).resolve("matrice-des-droits.md");
        Files.writeString(written, expected, StandardCharsets.UTF_8);
        String guide = Files.readString(Path.of("..", "docs", "admin-guide.md"), StandardCharsets.UTF_8);
        assertThat(guide).as("docs/admin-guide.md must hold the block written to %s", written.toAbsolutePath()).contains(expected);
    }
}
