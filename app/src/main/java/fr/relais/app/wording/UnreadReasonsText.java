package fr.relais.app.wording;

import fr.relais.core.i18n.Localization;
import fr.relais.core.replication.SyncState;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The server records this workstation keeps unread, said in one line at the end of a sync ("Non lus sur ce poste :
 * 3 — l'enregistrement concerne un patient absent de ce poste (2) ; …"): the reasons grouped as
 * {@link SyncState#unreadByReason()} gives them, never a server id or a version, which a nurse cannot act on (the
 * JSON's {@code skipped[]} keeps them for scripts).
 */
public final class UnreadReasonsText {
    private UnreadReasonsText() {
    }

    /** The line, or empty when nothing is kept unread. */
    public static String of(List<SyncState.UnreadGroup> groups, Localization texts) {
        if (groups.isEmpty()) {
            return "";
        }
        int total = groups.stream().mapToInt(SyncState.UnreadGroup::count).sum();
        String reasons = groups.stream().map(g -> texts.text("sync.unreadGroup", g.reason(), g.count()))
                .collect(Collectors.joining(texts.text("sync.unreadGroupSeparator")));
        return texts.text("sync.unreadLine", total, reasons);
    }
}
