package fr.relais.sync.engine;

import fr.relais.core.pathway.PathwayService;
import fr.relais.core.replication.SyncState;
import fr.relais.core.pathway.TemplateOrigin;
import fr.relais.sync.fhir.RelaisFhir;
import fr.relais.sync.fhir.SharedTemplate;
import java.util.List;
import org.hl7.fhir.r4.model.PlanDefinition;

/**
 * The team's own pathway templates as PlanDefinitions (steps contained), so that a version imported on one laptop is
 * in every laptop's library before an enrollment in it arrives. Pulled before the enrollments.
 */
final class TemplateSync extends LibrarySync<PlanDefinition> {
    static final String RECORD = "PathwayTemplate";

    private final PathwayService pathways;

    TemplateSync(SyncState syncState, PathwayService pathways) {
        super(syncState, RECORD, PlanDefinition.class, "pathway-template", RelaisFhir.PATHWAY_SYSTEM);
        this.pathways = pathways;
    }

    @Override
    List<Version> versions() {
        return pathways.list().stream().map(t -> new Version(t.template().id(), t.template().version(), t.json(),
                t.origin() == TemplateOrigin.IMPORTED)).toList();
    }

    @Override
    PlanDefinition toFhir(Version v) {
        return SharedTemplate.toFhir(pathways.get(v.id(), v.version()).template(), v.json());
    }

    @Override
    boolean importReceived(String origin, PlanDefinition remote) {
        return pathways.importTemplate(origin, SharedTemplate.toAuthoringJson(origin, remote)).created();
    }
}
