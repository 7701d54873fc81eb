package fr.relais.core.demo;

import fr.relais.core.identity.Ins;
import fr.relais.core.identity.InsiAnswer;
import fr.relais.core.identity.StrictTraits;

/**
 * What the INSi teleservice would answer for a demonstration patient. It names fictitious identities only (the test
 * and demonstration OIDs), which a production store refuses, so it qualifies nothing outside a demonstration store.
 */
final class DemoInsiAnswer extends InsiAnswer {
    DemoInsiAnswer(Ins ins, StrictTraits traits) {
        super(ins, traits);
        if (!ins.oid().fictitious()) {
            throw new IllegalArgumentException("A simulated INSi answer names a fictitious identity only");
        }
    }
}
