package fr.relais.sync.engine;

import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import java.util.Random;

/**
 * Network faults between a laptop and the server, seeded so a failure replays: a share of requests never leaves
 * (connection refused), a share is processed by the server but its answer is lost (connection reset), a share is
 * slow. The lost answer is the hard case: the server changed, the laptop does not know.
 */
final class FaultInjector implements IClientInterceptor {
    private final Random random;
    private final double refused;
    private final double lostAnswer;
    private final double slow;
    int injected;

    FaultInjector(long seed, double refused, double lostAnswer, double slow) {
        this.random = new Random(seed);
        this.refused = refused;
        this.lostAnswer = lostAnswer;
        this.slow = slow;
    }

    @Override
    public synchronized void interceptRequest(IHttpRequest request) {
        if (random.nextDouble() < refused) {
            injected++;
            throw new FhirClientConnectionException("injected: connection refused");
        }
    }

    @Override
    public synchronized void interceptResponse(IHttpResponse response) {
        double draw = random.nextDouble();
        if (draw < lostAnswer) {
            injected++;
            response.close();
            throw new FhirClientConnectionException("injected: connection reset, answer lost");
        }
        if (draw < lostAnswer + slow) {
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
