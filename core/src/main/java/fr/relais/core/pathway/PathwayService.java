package fr.relais.core.pathway;

import fr.relais.core.audit.AuditLog;
import fr.relais.core.error.BadInputException;
import fr.relais.core.error.NotFoundException;
import fr.relais.core.store.Database;
import java.time.Clock;
import java.util.List;

/** The template library of this store: built-ins, imports (all-or-nothing), versions. */
public final class PathwayService {
    private final Database database;
    private final TemplateRepository templates;
    private final AuditLog audit;
    private final Clock clock;

    public PathwayService(Database database, TemplateRepository templates, AuditLog audit, Clock clock) {
        this.database = database;
        this.templates = templates;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Installs those of {@code builtIns} this store does not have yet (same id and version); a version already there,
     * built-in, imported or received from the team, is left untouched.
     */
    public int installBuiltIns(List<TemplateParser.ParsedTemplate> builtIns) {
        return database.inTransaction(() -> {
            int installed = 0;
            for (TemplateParser.ParsedTemplate parsed : builtIns) {
                if (templates.find(parsed.template().id(), parsed.template().version()).isEmpty()) {
                    templates.insert(parsed, TemplateOrigin.BUILTIN, clock.instant());
                    installed++;
                }
            }
            return installed;
        });
    }

    /**
     * Imports a template. The same id and version with the same content is a no-op; with other content it is refused:
     * patients enrolled in a version must keep exactly what they were enrolled in.
     */
    public ImportResult importTemplate(String source, String json) {
        TemplateParser.ParsedTemplate parsed = TemplateParser.parse(source, json);
        PathwayTemplate t = parsed.template();
        return database.inTransaction(() -> {
            var existing = templates.find(t.id(), t.version());
            if (existing.isPresent()) {
                if (existing.get().template().equals(t)) {
                    return new ImportResult(t, false);
                }
                throw new BadInputException(source, "template.versionExists", t.id(), t.version());
            }
            templates.insert(parsed, TemplateOrigin.IMPORTED, clock.instant());
            audit.record("pathway.import", "PathwayTemplate", t.key(), null, null);
            return new ImportResult(t, true);
        });
    }

    public List<StoredTemplate> list() {
        return templates.all();
    }

    /** A version, or the latest one when {@code version} is null. */
    public StoredTemplate get(String id, Integer version) {
        return (version == null ? templates.latest(id) : templates.find(id, version))
                .orElseThrow(() -> new NotFoundException("pathway", NotFoundException.What.PATHWAY, version == null ? id : id + " v" + version));
    }

    /** What an import did: {@code created} false when that exact version was already there. */
    public record ImportResult(PathwayTemplate template, boolean created) {
    }
}
