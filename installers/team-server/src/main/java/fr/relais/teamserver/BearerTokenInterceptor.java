package fr.relais.teamserver;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 401 for any request without a valid bearer token, except the capability statement ({@code /metadata}), which FHIR
 * clients read before they authenticate. A valid token's user goes into the request for {@link TeamAuthorization}.
 */
@Interceptor
final class BearerTokenInterceptor {
    private static final Logger LOG = LoggerFactory.getLogger(BearerTokenInterceptor.class);
    private static final String BEARER = "Bearer ";

    private final BearerTokens tokens;

    BearerTokenInterceptor(BearerTokens tokens) {
        this.tokens = tokens;
    }

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
    public boolean authenticate(RequestDetails request) {
        if (request.getRestOperationType() == RestOperationTypeEnum.METADATA) {
            return true;
        }
        String header = request.getHeader(Constants.HEADER_AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw refused("a bearer token is required");
        }
        try {
            tokens.verify(header.substring(BEARER.length()).strip()).attachTo(request);
            return true;
        } catch (BearerTokens.IssuerUnreachable e) {
            LOG.error("The issuer's keys cannot be read: {}", e.getMessage());
            throw new UnclassifiedServerFailureException(503, "The identity provider cannot be reached; try again later");
        } catch (BearerTokens.InvalidToken e) {
            LOG.info("Token refused for {} {}: {}", request.getRequestType(), request.getRequestPath(), e.getMessage());
            throw refused("the token is not valid: " + e.getMessage());
        }
    }

    private static AuthenticationException refused(String why) {
        AuthenticationException e = new AuthenticationException("Authentication required: " + why);
        e.addResponseHeader("WWW-Authenticate", "Bearer realm=\"relais-team-server\"");
        return e;
    }
}
