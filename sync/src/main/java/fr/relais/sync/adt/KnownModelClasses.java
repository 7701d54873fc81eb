package fr.relais.sync.adt;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Group;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HAPI's v2.5 model classes, each message, group and segment class looked up once. HAPI looks each one up again for
 * every message, through the class path: a segment it does not model (the French extension's ZBE, in every IHE PAM
 * message) found missing each time, the message's structure when it parses it, the ACK's when it answers it
 * (docs/benchmarks.md, the listener's profiles). The answer, that class or none, is kept here.
 */
final class KnownModelClasses extends CanonicalModelClassFactory {
    private static final long serialVersionUID = 1L;

    private final transient Map<String, Optional<Class<? extends Segment>>> segments = new ConcurrentHashMap<>();
    private final transient Map<String, Optional<Class<? extends Message>>> messages = new ConcurrentHashMap<>();
    private final transient Map<String, Optional<Class<? extends Group>>> groups = new ConcurrentHashMap<>();

    KnownModelClasses(String version) {
        super(version);
    }

    @Override
    public Class<? extends Segment> getSegmentClass(String name, String version) throws HL7Exception {
        return known(segments, name + "|" + version, () -> super.getSegmentClass(name, version));
    }

    @Override
    public Class<? extends Message> getMessageClass(String name, String version, boolean isExplicit) throws HL7Exception {
        return known(messages, name + "|" + version + "|" + isExplicit, () -> super.getMessageClass(name, version, isExplicit));
    }

    @Override
    public Class<? extends Group> getGroupClass(String name, String version) throws HL7Exception {
        return known(groups, name + "|" + version, () -> super.getGroupClass(name, version));
    }

    private static <C> C known(Map<String, Optional<C>> found, String key, Lookup<C> lookup) throws HL7Exception {
        Optional<C> known = found.get(key);
        if (known == null) {
            known = Optional.ofNullable(lookup.find());
            found.put(key, known);
        }
        return known.orElse(null);
    }

    /** HAPI's own look-up, which may throw. */
    private interface Lookup<C> {
        C find() throws HL7Exception;
    }
}
