package fr.relais.teamserver;

import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The desktop's side of Pro Santé Connect on the team server, JSON over HTTP (docs/team-server.md):
 * <ul>
 *   <li>{@code POST /psc/ciba} {@code {"national_id": "8…"}}: the sign-in request goes to the professional's e-CPS app;</li>
 *   <li>{@code POST /psc/ciba/poll} {@code {"request": …}}: pending, approved (the session), refused, expired;</li>
 *   <li>{@code POST /psc/refresh} {@code {"refresh_token": …}}: a new session token;</li>
 *   <li>{@code POST /psc/logout} with the session token as bearer: the session ends here and at PSC.</li>
 * </ul>
 * Every answer has a {@code status} keyword and, for the professional, a French {@code message} (psc.properties).
 */
final class PscServlet extends HttpServlet {
    private static final String NATIONAL_ID = "8\\d{11}";
    private static final String LOCALE = PscServlet.class.getName() + ".locale";
    private final transient PscSessions sessions;

    PscServlet(PscSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // French unless the desktop asks for English (Accept-Language); the bundle's root is French.
        request.setAttribute(LOCALE, request.getHeader("Accept-Language") == null ? Locale.FRENCH : request.getLocale());
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        if (path.equals("/logout")) {
            String header = request.getHeader("Authorization");
            boolean ended = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) && sessions.revoke(header.substring(7).strip());
            write(request, response, ended ? 200 : 401, ended ? "signed_out" : "unknown", Map.of());
            return;
        }
        Map<String, Object> body;
        try {
            body = JSONObjectUtils.parse(new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (ParseException e) {
            write(request, response, 400, "bad_request", Map.of());
            return;
        }
        switch (path) {
            case "/ciba" -> {
                Object nationalId = body.get("national_id");
                if (!(nationalId instanceof String id) || !id.matches(NATIONAL_ID)) {
                    write(request, response, 400, "bad_national_id", Map.of());
                } else {
                    answer(request, response, sessions.start(id));
                }
            }
            case "/ciba/poll" -> answer(request, response, sessions.poll(string(body.get("request"))));
            case "/refresh" -> answer(request, response, sessions.refresh(string(body.get("refresh_token"))));
            default -> write(request, response, 404, "unknown", Map.of());
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, PscSessions.Answer answer) throws IOException {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (answer instanceof PscSessions.Started s) {
            fields.put("request", s.request());
            fields.put("interval", s.interval().toSeconds());
            fields.put("expires_in", s.expiresIn().toSeconds());
            write(request, response, 202, "pending", fields);
        } else if (answer instanceof PscSessions.Waiting w) {
            fields.put("interval", w.interval().toSeconds());
            write(request, response, 202, "pending", fields);
        } else if (answer instanceof PscSessions.SignedIn s) {
            fields.put("session_token", s.sessionToken());
            fields.put("expires_in", s.expiresIn().toSeconds());
            fields.put("refresh_token", s.refreshToken());
            fields.put("national_id", s.identity().nationalId());
            fields.put("rpps", s.identity().rpps());
            fields.put("profession", s.identity().profession());
            fields.put("given_name", s.identity().givenName());
            fields.put("family_name", s.identity().familyName());
            write(request, response, 200, "signed_in", fields);
        } else if (answer instanceof PscSessions.Refused) {
            write(request, response, 403, "refused", fields);
        } else if (answer instanceof PscSessions.Expired) {
            write(request, response, 410, "expired", fields);
        } else if (answer instanceof PscSessions.Unknown) {
            write(request, response, 404, "unknown", fields);
        } else {
            write(request, response, 503, "unavailable", fields);
        }
    }

    private void write(HttpServletRequest request, HttpServletResponse response, int code, String status, Map<String, Object> fields)
            throws IOException {
        ResourceBundle messages = ResourceBundle.getBundle("fr.relais.teamserver.psc", (Locale) request.getAttribute(LOCALE),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", status);
        json.put("message", messages.getString("psc." + status));
        json.putAll(fields);
        response.setStatus(code);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSONObjectUtils.toJSONString(json));
    }

    private static String string(Object value) {
        return value instanceof String s ? s : null;
    }
}
