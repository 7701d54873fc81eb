package fr.relais.sync.engine;

import fr.relais.core.SteadyClock;
import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.consent.ConsentScope;
import fr.relais.core.identity.Patient;
import fr.relais.core.replication.Conflict;
import fr.relais.core.urgentcare.UrgentCarePlan;
import fr.relais.sync.server.JpaFhirServer;
import java.nio.file.Path;
import java.util.List;
import org.hl7.fhir.r4.model.CarePlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The urgent care plan on the team server: shared only with consent, revoked on withdrawal, merged between laptops. */
class UrgentCarePlanSyncTest {
    static final JpaFhirServer SERVER = JpaFhirServer.shared();

    @TempDir
    Path dir;

    static UrgentCarePlan plan(String allergy, String trustedPerson) {
        UrgentCarePlan base = UrgentCarePlanMapperTestAccess.plan();
        return new UrgentCarePlan(base.diagnoses(), base.prognosis(), new UrgentCarePlan.Allergies(false,
                List.of(new UrgentCarePlan.Allergy(allergy, null, null, null))), base.treatments(), base.ifDeteriorating(), base.resuscitation(),
                base.advanceDirectives(), new UrgentCarePlan.Contact(trustedPerson, "fille", null), base.keyContacts(),
                base.preferredPlaceOfCare(), base.preferredPlaceOfDeath(), base.devices(), base.nextReview(), base.agreement());
    }

    private static CarePlan onServer(Patient p) {
        return SERVER.fhirContext().newRestfulGenericClient(SERVER.baseUrl()).read().resource(CarePlan.class).withId(p.id().toString()).execute();
    }

    private static boolean onServerAtAll(Patient p) {
        try {
            onServer(p);
            return true;
        } catch (ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException e) {
            return false;
        }
    }

    @Test
    void sharedOnlyWithConsentAndRevokedWhenItIsWithdrawn() {
        String team = "ucp-" + System.nanoTime();
        try (Laptop a = new Laptop(dir, "ucp-a", SERVER.baseUrl(), team); Laptop b = new Laptop(dir, "ucp-b", SERVER.baseUrl(), team)) {
            Patient p = a.register("DURAND", "Marcel", "UCP-" + System.nanoTime());
            a.core.urgentCarePlans().edit(p.id(), plan("Pénicilline", "Anne DURAND"), "Plan établi avec le patient");
            a.sync();
            assertThat(onServerAtAll(p)).as("no consent: the plan stays on the laptop").isFalse();

            var consent = a.core.consents().add(p.id(), ConsentScope.EMERGENCY_PLAN_SHARING, "IDEC A", SteadyClock.today());
            a.sync();
            CarePlan shared = onServer(p);
            assertThat(shared.getStatus()).isEqualTo(CarePlan.CarePlanStatus.ACTIVE);
            assertThat(SERVER.fhirContext().newJsonParser().encodeResourceToString(shared)).contains("Pénicilline");

            b.sync();
            assertThat(b.core.urgentCarePlans().current(p.id())).get().satisfies(v -> {
                assertThat(v.plan().allergies().items().get(0).substance()).isEqualTo("Pénicilline");
                assertThat(v.synced()).isTrue();
            });

            a.core.consents().withdraw(consent.id(), "Le patient retire son accord");
            a.sync();
            CarePlan revoked = onServer(p);
            assertThat(revoked.getStatus()).isEqualTo(CarePlan.CarePlanStatus.REVOKED);
            assertThat(SERVER.fhirContext().newJsonParser().encodeResourceToString(revoked)).doesNotContain("Pénicilline");
            String version = revoked.getMeta().getVersionId();

            a.core.urgentCarePlans().edit(p.id(), plan("Pénicilline, iode", "Anne DURAND"), "Allergie à l'iode découverte");
            a.sync();
            assertThat(onServer(p).getMeta().getVersionId()).as("nothing more leaves after the withdrawal").isEqualTo(version);
            b.sync();
            assertThat(b.core.urgentCarePlans().current(p.id())).get().extracting(v -> v.plan().allergies().items().get(0).substance())
                    .as("a revoked plan does not erase what a laptop holds, nor replace it").isEqualTo("Pénicilline");
        }
    }

    @Test
    void twoLaptopsChangingDifferentFieldsMergeAndTheSameFieldIsAConflict() {
        String team = "ucp-" + System.nanoTime();
        try (Laptop a = new Laptop(dir, "ucp-c", SERVER.baseUrl(), team); Laptop b = new Laptop(dir, "ucp-d", SERVER.baseUrl(), team)) {
            Patient p = a.register("MOREAU", "Jeanne", "UCP-" + System.nanoTime());
            a.core.consents().add(p.id(), ConsentScope.EMERGENCY_PLAN_SHARING, "IDEC A", SteadyClock.today());
            a.core.urgentCarePlans().edit(p.id(), plan("Pénicilline", "Paul MOREAU"), "Plan établi");
            a.sync();
            b.sync();
            assertThat(b.core.consents().active(p.id(), ConsentScope.EMERGENCY_PLAN_SHARING)).as("A's consent travelled with the plan").isTrue();

            a.core.urgentCarePlans().edit(p.id(), plan("Pénicilline, latex", "Paul MOREAU"), "Allergie au latex");
            b.core.urgentCarePlans().edit(p.id(), plan("Pénicilline", "Lucie MOREAU"), "Nouvelle personne de confiance");
            a.sync();
            b.sync();
            a.sync();
            for (Laptop l : List.of(a, b)) {
                UrgentCarePlan merged = l.core.urgentCarePlans().current(p.id()).orElseThrow().plan();
                assertThat(merged.allergies().items().get(0).substance()).as(l.toString()).isEqualTo("Pénicilline, latex");
                assertThat(merged.trustedPerson().name()).as(l.toString()).isEqualTo("Lucie MOREAU");
            }

            a.core.urgentCarePlans().edit(p.id(), plan("Pénicilline, latex, iode", "Lucie MOREAU"), "Iode");
            b.core.urgentCarePlans().edit(p.id(), plan("Pénicilline, latex, aspirine", "Lucie MOREAU"), "Aspirine");
            a.sync();
            b.sync();
            List<Conflict> open = b.core.conflicts().list(true);
            assertThat(open).singleElement().satisfies(c -> {
                assertThat(c.field()).isEqualTo("allergies");
                assertThat(c.localValue()).contains("aspirine");
                assertThat(c.remoteValue()).contains("iode");
            });
            assertThat(b.core.urgentCarePlans().current(p.id()).orElseThrow().plan().allergies().items().get(0).substance())
                    .as("the local value is kept until a person chooses").contains("aspirine");
            b.sync.conflictResolver().resolve(open.get(0).id(), ConflictResolver.Choice.REMOTE);
            assertThat(b.core.urgentCarePlans().current(p.id()).orElseThrow().plan().allergies().items().get(0).substance()).contains("iode");
        }
    }
}
