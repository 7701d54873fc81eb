package fr.relais.sync.engine;

import fr.relais.core.SteadyClock;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import fr.relais.core.identity.Patient;
import fr.relais.core.pathway.Enrollment;
import fr.relais.core.pathway.TemplateOrigin;
import fr.relais.core.task.Task;
import fr.relais.sync.fhir.RelaisFhir;
import fr.relais.sync.fhir.SharedTemplate;
import fr.relais.sync.server.JpaFhirServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.PlanDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The team's own templates travel: a version imported on one laptop reaches the others before an enrollment in it;
 * two laptops importing the same file make one PlanDefinition; another content under the same id and version is
 * reported and overwrites nothing.
 */
class TemplateSyncTest {
    static final JpaFhirServer SERVER = JpaFhirServer.shared();

    @TempDir
    Path dir;

    private static String template(String id, String title) throws java.io.IOException {
        return new String(fr.relais.core.pathway.TemplateLibrary.class.getResourceAsStream("library/chirurgie-ambulatoire-raac.json")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"chirurgie-ambulatoire-raac\"", "\"" + id + "\"")
                .replaceFirst("\"fr\": \"[^\"]*\"", "\"fr\": \"" + title + "\"");
    }

    private static List<PlanDefinition> onServer(String templateId) {
        IGenericClient client = SERVER.fhirContext().newRestfulGenericClient(SERVER.baseUrl());
        return client.search().forResource(PlanDefinition.class)
                .where(PlanDefinition.IDENTIFIER.exactly().systemAndCode(RelaisFhir.PATHWAY_SYSTEM, templateId))
                .returnBundle(Bundle.class).execute().getEntry().stream().map(e -> (PlanDefinition) e.getResource()).toList();
    }

    private static Set<java.util.UUID> taskIds(Laptop laptop, Enrollment e) {
        return laptop.core.enrollments().tasksOf(e.id()).stream().map(Task::id).collect(Collectors.toSet());
    }

    @Test
    void aTemplateImportedOnOneLaptopReachesTheOthersAndTheSameFileImportedTwiceIsOneResource() throws Exception {
        String team = "templates-" + System.nanoTime();
        String id = "raac-cpts-" + System.nanoTime();
        String file = template(id, "RAAC adaptée par la CPTS");
        try (Laptop a = new Laptop(dir, "tpl-a", SERVER.baseUrl(), team); Laptop b = new Laptop(dir, "tpl-b", SERVER.baseUrl(), team);
             Laptop c = new Laptop(dir, "tpl-c", SERVER.baseUrl(), team)) {
            a.core.pathways().importTemplate(id + ".json", file);
            Patient p = a.register("FAURE", "Denise", "T-" + System.nanoTime());
            Enrollment enrollment = a.core.enrollments().enroll(p.id(), id, 1, SteadyClock.today().minusDays(1));
            a.sync();

            SyncReport received = b.sync();

            assertThat(received.skipped()).isEmpty();
            assertThat(b.core.pathways().get(id, 1)).satisfies(t -> {
                assertThat(t.template()).isEqualTo(a.core.pathways().get(id, 1).template());
                assertThat(t.origin()).isEqualTo(TemplateOrigin.IMPORTED);
            });
            assertThat(taskIds(b, enrollment)).as("B plans the enrollment from the received version").isNotEmpty()
                    .isEqualTo(taskIds(a, enrollment));
            assertThat(onServer(id)).singleElement().satisfies(plan -> {
                assertThat(plan.getVersion()).isEqualTo("1");
                assertThat(plan.getContained()).hasSize(a.core.pathways().get(id, 1).template().steps().size());
            });

            // C imported the same file offline: its push meets A's resource, and the server still holds one.
            c.core.pathways().importTemplate(id + ".json", file);
            SyncReport same = c.sync();
            assertThat(same.skipped()).isEmpty();
            assertThat(c.core.outbox().count()).isZero();
            assertThat(onServer(id)).hasSize(1);
            assertThat(b.sync().pushed()).as("nothing for B to send back").isZero();
        }
    }

    @Test
    void anotherContentUnderTheSameVersionIsReportedAndOverwritesNothing() throws Exception {
        String id = "raac-clash-" + System.nanoTime();
        String south = "clash-south-" + System.nanoTime();
        try (Laptop a = new Laptop(dir, "clash-a", SERVER.baseUrl(), "clash-north-" + System.nanoTime());
             Laptop z = new Laptop(dir, "clash-z", SERVER.baseUrl(), south)) {
            a.core.pathways().importTemplate(id + ".json", template(id, "RAAC du nord"));
            a.sync();
            // Another team, on the same regional server, wrote its own version 1 under the same id.
            z.core.pathways().importTemplate(id + ".json", template(id, "RAAC du sud"));
            SyncReport pushed = z.sync();
            assertThat(pushed.skipped()).isEmpty();

            List<PlanDefinition> both = onServer(id);
            assertThat(both).hasSize(2);
            assertThat(both).extracting(PlanDefinition::getTitle).containsExactlyInAnyOrder("RAAC du nord", "RAAC du sud");

            // A laptop of the south team with the north's version would be told, not silently changed.
            try (Laptop y = new Laptop(dir, "clash-y", SERVER.baseUrl(), south)) {
                y.core.pathways().importTemplate(id + ".json", template(id, "RAAC du nord"));
                SyncReport told = y.sync();
                assertThat(told.skipped()).as("the other content is reported").anySatisfy(s -> assertThat(s).contains("PlanDefinition/"));
                assertThat(y.core.pathways().get(id, 1).template().title().fr()).isEqualTo("RAAC du nord");
            }
            assertThat(onServer(id)).extracting(PlanDefinition::getTitle).containsExactlyInAnyOrder("RAAC du nord", "RAAC du sud");
        }
    }
}
