package fr.relais.sync.annuaire;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import fr.relais.core.directory.DirectoryCache;
import fr.relais.core.directory.DirectoryEntry;
import fr.relais.core.error.BadInputException;
import fr.relais.sync.fhir.NationalDirectory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/**
 * The Annuaire Santé FHIR API client: searches practitioners (following {@code next} links), keeps what it found in
 * the local directory cache, and refreshes that cache incrementally. Every request carries the API key and waits for
 * the client-side rate limiter; failures say which: no key, key refused, directory unreachable, query refused.
 */
public final class AnnuaireClient {
    public static final String API_KEY_HEADER = "ESANTE-API-KEY";
    /** The directory answers {@code _lastUpdated} searches over 30 days at most; older caches are read again whole. */
    static final Duration INCREMENTAL_WINDOW = Duration.ofDays(30);
    private static final int REFRESH_BATCH = 40;
    // Its own context: the timeouts set here must not change those of the team server's client.
    private static final FhirContext FHIR = fr.relais.sync.fhir.RelaisFhir.newContext();

    private final AnnuaireSettings settings;
    private final IGenericClient client;
    private final Clock clock;

    public AnnuaireClient(AnnuaireSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        synchronized (FHIR) {
            FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
            FHIR.getRestfulClientFactory().setSocketTimeout((int) settings.timeout().toMillis());
            FHIR.getRestfulClientFactory().setConnectTimeout((int) settings.timeout().toMillis());
            this.client = FHIR.newRestfulGenericClient(settings.baseUrl());
        }
        client.registerInterceptor(new KeyAndRate(settings.apiKey(), RateLimiter.perSecond(settings.requestsPerSecond())));
    }

    /** Result of a search: the entries, and whether more matched than {@code maxResults}. */
    public record Found(List<DirectoryEntry> entries, boolean truncated) {
    }

    /** Searches the directory and keeps what it found in {@code cache} (may be null) for offline use. */
    public Found search(PractitionerQuery query, DirectoryCache cache) {
        List<Resource> resources = new ArrayList<>();
        boolean truncated = fetchAll(query.relativeUrl(settings.pageSize()), resources, settings.maxResults());
        List<DirectoryEntry> entries = DirectoryMapper.entries(resources);
        if (cache != null && !entries.isEmpty()) {
            entries = cache.save(entries, clock.instant()); // a closed record comes back with its last known name
        }
        return new Found(entries, truncated);
    }

    /**
     * Reads again, from the directory, the practitioners in {@code cache}: only those changed since the last refresh
     * when it is recent enough for a {@code _lastUpdated} search, all of them otherwise. Entries the directory now marks
     * inactive are kept, flagged. Returns how many entries were updated.
     */
    public int refresh(DirectoryCache cache) {
        Instant now = clock.instant();
        Instant since = cache.lastRefresh().filter(last -> last.isAfter(now.minus(INCREMENTAL_WINDOW))).orElse(null);
        List<String> ids = cache.identifiers();
        List<DirectoryEntry> updated = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += REFRESH_BATCH) {
            String identifiers = ids.subList(i, Math.min(ids.size(), i + REFRESH_BATCH)).stream()
                    .map(id -> NationalDirectory.IDNPS + "|" + id).collect(Collectors.joining(","));
            StringBuilder url = new StringBuilder("Practitioner?identifier=").append(enc(identifiers))
                    .append("&_revinclude=").append(enc("PractitionerRole:practitioner"))
                    .append("&_include:iterate=").append(enc("PractitionerRole:organization"))
                    .append("&_count=").append(settings.pageSize());
            if (since != null) {
                // A minute of overlap: a change written while the last refresh ran is read again rather than missed.
                url.append("&_lastUpdated=ge").append(DateTimeFormatter.ISO_INSTANT.format(since.minusSeconds(60)));
            }
            List<Resource> resources = new ArrayList<>();
            fetchAll(url.toString(), resources, Integer.MAX_VALUE);
            Set<String> asked = Set.copyOf(ids.subList(i, Math.min(ids.size(), i + REFRESH_BATCH)));
            DirectoryMapper.entries(resources).stream().filter(e -> asked.contains(e.idnps())).forEach(updated::add);
        }
        cache.save(updated, now);
        cache.refreshedAt(now);
        return updated.size();
    }

    /** Follows {@code next} links until done or {@code maxPractitioners} matches were read; true when cut short. */
    private boolean fetchAll(String relativeUrl, List<Resource> into, int maxPractitioners) {
        try {
            Bundle page = client.search().byUrl(settings.baseUrl() + "/" + relativeUrl).returnBundle(Bundle.class).execute();
            int matches = 0;
            while (true) {
                for (Bundle.BundleEntryComponent entry : page.getEntry()) {
                    into.add(entry.getResource());
                    if (entry.getSearch().getMode() != Bundle.SearchEntryMode.INCLUDE) {
                        matches++;
                    }
                }
                if (matches >= maxPractitioners) {
                    return page.getLink(Bundle.LINK_NEXT) != null;
                }
                if (page.getLink(Bundle.LINK_NEXT) == null) {
                    return false;
                }
                page = client.loadPage().next(page).execute();
            }
        } catch (AuthenticationException | ForbiddenOperationException refused) {
            throw new BadInputException(API_KEY_HEADER, "annuaire.keyRefused", settings.baseUrl(), refused.getStatusCode());
        } catch (FhirClientConnectionException unreachable) {
            throw new AnnuaireUnavailableException(settings.baseUrl(), rootCause(unreachable), unreachable);
        } catch (BaseServerResponseException e) {
            if (e.getStatusCode() == 429 || e.getStatusCode() >= 500) {
                throw new AnnuaireUnavailableException(settings.baseUrl(), "HTTP " + e.getStatusCode(), e);
            }
            throw new BadInputException("annuaire search", "annuaire.queryRefused", e.getStatusCode(), e.getMessage());
        }
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Adds the API key and waits for the rate limiter before every request, next pages included. */
    private static final class KeyAndRate implements IClientInterceptor {
        private final String key;
        private final RateLimiter limiter;

        KeyAndRate(String key, RateLimiter limiter) {
            this.key = key;
            this.limiter = limiter;
        }

        @Override
        public void interceptRequest(IHttpRequest request) {
            limiter.acquire();
            request.addHeader(API_KEY_HEADER, key);
        }

        @Override
        public void interceptResponse(IHttpResponse response) {
            // nothing to read back: errors surface as exceptions
        }
    }
}
