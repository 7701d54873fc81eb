package fr.relais.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module layering: core <- sync <- app, JavaFX only in app, FHIR only in sync. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // Test classes stay out, also those of core's test jar (a jar, not test-classes, in a full reactor build).
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar")).importPackages("fr.relais");
    }

    @Test
    void coreDependsOnNeitherSyncNorApp() {
        noClasses().that().resideInAPackage("fr.relais.core..")
                .should().dependOnClassesThat().resideInAnyPackage("fr.relais.sync..", "fr.relais.app..")
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
                .should().dependOnClassesThat().resideInAnyPackage("ca.uhn..", "org.hl7..", "java.net.http..")
                .check(classes);
    }

    @Test
    void theCommandLineDoesNotReachIntoTheGui() {
        noClasses().that().resideInAPackage("fr.relais.app.cli..")
                .should().dependOnClassesThat().resideInAPackage("fr.relais.app.gui..")
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
}
