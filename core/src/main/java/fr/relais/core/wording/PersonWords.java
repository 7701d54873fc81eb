package fr.relais.core.wording;

import fr.relais.core.account.Account;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.session.Actor;
import fr.relais.core.session.UserSession;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The person a history line names (access history on screen and in the PDF, identity history), as a colleague would
 * say it: the account's name and roles in words ("Claire MARTIN, IDE de coordination"), never its login ("idec").
 * Relais itself for the engine's own changes; a workstation without accounts names its one user; a login unknown
 * here (an account since removed, another workstation's) is said to be so.
 */
public final class PersonWords {
    private final Localization words;
    private final Function<String, Optional<Account>> accounts;
    private final UserSession session;

    /** {@code accounts}: the local account by login (the store's, or a test's). */
    public PersonWords(Language language, Function<String, Optional<Account>> accounts, UserSession session) {
        this.words = WordingBundle.of(language);
        this.accounts = accounts;
        this.session = session;
    }

    public String who(String userId) {
        if (Actor.ENGINE.equals(userId)) {
            return words.text("person.engine");
        }
        Optional<Account> account = accounts.apply(userId);
        if (account.isPresent()) {
            String roles = account.get().roles().stream().sorted().map(r -> words.text("person.role." + r.name()))
                    .collect(Collectors.joining(", "));
            return roles.isEmpty() ? account.get().displayName() : words.text("person.whoWithRoles", account.get().displayName(), roles);
        }
        if (userId.equals(session.actor().userId())) {
            return session.actor().displayName();
        }
        return words.text("person.otherAccount", userId);
    }
}
