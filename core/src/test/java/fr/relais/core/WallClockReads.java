package fr.relais.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnitAccess;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

/**
 * Issue 24's rule: a test never reads the wall clock. A test that does passes or fails with the hour, the date and the
 * time zone it runs at (the sync tests judged readings "40 hours ago" on another calendar day after midnight in Paris);
 * it takes {@link SteadyClock}, {@link MutableClock} or {@code Clock.fixed} instead, and reads times from that clock
 * ({@code LocalDate.now(clock)}, {@code Instant.now(clock)} are fine).
 *
 * <p>Each module checks its own test classes ({@link #checkTestsOf}) with a short allow-list: the programs that must
 * see real time (the benchmark harness, the kill-worker JVMs).
 */
public final class WallClockReads {
    /** The calls that read the wall clock: owner, name, parameter types ({@code <init>} for a constructor). */
    private static final List<Read> READS = List.of(
            new Read(Instant.class, "now"),
            new Read(LocalDate.class, "now"), new Read(LocalDate.class, "now", ZoneId.class),
            new Read(LocalDateTime.class, "now"), new Read(LocalDateTime.class, "now", ZoneId.class),
            new Read(LocalTime.class, "now"), new Read(LocalTime.class, "now", ZoneId.class),
            new Read(ZonedDateTime.class, "now"), new Read(ZonedDateTime.class, "now", ZoneId.class),
            new Read(OffsetDateTime.class, "now"), new Read(OffsetDateTime.class, "now", ZoneId.class),
            new Read(Clock.class, "systemUTC"), new Read(Clock.class, "systemDefaultZone"), new Read(Clock.class, "system", ZoneId.class),
            new Read(System.class, "currentTimeMillis"),
            new Read(java.util.Date.class, "<init>"));

    private WallClockReads() {
    }

    /**
     * Fails, naming each call and its line, when a test class of the module holding {@code aTest} (its test classes
     * folder, read directly rather than searched for on the class path) reads the wall clock, except the top-level
     * classes named in {@code allowed} (fully qualified, their nested classes and lambdas included).
     */
    public static void checkTestsOf(Class<?> aTest, Set<String> allowed) {
        java.net.URL folder = aTest.getProtectionDomain().getCodeSource().getLocation();
        JavaClasses tests = new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS).importUrl(folder);
        if (tests.isEmpty()) {
            throw new AssertionError("No test class found in " + folder);
        }
        rule(allowed).check(tests);
    }

    /** The rule over classes already imported, for a module's check and for the rule's own test. */
    public static ArchRule rule(Set<String> allowed) {
        return classes().that(DescribedPredicate.not(topLevelIn(allowed)))
                .should(new ArchCondition<JavaClass>("never read the wall clock (take SteadyClock, MutableClock or Clock.fixed)") {
                    @Override
                    public void check(JavaClass test, ConditionEvents events) {
                        for (JavaCodeUnitAccess<?> access : test.getCodeUnitAccessesFromSelf()) {
                            if (READS.stream().anyMatch(read -> read.matches(access))) {
                                events.add(SimpleConditionEvent.violated(access, access.getDescription()));
                            }
                        }
                    }
                });
    }

    private static DescribedPredicate<JavaClass> topLevelIn(Set<String> allowed) {
        return DescribedPredicate.describe("allowed to read the wall clock " + allowed,
                c -> allowed.contains(c.getName().split("\\$", 2)[0]));
    }

    private record Read(String owner, String name, List<String> parameters) {
        Read(Class<?> owner, String name, Class<?>... parameters) {
            this(owner.getName(), name, java.util.Arrays.stream(parameters).map(Class::getName).toList());
        }

        boolean matches(JavaCodeUnitAccess<?> access) {
            var target = access.getTarget();
            return target.getOwner().getName().equals(owner) && target.getName().equals(name)
                    && target.getRawParameterTypes().stream().map(JavaClass::getName).toList().equals(parameters);
        }
    }
}
