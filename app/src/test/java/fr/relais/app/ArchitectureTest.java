package fr.relais.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The structure docs/architecture.md describes: the module layering core <- sync <- app, JavaFX only in app, FHIR
 * and network clients out of core, view models free of controls, and no package cycles inside a module.
 */
class ArchitectureTest {
    private static final String GENERATED_SCHEMA = "fr.relais.core.store.schema";
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // The three modules' own classes (their folders, or their jars in a full reactor build), read where they are:
        // looking for the package fr.relais would list every jar of the class path first (issue 24). Test classes stay
        // out, core's test jar included.
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importUrls(java.util.List.of(locationOf(fr.relais.core.RelaisCore.class), locationOf(fr.relais.sync.engine.SyncEngine.class),
                        locationOf(Launcher.class)));
    }

    @Test
    void coreDependsOnNeitherSyncNorApp() {
        noClasses().that().resideInAPackage("fr.relais.core..")
                .should().dependOnClassesThat().resideInAnyPackage("fr.relais.sync..", "fr.relais.app..")
                .check(classes);
    }

    /** The benchmarks are a module of their own (ADR 0014): none is compiled into the application, none of JMH used. */
    @Test
    void theApplicationShipsNoBenchmark() {
        noClasses().that().resideInAPackage("fr.relais..")
                .should().resideInAnyPackage("fr.relais.app.bench..", "fr.relais.benchmarks..")
                .orShould().haveSimpleNameEndingWith("Benchmark")
                .orShould().haveSimpleNameEndingWith("BenchmarkHarness")
                .orShould().dependOnClassesThat().resideInAPackage("org.openjdk.jmh..")
                .check(classes);
    }

    @Test
    void syncDoesNotDependOnApp() {
        noClasses().that().resideInAPackage("fr.relais.sync..")
                .should().dependOnClassesThat().resideInAPackage("fr.relais.app..")
                .check(classes);
    }

    @Test
    void javaFxAppearsOnlyInApp() {
        noClasses().that().resideInAnyPackage("fr.relais.core..", "fr.relais.sync..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .check(classes);
    }

    @Test
    void fhirAndNetworkClientsStayOutOfCore() {
        noClasses().that().resideInAPackage("fr.relais.core..")
                .should().dependOnClassesThat().resideInAnyPackage("ca.uhn..", "org.hl7..", "java.net.http..",
                        "javax.net..", "jakarta.mail..", "jakarta.activation..")
                .orShould().dependOnClassesThat().belongToAnyOf(java.net.Socket.class, java.net.ServerSocket.class,
                        java.net.DatagramSocket.class, java.net.URLConnection.class, java.net.HttpURLConnection.class)
                .check(classes);
    }

    @Test
    void theCommandLineDoesNotReachIntoTheGui() {
        noClasses().that().resideInAPackage("fr.relais.app.cli..")
                .should().dependOnClassesThat().resideInAPackage("fr.relais.app.gui..")
                .check(classes);
    }

    @Test
    void theDesktopDoesNotReachIntoTheCommandLine() {
        // Both front ends share the services and the wording (wording.Messages), not each other's classes. A string
        // constant is inlined by javac and invisible here: shared constants live in wording, not in a command.
        noClasses().that().resideInAPackage("fr.relais.app.gui..")
                .should().dependOnClassesThat().resideInAPackage("fr.relais.app.cli..")
                .check(classes);
    }

    @Test
    void theDesktopKeepsNoStateInStaticFields() {
        // The launcher builds RelaisApplication with what it opens and the screens receive their collaborators through
        // their constructors: a static field of the desktop holds a constant, never state.
        fields().that().areStatic().and().areDeclaredInClassesThat().resideInAPackage("fr.relais.app.gui..")
                .should().beFinal()
                .check(classes);
    }

    @Test
    void onlyTheInsiClientAndTheDemoSimulationCreateInsiAnswers() {
        // An INSi answer is what makes an identity RECUP or QUAL: no command, form or import may build one.
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .that().areAssignableTo(fr.relais.core.identity.InsiAnswer.class)
                .and().doNotHaveFullyQualifiedName(fr.relais.core.identity.InsiAnswer.class.getName())
                .should().resideInAnyPackage("fr.relais.sync.insi..", "fr.relais.core.demo..")
                .check(classes);
    }

    @Test
    void backgroundWorkInCoreAndSyncGoesThroughOneAbstraction() {
        // Thread pools, their naming, shutdown and failure handling are written once, in core.work (issue 24): the
        // full alert re-run and the sync's page fetching both use it. The alert watch's periodic check is a schedule,
        // not a pool of work, and keeps its own timer.
        noClasses().that().resideInAnyPackage("fr.relais.core..", "fr.relais.sync..")
                .and().resideOutsideOfPackage("fr.relais.core.work..")
                .and().doNotHaveFullyQualifiedName(fr.relais.core.alert.AlertWatch.class.getName())
                .should().dependOnClassesThat().belongToAnyOf(java.util.concurrent.Executors.class,
                        java.util.concurrent.ExecutorService.class, java.util.concurrent.Future.class)
                .check(classes);
    }

    @Test
    void backgroundWorkDependsOnNothingOfRelais() {
        // The lowest layer of core, usable by every package of core and sync without a cycle.
        noClasses().that().resideInAPackage("fr.relais.core.work..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("fr.relais..")
                        .and(JavaClass.Predicates.resideOutsideOfPackage("fr.relais.core.work..")))
                .check(classes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr.relais.core", "fr.relais.sync", "fr.relais.app"})
    void theAreasOfAModuleDoNotDependOnEachOtherInACircle(String module) {
        // An area is a top-level package with its sub-packages (app's gui, cli, wording...; core's alert, pathway...).
        slices().matching(module + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr.relais.core", "fr.relais.sync", "fr.relais.app"})
    void noTwoPackagesOfAModuleDependOnEachOther(String module) {
        // Finer than the areas: each package on its own, the root of an area included (gui and its feature packages,
        // cli and cli.output), which a "(*).." slice would fold into one.
        slices().assignedFrom(eachPackageUnder(module)).should().beFreeOfCycles().check(classes);
    }

    @Test
    void viewModelsDoNotTouchControls() {
        // View models hold state and commands as properties and observable collections, tested without the toolkit;
        // the views own the controls and layouts (ADR 3).
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat()
                .resideInAnyPackage("javafx.scene.control..", "javafx.scene.layout..", "javafx.stage..",
                        "org.controlsfx..", "atlantafx..")
                .check(classes);
    }

    /**
     * The whole graph ({@code RelaisCore}) is reached for only where the application is put together: the sync's and
     * the application's composition, the command line's composition (the root command opens the store, {@code
     * CommandWiring} takes from it what each command uses, {@code OpenStore} holds it while the command runs, {@code
     * GuiLauncher} hands it to the desktop: the commands themselves receive the few services they use), and the listed
     * classes: the launcher, and the desktop's window, which builds every screen's view model with the few services it
     * uses. The list only shrinks: a class that no longer takes the whole graph must leave it (the next test says so),
     * and no class may join it.
     */
    private static final java.util.Set<String> STILL_TAKING_THE_WHOLE_GRAPH = java.util.Set.of(
            "fr.relais.app.Launcher",
            "fr.relais.app.gui.RelaisApplication");

    private static final String[] COMPOSITION = {"fr.relais.sync.composition..", "fr.relais.app.composition.."};

    /** The command line's composition: the only classes of {@code cli} that see the whole graph. */
    private static final java.util.Set<String> THE_COMMAND_LINES_COMPOSITION = java.util.Set.of(
            "fr.relais.app.cli.RelaisCommand", "fr.relais.app.cli.CommandWiring", "fr.relais.app.cli.OpenStore",
            "fr.relais.app.cli.Wiring", "fr.relais.app.cli.GuiLauncher");

    @Test
    void onlyTheCompositionReachesForTheWholeGraph() {
        noClasses().that().resideOutsideOfPackages(COMPOSITION)
                .and().doNotBelongToAnyOf(fr.relais.core.RelaisCore.class)
                .and(com.tngtech.archunit.base.DescribedPredicate.describe("are not listed as still taking it",
                        (JavaClass c) -> !STILL_TAKING_THE_WHOLE_GRAPH.contains(topLevel(c))))
                .and(com.tngtech.archunit.base.DescribedPredicate.describe("are not the command line's composition",
                        (JavaClass c) -> !THE_COMMAND_LINES_COMPOSITION.contains(topLevel(c))))
                .should().dependOnClassesThat().belongToAnyOf(fr.relais.core.RelaisCore.class)
                .check(classes);
    }

    @Test
    void theCommandLinesCompositionIsWhereTheCommandsGetTheirServices() {
        // Each named class exists and is what it is said to be: a renamed or removed one must leave the list.
        for (String name : THE_COMMAND_LINES_COMPOSITION) {
            org.assertj.core.api.Assertions.assertThat(classes.contain(name)).as("%s is no longer in cli", name).isTrue();
        }
    }

    @Test
    void theFrontEndsTheSyncAndTheBenchmarksTakeThePiecesOfTheAlertEngine() {
        // AlertService only delegates to the alert package's pieces; what calls it would hide which job it needs.
        // RelaisCore still builds it for the tests' service graph (issue 24).
        noClasses().that().doNotBelongToAnyOf(fr.relais.core.RelaisCore.class, fr.relais.core.alert.AlertService.class)
                .should().dependOnClassesThat().belongToAnyOf(fr.relais.core.alert.AlertService.class)
                .check(classes);
    }

    @Test
    void onlyTheCompositionBuildsTheDirectoryClient() {
        // One place reads the directory's settings into a client (ADR 2): screens and commands receive it.
        noClasses().that().resideOutsideOfPackages("fr.relais.app.composition..", "fr.relais.sync.annuaire..")
                .should().callConstructor(fr.relais.sync.annuaire.AnnuaireClient.class,
                        fr.relais.sync.annuaire.AnnuaireSettings.class, java.time.Clock.class)
                .check(classes);
    }

    @Test
    void theClassesStillTakingTheWholeGraphOnlyGetFewer() {
        for (String name : STILL_TAKING_THE_WHOLE_GRAPH) {
            boolean takesIt = classes.stream().filter(c -> topLevel(c).equals(name))
                    .anyMatch(c -> c.getDirectDependenciesFromSelf().stream()
                            .anyMatch(d -> d.getTargetClass().isEquivalentTo(fr.relais.core.RelaisCore.class)));
            org.assertj.core.api.Assertions.assertThat(takesIt)
                    .as("%s no longer takes RelaisCore: remove it from STILL_TAKING_THE_WHOLE_GRAPH", name).isTrue();
        }
    }

    private static java.net.URL locationOf(Class<?> aClassOfTheModule) {
        return aClassOfTheModule.getProtectionDomain().getCodeSource().getLocation();
    }

    private static String topLevel(JavaClass c) {
        String name = c.getName();
        return name.contains("$") ? name.substring(0, name.indexOf('$')) : name;
    }

    private static SliceAssignment eachPackageUnder(String module) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String name = javaClass.getPackageName();
                if (!name.equals(module) && !name.startsWith(module + ".")) {
                    return SliceIdentifier.ignore();
                }
                // jOOQ's generated schema (tables, records, keys) refers to itself across its packages: one unit.
                return SliceIdentifier.of(name.startsWith(GENERATED_SCHEMA) ? GENERATED_SCHEMA : name);
            }

            @Override
            public String getDescription() {
                return "each package of " + module;
            }
        };
    }
}
