package fr.relais.sync.engine;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.CapabilityStatement;

/**
 * Whether the team server says it offers Bulk Data {@code $export} (FHIR Bulk Data Access 2.0): its CapabilityStatement
 * names the operation at system level or on Patient or Group. Asked once, on a workstation's first sync only; a server
 * that does not answer {@code /metadata} (or refuses it) is taken as not offering it, and the sync pages.
 */
final class ExportCapability {
    /** The types whose {@code $export} the specification defines besides the system's. */
    private static final Set<String> EXPORT_TYPES = Set.of("Patient", "Group");

    private ExportCapability() {
    }

    static boolean offered(FhirServer server) {
        CapabilityStatement statement;
        try {
            statement = server.call("capabilities",
                    () -> server.client().capabilities().ofType(CapabilityStatement.class).execute());
        } catch (BaseServerResponseException e) {
            return false;
        } catch (SyncFailedException e) {
            if (e.rejected()) {
                return false;
            }
            throw e; // unreachable, or the credentials refused: the sync fails as its first search would
        }
        for (CapabilityStatement.CapabilityStatementRestComponent rest : statement.getRest()) {
            if (rest.getMode() == CapabilityStatement.RestfulCapabilityMode.CLIENT) {
                continue;
            }
            if (namesExport(rest.getOperation())) {
                return true;
            }
            for (var resource : rest.getResource()) {
                if (EXPORT_TYPES.contains(resource.getType()) && namesExport(resource.getOperation())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Named {@code export} (servers write it with or without the {@code $}). */
    private static boolean namesExport(List<CapabilityStatement.CapabilityStatementRestResourceOperationComponent> operations) {
        return operations.stream().anyMatch(o -> "export".equals(o.getName() == null ? null : o.getName().replaceFirst("^\\$", "")));
    }
}
