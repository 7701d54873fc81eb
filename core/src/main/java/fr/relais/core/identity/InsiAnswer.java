package fr.relais.core.identity;

import java.util.Objects;

/**
 * An identity the INSi teleservice returned (code 00: one identity found): the INS and the strict traits as the
 * national reference base holds them. It is the only way an identity becomes RECUP or QUAL on this workstation: a
 * source typed by a user ("INSI") proves nothing and is refused ({@link PatientService#register}).
 *
 * <p>Only the INSi client creates answers ({@code fr.relais.sync.insi}, from a teleservice response); the constructor
 * is protected so that no command, form or import can build one from typed values. The other subclass is the demo
 * generator's simulation, which names fictitious (test/demo OID) identities only and is therefore refused outside a
 * demonstration store, like any fictitious INS.
 */
public abstract class InsiAnswer {
    private final Ins ins;
    private final StrictTraits traits;

    protected InsiAnswer(Ins ins, StrictTraits traits) {
        this.ins = Objects.requireNonNull(ins);
        this.traits = Objects.requireNonNull(traits);
    }

    public final Ins ins() {
        return ins;
    }

    /** The strict traits of the reference base, which must be the patient's for the answer to apply. */
    public final StrictTraits traits() {
        return traits;
    }

    /** The collection method the answer stands for (INSi, or the carte Vitale application). */
    public InsSource source() {
        return InsSource.INSI;
    }
}
