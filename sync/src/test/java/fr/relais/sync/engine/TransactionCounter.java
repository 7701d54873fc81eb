package fr.relais.sync.engine;

import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
import fr.relais.sync.fhir.RelaisFhir;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Counts, as a HAPI client interceptor on a laptop, the transaction Bundles it sends that carry a resource of one type
 * (the push of those records), whatever else the sync reads or writes meanwhile.
 */
final class TransactionCounter implements IClientInterceptor {
    private final String resourceType;
    private int transactions;

    TransactionCounter(String resourceType) {
        this.resourceType = resourceType;
    }

    @Override
    public synchronized void interceptRequest(IHttpRequest request) {
        if (!"POST".equals(request.getHttpVerbName())) {
            return;
        }
        String body;
        try {
            body = request.getRequestBodyFromStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EncodingEnum encoding = body == null ? null : EncodingEnum.detectEncodingNoDefault(body);
        if (encoding == null) {
            return;
        }
        var resource = encoding.newParser(RelaisFhir.CONTEXT).parseResource(body);
        if (resource instanceof Bundle bundle && bundle.getType() == Bundle.BundleType.TRANSACTION
                && bundle.getEntry().stream().anyMatch(e -> e.getResource() != null && resourceType.equals(e.getResource().fhirType()))) {
            transactions++;
        }
    }

    @Override
    public void interceptResponse(IHttpResponse response) {
    }

    synchronized int transactions() {
        return transactions;
    }
}
