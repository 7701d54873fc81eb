package fr.relais.teamserver;

import fr.relais.teamserver.user.TeamUser;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;

/**
 * One open change socket ({@link ChangeSocket}), registered with its user while it is open. Public with a no-argument
 * constructor, as Jakarta WebSocket requires of an endpoint: the user and the registry come in the configuration
 * {@link ChangeSocket} builds for this one upgrade.
 */
public final class ChangeSocketEndpoint extends Endpoint {
    static final String USER = TeamUser.class.getName();
    static final String NOTIFICATIONS = ChangeNotifications.class.getName();

    private TeamUser user;
    private ChangeNotifications notifications;

    public ChangeSocketEndpoint() {
        // Jakarta WebSocket instantiates it; onOpen receives what it needs.
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        user = (TeamUser) config.getUserProperties().get(USER);
        notifications = (ChangeNotifications) config.getUserProperties().get(NOTIFICATIONS);
        notifications.opened(session, user);
        ChangeNotifications.log("Opened", user);
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        if (notifications != null) {
            notifications.closed(session);
            ChangeNotifications.log("Closed", user);
        }
    }

    @Override
    public void onError(Session session, Throwable error) {
        if (notifications != null) {
            notifications.closed(session);
        }
    }
}
