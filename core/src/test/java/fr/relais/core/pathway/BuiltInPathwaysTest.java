package fr.relais.core.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.rule.AlertRule;
import fr.relais.core.careteam.CareRole;
import fr.relais.core.measure.MeasureCatalog;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The built-in pathways against their own descriptions and the clinical facts of docs/pathway-templates.md. Versions
 * are never changed in place, so the checks hold for the latest version of each template (the one new enrollments
 * take); the older versions stay shipped for the patients still enrolled in them.
 */
class BuiltInPathwaysTest {

    private static Map<String, PathwayTemplate> latest() {
        Map<String, PathwayTemplate> latest = new LinkedHashMap<>();
        for (TemplateParser.ParsedTemplate parsed : TemplateLibrary.builtIns()) {
            latest.merge(parsed.template().id(), parsed.template(),
                    (a, b) -> a.version() >= b.version() ? a : b);
        }
        return latest;
    }

    private static PathwayTemplate version(String id, int version) {
        return TemplateLibrary.builtIns().stream().map(TemplateParser.ParsedTemplate::template)
                .filter(t -> t.id().equals(id) && t.version() == version).findFirst().orElseThrow();
    }

    /** Codes the measurement plan or an alert rule watches that no MEASURE step asks anyone to take. */
    static Set<String> measuresNoTaskAsksFor(PathwayTemplate t) {
        Set<String> watched = new TreeSet<>();
        t.measurementPlan().forEach(item -> watched.add(item.code()));
        t.alertRules().forEach(rule -> watched.add(rule.code()));
        Set<String> asked = t.steps().stream().filter(s -> s.kind() == StepKind.MEASURE).map(Step::measureCode)
                .collect(Collectors.toSet());
        watched.removeAll(asked);
        return watched;
    }

    /** Needs without an objective and objectives without an action, named "need" or "need/objective". */
    static List<String> emptyNeedsAndObjectives(PathwayTemplate t) {
        List<String> empty = new ArrayList<>();
        for (PpcsNeed need : t.ppcs()) {
            if (need.objectives().isEmpty()) {
                empty.add(need.id());
            }
            need.objectives().stream().filter(o -> o.actions().isEmpty()).forEach(o -> empty.add(need.id() + "/" + o.id()));
        }
        return empty;
    }

    @Test
    void everyMeasureWatchedByABuiltInPathwayIsAskedForByATask() {
        assertThat(latest()).hasSize(5).allSatisfy((id, t) ->
                assertThat(measuresNoTaskAsksFor(t)).as(t.key()).isEmpty());
    }

    @Test
    void everyNeedOfABuiltInPathwayHasAnObjectiveAndEveryObjectiveAnAction() {
        assertThat(latest()).allSatisfy((id, t) -> {
            assertThat(t.ppcs()).as(t.key()).isNotEmpty();
            assertThat(emptyNeedsAndObjectives(t)).as(t.key()).isEmpty();
        });
    }

    @Test
    void theFirstCopdVersionWatchedARespiratoryRateNobodyWasAskedToCount() {
        // The check above would have caught it: version 1 stays shipped, unchanged, for the patients enrolled in it.
        assertThat(measuresNoTaskAsksFor(version("bpco-exacerbation", 1))).containsExactly(MeasureCatalog.RESPIRATORY_RATE);
        PathwayTemplate copd = latest().get("bpco-exacerbation");
        Step rate = copd.steps().stream().filter(s -> MeasureCatalog.RESPIRATORY_RATE.equals(s.measureCode())).findFirst().orElseThrow();
        assertThat(rate.role()).isEqualTo(CareRole.PATIENT);
        assertThat(rate.timing().recurrence().every()).isEqualTo(Period.ofDays(1));
    }

    @Test
    void theFrailElderlyPlanHasTheNutritionNeedItsDescriptionPromises() {
        assertThat(version("personne-agee-fragile-domicile", 1).ppcs()).extracting(PpcsNeed::id).doesNotContain("besoin-nutrition");
        PathwayTemplate frail = latest().get("personne-agee-fragile-domicile");
        assertThat(frail.description().fr()).contains("nutrition");
        PpcsNeed nutrition = frail.ppcs().stream().filter(n -> n.id().equals("besoin-nutrition")).findFirst().orElseThrow();
        List<String> actions = nutrition.objectives().stream().flatMap(o -> o.actions().stream()).toList();
        assertThat(actions).contains("depistage-nutrition", "poids-mensuel");
        assertThat(frail.step("poids-mensuel").orElseThrow().measureCode()).isEqualTo(MeasureCatalog.BODY_WEIGHT);
        assertThat(frail.step("prise-en-charge-nutrition").orElseThrow().condition())
                .isEqualTo(new Condition.StepOutcome("depistage-nutrition", "denutrition"));
    }

    @Test
    void theRaacPathwayRatesPainAtTheNextDayCallAndAlertsFromFourAndSeverelyFromSeven() {
        assertThat(version("chirurgie-ambulatoire-raac", 1).steps()).noneMatch(s -> s.kind() == StepKind.MEASURE);
        PathwayTemplate raac = latest().get("chirurgie-ambulatoire-raac");
        assertThat(raac.steps()).filteredOn(s -> MeasureCatalog.PAIN_SEVERITY.equals(s.measureCode()))
                .extracting(Step::id, Step::role)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("douleur-j1", CareRole.IDEC),
                        org.assertj.core.groups.Tuple.tuple("douleur-j3", CareRole.IDE_LIBERALE));
        AlertRule.Absolute pain = (AlertRule.Absolute) raac.alertRules().stream()
                .filter(r -> r.code().equals(MeasureCatalog.PAIN_SEVERITY)).findFirst().orElseThrow();
        assertThat(pain.yellowAbove()).isEqualByComparingTo("3");
        assertThat(pain.redAbove()).isEqualByComparingTo("6");
    }

    @Test
    void theDiabetesPathwayMeasuresGlucoseTwiceADayAndAlertsWhenNothingCameForAWeek() {
        PathwayTemplate diabetes = latest().get("diabete-type-2");
        List<Step> glucose = diabetes.steps().stream().filter(s -> MeasureCatalog.GLUCOSE.equals(s.measureCode()))
                .sorted(Comparator.comparing(s -> s.timing().timeOfDay())).toList();
        assertThat(glucose).hasSize(2).allSatisfy(s -> {
            assertThat(s.role()).isEqualTo(CareRole.PATIENT);
            assertThat(s.timing().recurrence().every()).isEqualTo(Period.ofDays(1));
        });
        assertThat(diabetes.measurementPlan()).singleElement()
                .satisfies(item -> assertThat(item.every()).isEqualTo(Period.ofDays(1)));
        // The arrêté's "at least weekly" is how often data must arrive: the missing-data alert, mandatory.
        AlertRule.Missing missing = (AlertRule.Missing) diabetes.alertRules().stream()
                .filter(r -> r instanceof AlertRule.Missing).findFirst().orElseThrow();
        assertThat(missing.after()).isEqualTo(Period.ofDays(7));
        assertThat(missing.mandatory()).isTrue();
    }

    @Test
    void heartFailureCopdAndDiabetesAreTelemonitoringAndNeedConsent() {
        assertThat(latest().values()).filteredOn(PathwayTemplate::telemonitoring).extracting(PathwayTemplate::id)
                .containsExactlyInAnyOrder("insuffisance-cardiaque-sortie", "bpco-exacerbation", "diabete-type-2");
        assertThat(TemplateLibrary.builtIns()).filteredOn(p -> p.template().version() == 1)
                .allSatisfy(p -> assertThat(p.template().telemonitoring()).isFalse());
    }
}
