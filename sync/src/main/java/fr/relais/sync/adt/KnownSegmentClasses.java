package fr.relais.sync.adt;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HAPI's v2.5 model classes, with each segment's class looked up once. HAPI looks a segment it does not model (the
 * French extension's ZBE, in every IHE PAM message) up again in every message, through the class path, and finds
 * nothing each time (docs/benchmarks.md, the listener's profile): the answer, that class or none, is kept here.
 */
final class KnownSegmentClasses extends CanonicalModelClassFactory {
    private static final long serialVersionUID = 1L;

    private final transient Map<String, Optional<Class<? extends Segment>>> found = new ConcurrentHashMap<>();

    KnownSegmentClasses(String version) {
        super(version);
    }

    @Override
    public Class<? extends Segment> getSegmentClass(String name, String version) throws HL7Exception {
        String key = name + "|" + version;
        Optional<Class<? extends Segment>> known = found.get(key);
        if (known == null) {
            known = Optional.ofNullable(super.getSegmentClass(name, version));
            found.put(key, known);
        }
        return known.orElse(null);
    }
}
