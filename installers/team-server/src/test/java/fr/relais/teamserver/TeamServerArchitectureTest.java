package fr.relais.teamserver;

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

/**
 * The team server's packages as docs/architecture.md describes them ("The team server"): the root package is the
 * server itself (start-up, settings, access control, sign-in, change socket, exports) and wires the packages below it
 * ({@code audit}, the request audit; {@code user}, who sent a request), which never reach back into it. App's
 * {@code ArchitectureTest} checks core, sync and app; this module is not on its class path.
 */
class TeamServerArchitectureTest {
    private static final String ROOT = "fr.relais.teamserver";
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void theServersAreasDoNotDependOnEachOtherInACircle() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theRequestAuditAndTheOtherAreasDoNotReachBackIntoTheServerThatWiresThem() {
        // A "(*).." slice leaves the root package out: a sub-package using a root class while the root wires it (as
        // the audit once named the root's TeamUser) is a circle that only this rule sees.
        noClasses().that().resideInAPackage(ROOT + "..").and().resideOutsideOfPackage(ROOT)
                .should().dependOnClassesThat().resideInAPackage(ROOT)
                .check(classes);
    }

    @Test
    void noTwoPackagesOfTheServerDependOnEachOther() {
        // Each package on its own, the root included.
        slices().assignedFrom(eachPackage()).should().beFreeOfCycles().check(classes);
    }

    private static SliceAssignment eachPackage() {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String name = javaClass.getPackageName();
                return name.equals(ROOT) || name.startsWith(ROOT + ".") ? SliceIdentifier.of(name) : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "each package of the team server";
            }
        };
    }
}
