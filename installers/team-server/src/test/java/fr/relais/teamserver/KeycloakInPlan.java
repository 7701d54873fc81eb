package fr.relais.teamserver;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Whether this run's tests sign in with Pro Santé Connect ({@link ProSanteConnectIT}), read from the test plan before
 * any test runs: the shared {@link TeamServerFixture} then starts Keycloak beside PostgreSQL and the team server, not
 * after them, and a run without those tests (-Dit.test=Team*IT) starts no Keycloak at all.
 */
public final class KeycloakInPlan implements TestExecutionListener {
    private static final AtomicBoolean WANTED = new AtomicBoolean();

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        if (plan.getRoots().stream().flatMap(root -> plan.getDescendants(root).stream()).anyMatch(KeycloakInPlan::signsInWithPsc)) {
            WANTED.set(true);
        }
    }

    static boolean wanted() {
        return WANTED.get();
    }

    private static boolean signsInWithPsc(TestIdentifier test) {
        return test.getSource().filter(ClassSource.class::isInstance)
                .map(source -> ((ClassSource) source).getClassName().equals(ProSanteConnectIT.class.getName())).orElse(false);
    }
}
