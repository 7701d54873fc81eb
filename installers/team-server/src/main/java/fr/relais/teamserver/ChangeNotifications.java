package fr.relais.teamserver;

import fr.relais.teamserver.user.TeamUser;
import jakarta.websocket.Session;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The laptops listening for their teams' changes ({@link ChangeSocket}) and the telling of them: when a record of a
 * team is stored, each open socket whose user is in that team (or administers the server) receives {@value #PING},
 * nothing more. The laptop then pulls through the REST API and its usual access rules; a socket learns only that
 * something of its team changed, never what (docs/team-server.md, ADR 0024).
 */
final class ChangeNotifications {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeNotifications.class);
    static final String PING = "ping";

    private final ConcurrentHashMap<Session, TeamUser> listening = new ConcurrentHashMap<>();

    void opened(Session session, TeamUser user) {
        listening.put(session, user);
    }

    void closed(Session session) {
        listening.remove(session);
    }

    /** Tells the listeners of {@code teams} that one of their records changed (already committed). */
    void changed(Set<String> teams) {
        if (teams.isEmpty()) {
            return;
        }
        listening.forEach((session, user) -> {
            if (user.administrator() || user.teams().stream().anyMatch(teams::contains)) {
                if (!session.isOpen()) {
                    listening.remove(session);
                    return;
                }
                try {
                    // Asynchronous: a slow laptop does not hold the commit of another's change.
                    session.getAsyncRemote().sendText(PING);
                } catch (RuntimeException e) {
                    // The change is committed: a socket that cannot take the ping must not fail the writer's request.
                    // Its laptop catches up by its next notification, reconnection or poll.
                    LOG.info("Ping to {} not sent: {}", user.subject(), e.toString());
                }
            }
        });
    }

    int listeners() {
        return listening.size();
    }

    static void log(String what, TeamUser user) {
        LOG.debug("{} change socket of {} (teams {})", what, user.subject(), user.teams());
    }
}
