package fr.relais.app.gui;

import fr.relais.core.RawCodePatterns;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * What a nurse reads on a window, checked as she would read it: every visible label, button, table or list cell, chart
 * text, placeholder, tooltip and drop-down choice is scanned for the engine's vocabulary ({@link RawCodePatterns}),
 * and for inclusive forms (« Né(e) »), every visible label for a cut (its text shown with an ellipsis, narrower than
 * the text needs, or running past the window's edge), every table cell and column title for a cut (its own text drawn
 * past the cell, or past the table's right edge: a column half hidden; a table too low for one whole row), every wrapped text for a word broken across two lines, every
 * field's hint for a cut, and every chart point for a cut at the plot's edge. Findings are gathered across the screens, each with where it was seen, and reported together.
 */
final class ScreenScan {
    /** Tooltip.install keeps a non-control's tooltip in the node's properties under this key. */
    private static final String TOOLTIP_KEY = "javafx.scene.control.Tooltip";

    private final Set<String> handles;
    /** Each finding with the first screen it was seen on. */
    private final Map<String, String> findings = new LinkedHashMap<>();

    /** {@code handles}: exact strings the screens may show although they look like codes (the store's file path). */
    ScreenScan(Set<String> handles) {
        this.handles = handles;
    }

    /** Reads the scene as laid out now; call it on the FX thread. */
    void scan(String screen, Scene scene) {
        walk(screen, scene.getRoot(), scene);
    }

    List<String> findings() {
        List<String> all = new ArrayList<>();
        findings.forEach((finding, screen) -> all.add(screen + " — " + finding));
        return all;
    }

    private void walk(String screen, Node node, Scene scene) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        if (node instanceof Labeled labeled) {
            readLabeled(screen, labeled, scene);
        } else if (node instanceof Text text && !isLabelsOwnText(node) && !insideInput(node)) {
            codes(screen, "texte", text.getText());
            brokenWord(screen, text.getText(), text.getFont(), text.getWrappingWidth(), node);
            cutInCell(screen, text);
            cutAtListEdge(screen, text, text.getText());
        }
        if (node instanceof TextInputControl input) {
            codes(screen, "texte d'aide du champ " + describe(node), input.getPromptText());
            cutPrompt(screen, input);
        }
        if (node instanceof javafx.scene.control.skin.VirtualFlow<?> flow) {
            tooShort(screen, flow);
        }
        if (node.getStyleClass().contains("chart-line-symbol")) {
            clippedPoint(screen, node);
        }
        if (node instanceof ComboBox<?> combo) {
            choices(screen, combo);
        }
        if (node instanceof ChoiceBox<?> choice) {
            for (Object item : choice.getItems()) {
                codes(screen, "choix de " + describe(node), choice.getConverter() == null ? String.valueOf(item) : convert(choice.getConverter(), item));
            }
        }
        Tooltip tooltip = node instanceof Control control ? control.getTooltip() : null;
        if (tooltip == null && node.getProperties().get(TOOLTIP_KEY) instanceof Tooltip installed) {
            tooltip = installed;
        }
        if (tooltip != null) {
            codes(screen, "info-bulle de " + describe(node), tooltip.getText());
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(screen, child, scene);
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void choices(String screen, ComboBox combo) {
        for (Object item : combo.getItems()) {
            codes(screen, "choix de " + describe(combo), combo.getConverter() == null ? String.valueOf(item) : convert(combo.getConverter(), item));
        }
        codes(screen, "texte d'aide de " + describe(combo), combo.getPromptText());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String convert(javafx.util.StringConverter converter, Object item) {
        return converter.toString(item);
    }

    private void readLabeled(String screen, Labeled labeled, Scene scene) {
        String text = labeled.getText();
        if (text == null || text.isBlank()) {
            return;
        }
        codes(screen, describe(labeled), text);
        if (labeled.isWrapText()) {
            brokenWord(screen, text, labeled.getFont(), labeled.getWidth() - labeled.snappedLeftInset() - labeled.snappedRightInset(), labeled);
        }
        String shown = shownText(labeled);
        String ellipsis = labeled.getEllipsisString();
        if (shown != null && !shown.equals(text) && !ellipsis.isEmpty() && shown.endsWith(ellipsis)) {
            add(screen, "coupé (« " + shown + " » au lieu de « " + text + " ») : " + describe(labeled));
        } else if (!labeled.isWrapText() && labeled.getWidth() > 0 && labeled.getWidth() + 0.5 < labeled.prefWidth(-1)) {
            add(screen, "coupé (" + Math.round(labeled.getWidth()) + " px pour " + Math.round(labeled.prefWidth(-1)) + " px) : « " + text + " » "
                    + describe(labeled));
        }
        Node drawn = shownTextNode(labeled);
        if (drawn != null) {
            cutAtListEdge(screen, drawn, text);
        }
        if (!insideList(labeled)) {
            // In a scroll pane, scrolling down is fine but scrolling sideways is not: only its width bounds a label.
            ScrollPane scroll = scrollPaneOf(labeled);
            Bounds bounds = labeled.localToScene(labeled.getLayoutBounds());
            double right = scroll == null ? scene.getWidth() : scroll.localToScene(scroll.getLayoutBounds()).getMaxX();
            boolean below = scroll == null && bounds.getMaxY() > scene.getHeight() + 1;
            if (bounds.getMaxX() > right + 1 || below) {
                add(screen, "hors de la fenêtre (" + Math.round(bounds.getMaxX()) + "×" + Math.round(bounds.getMaxY()) + ") : « " + text + " » "
                        + describe(labeled));
            }
        }
    }

    /** The text the skin draws: the label's own text, or the clipped one with its ellipsis. */
    private static String shownText(Labeled labeled) {
        Node drawn = shownTextNode(labeled);
        return drawn == null ? null : ((Text) drawn).getText();
    }

    private static Node shownTextNode(Labeled labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text text && child.getStyleClass().contains("text") && text.isVisible()) {
                return child;
            }
        }
        return null;
    }

    /**
     * A table's or list's rows may run past its bottom (scrolling down shows them), but not past its right edge: the
     * tables of Relais do not scroll sideways (TextColumns), so a cell or a column title drawn past the visible width
     * is cut («Identité pro» in a «Statut» column half hidden), and a column wholly past it is not seen at all.
     */
    private void cutAtListEdge(String screen, Node drawn, String text) {
        if (text == null || text.isBlank() || drawn.getLayoutBounds().isEmpty()) {
            return;
        }
        Region view = visibleArea(drawn);
        if (view == null) {
            return;
        }
        // The layout bounds: a wrapped text's are its wrapping width, which its lines keep to (a trailing space may not).
        Bounds shown = drawn.localToScene(drawn.getLayoutBounds());
        double right = view.localToScene(view.getLayoutBounds()).getMaxX();
        if (shown.getMaxX() > right + 1) {
            String where = columnOf(drawn);
            add(screen, (shown.getMinX() >= right ? "hors du tableau, à droite de son bord (" : "coupé au bord droit du tableau (")
                    + Math.round(shown.getMaxX()) + " px, bord à " + Math.round(right) + " px) : " + where + describe(drawn));
        }
    }

    /**
     * The region showing a list's rows (a VirtualFlow's clipped container) or a table's column titles (its header
     * row): what lies past its right edge is not on screen. Null outside a list.
     */
    private static Region visibleArea(Node node) {
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof javafx.scene.control.skin.VirtualFlow<?> flow) {
                for (Node child : flow.getChildrenUnmodifiable()) {
                    if (child.getStyleClass().contains("clipped-container") && child instanceof Region clipped) {
                        return clipped;
                    }
                }
                return flow;
            }
            if (n instanceof javafx.scene.control.skin.TableHeaderRow header) {
                return header;
            }
        }
        return null;
    }

    /**
     * A table or list squeezed below one whole row (a layout giving it less than its height): its first row is cut at
     * the bottom and scrolling only shows the cut part of the next one.
     */
    private void tooShort(String screen, javafx.scene.control.skin.VirtualFlow<?> flow) {
        javafx.scene.control.IndexedCell<?> first = flow.getFirstVisibleCell();
        Region view = null;
        for (Node child : flow.getChildrenUnmodifiable()) {
            if (child.getStyleClass().contains("clipped-container") && child instanceof Region clipped) {
                view = clipped;
            }
        }
        if (first == null || first.isEmpty() || view == null || view.getHeight() <= 0) {
            return;
        }
        if (first.getHeight() > view.getHeight() + 1) {
            add(screen, "trop bas pour montrer une ligne entière (" + Math.round(view.getHeight()) + " px pour une ligne de "
                    + Math.round(first.getHeight()) + " px) : " + describe(flow));
        }
    }

    /** «colonne « Statut » » for what a table column shows, so that a cut column is reported once, not once a row. */
    private static String columnOf(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof javafx.scene.control.TableCell<?, ?> cell && cell.getTableColumn() != null) {
                return "colonne « " + cell.getTableColumn().getText() + " » ";
            }
            if (n instanceof javafx.scene.control.skin.TableColumnHeader header && header.getTableColumn() != null) {
                return "titre de la colonne « " + header.getTableColumn().getText() + " » ";
            }
        }
        return node instanceof Text text ? "« " + text.getText() + " » " : "";
    }

    /**
     * A text a cell draws itself (a wrapped paragraph as the cell's graphic) that needs more room than the cell has:
     * wider than the cell's inside, or more lines than the row's height shows. No ellipsis marks that cut.
     */
    private void cutInCell(String screen, Text text) {
        javafx.scene.control.Cell<?> cell = cellOf(text);
        if (cell == null || cell.getWidth() <= 0 || text.getText() == null || text.getText().isBlank()) {
            return;
        }
        Bounds inCell = cell.sceneToLocal(text.localToScene(text.getLayoutBounds()));
        double right = cell.getWidth() - cell.snappedRightInset();
        double bottom = cell.getHeight() - cell.snappedBottomInset();
        if (inCell.getMaxX() > right + 1 || inCell.getMaxY() > bottom + 1 || inCell.getMinY() < cell.snappedTopInset() - 1) {
            add(screen, "coupé dans sa cellule (" + Math.round(inCell.getWidth()) + "×" + Math.round(inCell.getHeight()) + " px pour "
                    + Math.round(right - cell.snappedLeftInset()) + "×" + Math.round(bottom - cell.snappedTopInset()) + " px) : " + columnOf(text)
                    + "« " + text.getText() + " » " + describe(text));
        }
    }

    private static javafx.scene.control.Cell<?> cellOf(Node node) {
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof javafx.scene.control.Cell<?> cell) {
                return cell;
            }
        }
        return null;
    }

    /** The text node a label's skin draws its (possibly clipped) text with: read through the label instead. */
    private static boolean isLabelsOwnText(Node node) {
        return node.getParent() instanceof Labeled && node.getClass().getSimpleName().equals("LabeledText");
    }

    /** A table's or list's rows are clipped by design: scrolling shows them. */
    private static boolean insideList(Node node) {
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof javafx.scene.control.skin.VirtualFlow<?>) {
                return true;
            }
        }
        return false;
    }

    private static ScrollPane scrollPaneOf(Node node) {
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof ScrollPane scroll) {
                return scroll;
            }
        }
        return null;
    }

    /** What the nurse typed (or a file path she may edit) is hers, not the application's wording. */
    private static boolean insideInput(Node node) {
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof TextInputControl) {
                return true;
            }
        }
        return false;
    }

    private void codes(String screen, String where, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        for (String code : RawCodePatterns.findIn(text, handles)) {
            add(screen, code + " (" + where + ")");
        }
        for (String form : RawCodePatterns.inclusiveFormsIn(text)) {
            add(screen, form + " (" + where + ")");
        }
    }

    /**
     * A wrapped text breaks a word that is wider than its line ("Identité récupéré / e"): a nurse reads two words that
     * do not exist. Lines break at spaces only when every word fits the wrapping width.
     */
    private void brokenWord(String screen, String text, Font font, double width, Node node) {
        if (text == null || width <= 0) {
            return;
        }
        for (String word : text.split("\\s+")) {
            if (!word.isEmpty() && widthOf(word, font) > width + 0.5) {
                add(screen, "mot coupé en fin de ligne (« " + word + " » : " + Math.round(widthOf(word, font)) + " px pour " + Math.round(width)
                        + " px) dans « " + text + " » " + describe(node));
            }
        }
    }

    /** A field's hint cut at its right edge ("réponses dans l'ordre : 1,0,2,… (- si sans ré"). */
    private void cutPrompt(String screen, TextInputControl input) {
        String prompt = input.getPromptText();
        if (prompt == null || prompt.isBlank() || input.getWidth() <= 0 || !(input instanceof javafx.scene.control.TextField)) {
            return;
        }
        double room = input.getWidth() - input.snappedLeftInset() - input.snappedRightInset();
        if (widthOf(prompt, input.getFont()) > room + 0.5) {
            add(screen, "texte d'aide coupé (" + Math.round(room) + " px pour " + Math.round(widthOf(prompt, input.getFont())) + " px) : « " + prompt
                    + " » " + describe(input));
        }
    }

    /** A chart's point drawn past the plot's edge is half cut off: the last measure must show whole. */
    private void clippedPoint(String screen, Node symbol) {
        Node plot = null;
        for (Node n = symbol.getParent(); n != null && plot == null; n = n.getParent()) {
            if (n instanceof javafx.scene.chart.XYChart<?, ?> chart) {
                plot = chart.lookup(".chart-plot-background");
            }
        }
        if (plot == null || symbol.getBoundsInLocal().isEmpty()) {
            return;
        }
        Bounds point = symbol.localToScene(symbol.getBoundsInLocal());
        Bounds area = plot.localToScene(plot.getBoundsInLocal());
        if (point.getMaxX() > area.getMaxX() + 0.5 || point.getMinX() < area.getMinX() - 0.5 || point.getMinY() < area.getMinY() - 0.5
                || point.getMaxY() > area.getMaxY() + 0.5) {
            add(screen, "point du graphique rogné au bord (" + Math.round(point.getMinX()) + "–" + Math.round(point.getMaxX()) + " px, zone "
                    + Math.round(area.getMinX()) + "–" + Math.round(area.getMaxX()) + " px) " + describe(symbol));
        }
    }

    private static double widthOf(String text, Font font) {
        Text measured = new Text(text);
        measured.setFont(font);
        return measured.getLayoutBounds().getWidth();
    }

    private void add(String screen, String finding) {
        findings.putIfAbsent(finding, screen);
    }

    private static String describe(Node node) {
        StringBuilder path = new StringBuilder(node.getClass().getSimpleName());
        for (Node n = node; n != null; n = n.getParent()) {
            // A list's skin names its scrolling part "virtual-flow": the list's own id says which list.
            if (n.getId() != null && !(n instanceof javafx.scene.control.skin.VirtualFlow<?>)) {
                return path.append(" dans #").append(n.getId()).toString();
            }
        }
        return path.toString();
    }
}
