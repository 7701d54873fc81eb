package fr.relais.teamserver;

import fr.relais.teamserver.user.TeamUser;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The websocket a laptop keeps open to be told of its teams' changes ({@value TeamServer#CHANGES_PATH}): the bearer
 * token is checked on the handshake, like any REST request's (401 without a valid one, before any upgrade); the
 * token's teams then decide which changes the socket hears of ({@link ChangeNotifications}). Without an issuer (trial)
 * the socket hears of every change. What a laptop sends on the socket is ignored.
 */
final class ChangeSocket extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeSocket.class);
    private static final String BEARER = "Bearer ";

    /** Empty: the trial server, which checks no token. */
    private final transient Optional<BearerTokens> tokens;
    private final transient ChangeNotifications notifications;

    ChangeSocket(Optional<BearerTokens> tokens, ChangeNotifications notifications) {
        this.tokens = tokens;
        this.notifications = notifications;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        TeamUser user;
        try {
            user = user(request);
        } catch (BearerTokens.IssuerUnreachable e) {
            LOG.error("The issuer's keys cannot be read: {}", e.getMessage());
            response.sendError(503, "The identity provider cannot be reached; try again later");
            return;
        } catch (BearerTokens.InvalidToken e) {
            LOG.info("Change socket refused: {}", e.getMessage());
            response.setHeader("WWW-Authenticate", "Bearer realm=\"relais-team-server\"");
            response.sendError(401, "Authentication required: " + e.getMessage());
            return;
        }
        ServerContainer container = (ServerContainer) getServletContext().getAttribute(ServerContainer.class.getName());
        ServerEndpointConfig config = ServerEndpointConfig.Builder.create(ChangeSocketEndpoint.class, TeamServer.CHANGES_PATH).build();
        config.getUserProperties().put(ChangeSocketEndpoint.USER, user);
        config.getUserProperties().put(ChangeSocketEndpoint.NOTIFICATIONS, notifications);
        try {
            container.upgradeHttpToWebSocket(request, response, config, Map.of());
        } catch (jakarta.websocket.DeploymentException e) {
            throw new ServletException(e);
        }
    }

    private TeamUser user(HttpServletRequest request) throws BearerTokens.InvalidToken {
        if (tokens.isEmpty()) {
            return new TeamUser("trial", java.util.Set.of(), true);
        }
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new BearerTokens.InvalidToken("a bearer token is required");
        }
        return tokens.get().verify(header.substring(BEARER.length()).strip());
    }
}
