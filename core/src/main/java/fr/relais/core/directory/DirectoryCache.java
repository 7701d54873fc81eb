package fr.relais.core.directory;

import static fr.relais.core.store.schema.Tables.DIRECTORY_PRACTITIONER;
import static fr.relais.core.store.schema.Tables.DIRECTORY_REFRESH;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.relais.core.store.Database;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The practitioners Relais has read from the national directory, kept so that they can be found again offline and
 * refreshed incrementally. An entry the directory marks inactive stays, flagged, so that a cercle de soins that names
 * them still shows who they were; searches leave inactive entries out unless asked.
 */
public final class DirectoryCache {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private final Database database;

    public DirectoryCache(Database database) {
        this.database = database;
    }

    /**
     * Stores or replaces entries (by IDNPS) read at {@code fetchedAt}, and returns them as stored. The directory sends
     * a closed record with its identifiers and {@code active=false} only, no name: such an entry keeps what the cache
     * last knew of the professional (name, profession, activities), marked inactive; one never seen before has nothing
     * to show and is not stored.
     */
    public List<DirectoryEntry> save(Collection<DirectoryEntry> entries, Instant fetchedAt) {
        return database.inTransaction(() -> {
            var dsl = database.dsl();
            List<DirectoryEntry> stored = new java.util.ArrayList<>();
            for (DirectoryEntry received : entries) {
                DirectoryEntry e = withLastKnownDescription(received);
                if (e == null) {
                    continue;
                }
                stored.add(e);
                dsl.insertInto(DIRECTORY_PRACTITIONER).set(DIRECTORY_PRACTITIONER.IDNPS, e.idnps()).set(DIRECTORY_PRACTITIONER.RPPS, e.rpps())
                        .set(DIRECTORY_PRACTITIONER.FAMILY_NAME, e.familyName()).set(DIRECTORY_PRACTITIONER.GIVEN_NAME, e.givenName())
                        .set(DIRECTORY_PRACTITIONER.ACTIVE, e.active() ? 1 : 0)
                        .set(DIRECTORY_PRACTITIONER.LAST_UPDATED, e.lastUpdated())
                        .set(DIRECTORY_PRACTITIONER.FETCHED_AT, fetchedAt).set(DIRECTORY_PRACTITIONER.ENTRY_JSON, json(e))
                        .onConflict(DIRECTORY_PRACTITIONER.IDNPS).doUpdate()
                        .set(DIRECTORY_PRACTITIONER.RPPS, e.rpps()).set(DIRECTORY_PRACTITIONER.FAMILY_NAME, e.familyName())
                        .set(DIRECTORY_PRACTITIONER.GIVEN_NAME, e.givenName()).set(DIRECTORY_PRACTITIONER.ACTIVE, e.active() ? 1 : 0)
                        .set(DIRECTORY_PRACTITIONER.LAST_UPDATED, e.lastUpdated())
                        .set(DIRECTORY_PRACTITIONER.FETCHED_AT, fetchedAt).set(DIRECTORY_PRACTITIONER.ENTRY_JSON, json(e))
                        .execute();
            }
            return stored;
        });
    }

    private DirectoryEntry withLastKnownDescription(DirectoryEntry received) {
        if (received.familyName() != null) {
            return received;
        }
        return byIdnps(received.idnps()).map(known -> new DirectoryEntry(known.idnps(),
                received.rpps() == null ? known.rpps() : received.rpps(), known.familyName(), known.givenName(),
                known.professionCode(), known.profession(), known.specialtyCodes(), known.mailboxes(), received.active(),
                received.lastUpdated(), known.activities())).orElse(null);
    }

    private Optional<DirectoryEntry> byIdnps(String idnps) {
        return database.dsl().select(DIRECTORY_PRACTITIONER.ENTRY_JSON).from(DIRECTORY_PRACTITIONER)
                .where(DIRECTORY_PRACTITIONER.IDNPS.eq(idnps)).fetchOptional(r -> read(r.value1()));
    }

    public Optional<DirectoryEntry> byRpps(String rpps) {
        return database.dsl().select(DIRECTORY_PRACTITIONER.ENTRY_JSON).from(DIRECTORY_PRACTITIONER)
                .where(DIRECTORY_PRACTITIONER.RPPS.eq(rpps).or(DIRECTORY_PRACTITIONER.IDNPS.eq(rpps))).fetchOptional(r -> read(r.value1()));
    }

    /** Offline search by the start of the family name (accents and case as typed in the directory: upper case). */
    public List<DirectoryEntry> searchByName(String familyNameStart, boolean includeInactive) {
        var condition = DIRECTORY_PRACTITIONER.FAMILY_NAME.startsWith(familyNameStart.trim().toUpperCase(Locale.ROOT));
        if (!includeInactive) {
            condition = condition.and(DIRECTORY_PRACTITIONER.ACTIVE.eq(1));
        }
        var where = condition;
        return database.dsl().select(DIRECTORY_PRACTITIONER.ENTRY_JSON).from(DIRECTORY_PRACTITIONER).where(where)
                .orderBy(DIRECTORY_PRACTITIONER.FAMILY_NAME, DIRECTORY_PRACTITIONER.GIVEN_NAME).limit(200).fetch(r -> read(r.value1()));
    }

    /** The IDNPS of every cached entry: what an incremental refresh asks the directory about. */
    public List<String> identifiers() {
        return database.dsl().select(DIRECTORY_PRACTITIONER.IDNPS).from(DIRECTORY_PRACTITIONER)
                .orderBy(DIRECTORY_PRACTITIONER.IDNPS).fetch(r -> r.value1());
    }

    public int size() {
        return database.dsl().fetchCount(DIRECTORY_PRACTITIONER);
    }

    public Optional<Instant> lastRefresh() {
        return database.dsl().select(DIRECTORY_REFRESH.REFRESHED_AT).from(DIRECTORY_REFRESH)
                .fetchOptional(r -> r.value1());
    }

    public void refreshedAt(Instant at) {
        database.inTransaction(() -> database.dsl().insertInto(DIRECTORY_REFRESH).set(DIRECTORY_REFRESH.ID, 1)
                .set(DIRECTORY_REFRESH.REFRESHED_AT, at).onConflict(DIRECTORY_REFRESH.ID).doUpdate()
                .set(DIRECTORY_REFRESH.REFRESHED_AT, at).execute());
    }

    private static String json(DirectoryEntry e) {
        try {
            return JSON.writeValueAsString(e);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("directory entry not writable as JSON", ex);
        }
    }

    private static DirectoryEntry read(String json) {
        try {
            return JSON.readValue(json, DirectoryEntry.class);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("directory cache entry unreadable", ex);
        }
    }
}
