package fr.relais.core.pathway;

import fr.relais.core.i18n.LocalizedText;
import java.util.List;

/** PPCS (HAS): a need, its objectives, and for each objective the steps (actions) that serve it. */
public record PpcsNeed(String id, LocalizedText need, List<Objective> objectives) {
    public PpcsNeed {
        objectives = List.copyOf(objectives);
    }

    public record Objective(String id, LocalizedText objective, List<String> actions) {
        public Objective {
            actions = List.copyOf(actions);
        }
    }
}
