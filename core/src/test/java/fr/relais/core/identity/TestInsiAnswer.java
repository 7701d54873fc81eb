package fr.relais.core.identity;

/**
 * The INSi teleservice's answer in tests (an identity found in the reference base): tests qualify identities the way
 * the product does, through an answer, never by declaring a source. Test OIDs keep them fictitious.
 */
public final class TestInsiAnswer extends InsiAnswer {
    public TestInsiAnswer(Ins ins, StrictTraits traits) {
        super(ins, traits);
    }

    /** Registers the patient, records a document if given, then the INSi answer: RECUP, or QUAL with a document. */
    public static Patient registerFromInsi(PatientService patients, NewPatient typed, Ins ins, IdentityDocument document) {
        Patient created = patients.register(new NewPatient(typed.traits(), typed.usedFamilyName(), typed.usedGivenName(),
                typed.ipp(), null, new IdentityEvidence(InsSource.SM, document), null)).patient();
        return patients.recordInsiAnswer(created.id(), new TestInsiAnswer(ins, typed.traits()), "INSi");
    }
}
