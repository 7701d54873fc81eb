package fr.relais.sync.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import java.util.UUID;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

/** What the sync engine relies on from the reference server: client ids, versions, a refusal of a stale If-Match. */
class JpaFhirServerTest {
    @Test
    void versionsResourcesAndRefusesAStaleIfMatch() {
        JpaFhirServer server = JpaFhirServer.shared();
        IGenericClient client = server.fhirContext().newRestfulGenericClient(server.baseUrl());
        String id = UUID.randomUUID().toString();
        Patient p = new Patient();
        p.setId(id);
        p.addName().setFamily("DURAND");
        assertThat(client.update().resource(p).execute().getId().getVersionIdPart()).isEqualTo("1");
        p.getNameFirstRep().setFamily("DURAND-MARTIN");
        p.setId(new IdType("Patient", id, "1"));
        assertThat(client.update().resource(p).withId(p.getIdElement()).execute().getId().getVersionIdPart()).isEqualTo("2");
        p.setId(new IdType("Patient", id, "1"));
        assertThatThrownBy(() -> client.update().resource(p).withId(p.getIdElement()).execute())
                .isInstanceOf(ResourceVersionConflictException.class); // HAPI JPA answers 409 (HAPI-0989) where the spec says 412
    }
}
