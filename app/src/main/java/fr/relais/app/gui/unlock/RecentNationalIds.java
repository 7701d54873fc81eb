package fr.relais.app.gui.unlock;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.prefs.Preferences;

/**
 * The RPPS numbers signed in with Pro Santé Connect on this machine's account, most recent first, offered in the
 * sign-in window so that the nurse picks hers instead of typing eleven digits. Kept in the user's preferences (per
 * person and per machine, not in the shared store), like the window's place; an RPPS is a public identifier (it is in
 * the Annuaire Santé), never a secret.
 */
public final class RecentNationalIds {
    static final int KEPT = 5;
    private static final String KEY = "rpps";

    private final Preferences preferences;

    public RecentNationalIds(Preferences preferences) {
        this.preferences = preferences;
    }

    /** Those of the person signed in to this machine's account. */
    public static RecentNationalIds ofUser() {
        return new RecentNationalIds(Preferences.userNodeForPackage(RecentNationalIds.class).node("pro-sante-connect"));
    }

    public List<String> list() {
        String kept = preferences.get(KEY, "");
        return kept.isBlank() ? List.of() : Arrays.stream(kept.split(",")).filter(rpps -> rpps.matches("\\d{11}")).toList();
    }

    /** {@code rpps} first, the others after it, at most {@value #KEPT}. */
    public void remember(String rpps) {
        List<String> kept = new ArrayList<>(list());
        kept.remove(rpps);
        kept.add(0, rpps);
        preferences.put(KEY, String.join(",", kept.subList(0, Math.min(KEPT, kept.size()))));
    }
}
