package fr.relais.app.gui.pathways;

import fr.relais.core.pathway.PathwayService;
import fr.relais.core.pathway.StoredTemplate;
import java.util.List;

/**
 * The template library as the Pathways screen uses it: every stored version, one version, an import (refused with
 * every problem listed). The screen's tests give a small in-memory library instead of a store.
 */
public interface PathwayLibrary {
    List<StoredTemplate> list();

    /** A version, or the latest one when {@code version} is null. */
    StoredTemplate get(String id, Integer version);

    PathwayService.ImportResult importTemplate(String source, String json);

    /** The store's library. */
    static PathwayLibrary of(PathwayService pathways) {
        return new PathwayLibrary() {
            @Override
            public List<StoredTemplate> list() {
                return pathways.list();
            }

            @Override
            public StoredTemplate get(String id, Integer version) {
                return pathways.get(id, version);
            }

            @Override
            public PathwayService.ImportResult importTemplate(String source, String json) {
                return pathways.importTemplate(source, json);
            }
        };
    }
}
