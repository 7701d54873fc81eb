package fr.relais.core.pathway;

import static fr.relais.core.store.schema.Tables.PATHWAY_TEMPLATE;

import fr.relais.core.store.schema.tables.records.PathwayTemplateRecord;
import fr.relais.core.store.KeptStatements;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;

/**
 * Templates in the store. A stored template is immutable (id + version), so parsed templates are cached: the engine
 * reads them for every enrollment and every planning pass.
 */
public final class TemplateRepository {
    private final DSLContext dsl;
    private final Map<String, StoredTemplate> cache = new ConcurrentHashMap<>();

    private final KeptStatements kept;

    public TemplateRepository(DSLContext dsl) {
        this.dsl = dsl;
        this.kept = new KeptStatements(dsl);
    }

    public void insert(TemplateParser.ParsedTemplate parsed, TemplateOrigin origin, Instant at) {
        PathwayTemplate t = parsed.template();
        dsl.insertInto(PATHWAY_TEMPLATE)
                .set(PATHWAY_TEMPLATE.ID, t.id())
                .set(PATHWAY_TEMPLATE.VERSION, t.version())
                .set(PATHWAY_TEMPLATE.TITLE_FR, t.title().fr())
                .set(PATHWAY_TEMPLATE.TITLE_EN, t.title().en() == null ? t.title().fr() : t.title().en())
                .set(PATHWAY_TEMPLATE.DEFINITION, parsed.json())
                .set(PATHWAY_TEMPLATE.ORIGIN, origin.name())
                .set(PATHWAY_TEMPLATE.IMPORTED_AT, at)
                .execute();
    }

    public Optional<StoredTemplate> find(String id, int version) {
        StoredTemplate cached = cache.get(id + "#" + version);
        if (cached != null) {
            return Optional.of(cached);
        }
        return dsl.selectFrom(PATHWAY_TEMPLATE).where(PATHWAY_TEMPLATE.ID.eq(id).and(PATHWAY_TEMPLATE.VERSION.eq(version)))
                .fetchOptional(this::toStored);
    }

    public Optional<StoredTemplate> latest(String id) {
        return dsl.selectFrom(PATHWAY_TEMPLATE).where(PATHWAY_TEMPLATE.ID.eq(id)).orderBy(PATHWAY_TEMPLATE.VERSION.desc())
                .limit(1).fetchOptional(this::toStored);
    }

    /**
     * Every version of every template, by id then version. Only the keys are read, and a definition only for a version
     * not parsed yet: every hospital discharge lists the templates (which pathway follows its diagnoses), and reading
     * each definition's JSON again for it cost more than the rest of the message.
     */
    public List<StoredTemplate> all() {
        return kept.fetch(KEYS, r -> find(r.value1(), r.value2()).orElseThrow());
    }

    /** Every template's id and version, by id then version; its SQL rendered once (each hospital discharge reads it). */
    private static final KeptStatements.Shape<org.jooq.ResultQuery<org.jooq.Record2<String, Integer>>> KEYS = v -> org.jooq.impl.DSL
            .select(PATHWAY_TEMPLATE.ID, PATHWAY_TEMPLATE.VERSION).from(PATHWAY_TEMPLATE).orderBy(PATHWAY_TEMPLATE.ID, PATHWAY_TEMPLATE.VERSION);

    private StoredTemplate toStored(PathwayTemplateRecord r) {
        return cache.computeIfAbsent(r.getId() + "#" + r.getVersion(), key -> new StoredTemplate(
                TemplateParser.parse(r.getId() + " v" + r.getVersion(), r.getDefinition()).template(), r.getDefinition(),
                TemplateOrigin.valueOf(r.getOrigin()), r.getImportedAt()));
    }
}
