package fr.relais.sync.engine;

import fr.relais.core.SteadyClock;
import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.careteam.CareRole;
import fr.relais.core.careteam.CareTeamMember;
import fr.relais.core.careteam.Profession;
import fr.relais.core.careteam.Professional;
import fr.relais.core.identity.Patient;
import fr.relais.core.measure.Measure;
import fr.relais.core.measure.MeasureCatalog;
import fr.relais.core.measure.MeasureSource;
import fr.relais.core.measure.NewMeasure;
import fr.relais.sync.server.JpaFhirServer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A nurse's laptop scoped to "the patients of my care teams": it pulls those patients and nothing of the others; a
 * patient whose care team the nurse joins later arrives with their whole history (records older than the watermarks);
 * a patient whose membership ended stops arriving; what the nurse records is pushed whatever the scope.
 */
class CareTeamScopeSyncTest {
    static final JpaFhirServer SERVER = JpaFhirServer.shared();

    @TempDir
    Path dir;

    private static Measure weigh(Laptop laptop, Patient p, String kg) {
        Instant at = SteadyClock.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        return laptop.core.measures().record(new NewMeasure(p.id(), MeasureCatalog.BODY_WEIGHT, kg, "kg", at, MeasureSource.ENTERED));
    }

    @Test
    void aNurseScopedToHerCareTeamsGetsTheirPatientsWithTheirHistoryAndNoOneElse() {
        String team = "scope-" + System.nanoTime();
        String rpps = String.valueOf(10_000_000_000L + System.nanoTime() % 1_000_000_000L);
        LocalDate today = SteadyClock.today();
        try (Laptop office = new Laptop(dir, "office", SERVER.baseUrl(), team);
             Laptop nurse = new Laptop(dir, "nurse", SERVER.baseUrl(), team).scopedToCareTeamsOf(rpps)) {
            Patient mine = office.register("LEROY", "Agathe", "S-1-" + System.nanoTime());
            Patient later = office.register("ROUX", "Berthe", "S-2-" + System.nanoTime());
            Patient never = office.register("MOREL", "Colette", "S-3-" + System.nanoTime());
            Professional ide = office.core.careTeam().addProfessional("Petit", "Nina", Profession.INFIRMIER, rpps, null, null);
            Professional doctor = office.core.careTeam().addProfessional("Blanc", "Hugo", Profession.MEDECIN, null, null, "0102030405");
            CareTeamMember onMine = office.core.careTeam().assign(mine.id(), ide.id(), CareRole.IDE_LIBERALE, today.minusDays(10));
            office.core.careTeam().assign(later.id(), doctor.id(), CareRole.MEDECIN_TRAITANT, today.minusDays(10));
            office.core.careTeam().assign(never.id(), doctor.id(), CareRole.MEDECIN_TRAITANT, today.minusDays(10));
            Measure laterOld = weigh(office, later, "71.5");
            weigh(office, never, "64");
            office.sync();
            // Pushed after: the nurse's first pull moves the Observation watermark past the measure of "later".
            Measure mineFirst = weigh(office, mine, "58.2");
            office.sync();

            SyncReport first = nurse.sync();

            assertThat(first.skipped()).isEmpty();
            assertThat(nurse.core.patients().find(mine.id())).as("a patient of her care team").isPresent();
            assertThat(nurse.core.measures().find(mineFirst.id())).isPresent();
            assertThat(nurse.core.careTeam().teamOf(mine.id())).extracting(m -> m.professional().id()).containsExactly(ide.id());
            for (Patient other : new Patient[] {later, never}) {
                assertThat(nurse.core.patients().find(other.id())).as(other.displayName() + " is not in her care teams").isEmpty();
            }
            assertThat(nurse.core.measures().find(laterOld.id())).isEmpty();
            assertThat(nurse.core.careTeam().findProfessional(doctor.id())).as("the team's directory comes whatever the scope").isPresent();

            // She joins the care team of "later": the next sync brings that patient and the measure older than her watermark.
            office.core.careTeam().assign(later.id(), ide.id(), CareRole.IDE_LIBERALE, today);
            // Her membership for "mine" ended this morning: what is recorded for that patient afterwards no longer comes.
            office.core.careTeam().endMembership(mine.id(), onMine.id(), today);
            Measure mineAfter = weigh(office, mine, "58.9");
            office.sync();

            nurse.sync();

            assertThat(nurse.core.patients().find(later.id())).as("entered her scope").isPresent();
            assertThat(nurse.core.measures().find(laterOld.id())).as("history older than the watermark").isPresent();
            assertThat(nurse.core.careTeam().teamOf(later.id())).extracting(m -> m.professional().id())
                    .containsExactlyInAnyOrder(doctor.id(), ide.id());
            assertThat(nurse.core.measures().find(mineAfter.id())).as("left her scope").isEmpty();
            assertThat(nurse.core.patients().find(never.id())).isEmpty();

            // What she records at the patient's home goes up whatever the scope, and nothing is pulled twice.
            Measure atHome = weigh(nurse, later, "71.9");
            SyncReport third = nurse.sync();
            assertThat(third.pushed()).isGreaterThanOrEqualTo(1);
            assertThat(third.pulled()).as("no history pulled again once the patient is in scope").isZero();
            office.sync();
            assertThat(office.core.measures().find(atHome.id())).isPresent();
            assertThat(nurse.core.outbox().count()).isZero();
            assertThat(nurse.core.syncState().scopePatients()).containsExactly(later.id().toString());
        }
    }

    @Test
    void aNurseInNoCareTeamPullsNoPatient() {
        String team = "scope-none-" + System.nanoTime();
        try (Laptop office = new Laptop(dir, "office", SERVER.baseUrl(), team);
             Laptop nurse = new Laptop(dir, "nurse", SERVER.baseUrl(), team).scopedToCareTeamsOf("10999999999")) {
            Patient p = office.register("DURAND", "Irène", "S-4-" + System.nanoTime());
            weigh(office, p, "80");
            office.sync();

            SyncReport report = nurse.sync();

            assertThat(report.status()).isEqualTo("DONE");
            assertThat(nurse.core.patients().find(p.id())).isEmpty();
            assertThat(nurse.core.measures().ofPatient(p.id(), null)).isEmpty();
            assertThat(nurse.core.syncState().scopePatients()).isEmpty();
        }
    }
}
