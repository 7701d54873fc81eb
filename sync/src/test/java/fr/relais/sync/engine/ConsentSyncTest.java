package fr.relais.sync.engine;

import fr.relais.core.SteadyClock;
import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.consent.Consent;
import fr.relais.core.consent.ConsentScope;
import fr.relais.core.identity.Patient;
import fr.relais.core.measure.Measure;
import fr.relais.core.measure.MeasureCatalog;
import fr.relais.core.measure.MeasureSource;
import fr.relais.core.measure.NewMeasure;
import fr.relais.sync.server.JpaFhirServer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A patient's withdrawal recorded on one laptop is honoured by the others: once it arrives, what they record for that
 * patient waits on the laptop instead of going to the server, until the patient consents again.
 */
class ConsentSyncTest {
    static final JpaFhirServer SERVER = JpaFhirServer.shared();

    @TempDir
    Path dir;

    private static boolean onServer(Measure m) {
        try {
            SERVER.fhirContext().newRestfulGenericClient(SERVER.baseUrl()).read().resource(Observation.class).withId(m.id().toString()).execute();
            return true;
        } catch (ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException e) {
            return false;
        }
    }

    @Test
    void aWithdrawalRecordedOnOneLaptopHoldsThePatientsRecordsOnTheOthers() {
        String team = "consent-" + System.nanoTime();
        LocalDate today = SteadyClock.today();
        try (Laptop office = new Laptop(dir, "consent-office", SERVER.baseUrl(), team);
             Laptop visit = new Laptop(dir, "consent-visit", SERVER.baseUrl(), team)) {
            Patient p = office.register("BERNARD", "Simone", "CS-" + System.nanoTime());
            Consent sharing = office.core.consents().add(p.id(), ConsentScope.CARE_TEAM_SHARING, "IDE Martin", today);
            office.sync();
            visit.sync();
            assertThat(visit.core.consents().find(sharing.id())).get().satisfies(c -> {
                assertThat(c.active()).isTrue();
                assertThat(c.collectedBy()).isEqualTo("IDE Martin");
            });

            // The patient withdraws at the office; the visiting nurse, offline, weighs her at home.
            office.core.consents().withdraw(sharing.id(), "ne souhaite plus le partage");
            Measure atHome = visit.core.measures().record(new NewMeasure(p.id(), MeasureCatalog.BODY_WEIGHT, "61.4", "kg",
                    SteadyClock.now().truncatedTo(ChronoUnit.SECONDS), MeasureSource.ENTERED));
            office.sync();
            SyncReport held = visit.sync();

            assertThat(visit.core.consents().sharesWithCareTeam(p.id())).isFalse();
            assertThat(visit.core.consents().find(sharing.id())).get().extracting(Consent::withdrawalReason).isEqualTo("ne souhaite plus le partage");
            assertThat(onServer(atHome)).as("held on the laptop, not sent").isFalse();
            assertThat(visit.core.outbox().count()).as("nothing lost: it waits").isEqualTo(1);
            assertThat(held.pending()).isEqualTo(1);

            // She consents again: the measure goes.
            office.core.consents().add(p.id(), ConsentScope.CARE_TEAM_SHARING, "IDE Martin", today);
            office.sync();
            visit.sync();
            assertThat(onServer(atHome)).isTrue();
            assertThat(visit.core.outbox().count()).isZero();
        }
    }

    @Test
    void aWithdrawalRecordedAtTheHomeVisitReachesTheLaptopThatRecordedTheConsent() {
        String team = "consent-both-" + System.nanoTime();
        LocalDate today = SteadyClock.today();
        try (Laptop a = new Laptop(dir, "consent-a", SERVER.baseUrl(), team); Laptop b = new Laptop(dir, "consent-b", SERVER.baseUrl(), team)) {
            Patient p = a.register("GIRARD", "Paule", "CS-" + System.nanoTime());
            Consent telemonitoring = a.core.consents().add(p.id(), ConsentScope.TELEMONITORING, "IDE Roux", today);
            a.sync();
            b.sync();
            b.core.consents().withdraw(telemonitoring.id(), "arrêt de la télésurveillance");
            a.sync();
            b.sync();
            a.sync();
            for (Laptop laptop : java.util.List.of(a, b)) {
                assertThat(laptop.core.consents().find(telemonitoring.id())).get().as(laptop.toString())
                        .satisfies(c -> assertThat(c.active()).isFalse());
                assertThat(laptop.core.conflicts().list(true)).isEmpty();
                assertThat(laptop.core.outbox().count()).isZero();
            }
        }
    }
}
