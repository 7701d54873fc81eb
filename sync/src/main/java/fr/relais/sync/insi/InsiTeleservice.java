package fr.relais.sync.insi;

import fr.relais.core.identity.Ins;
import fr.relais.core.identity.InsiAnswer;
import fr.relais.core.identity.StrictTraits;
import java.util.List;

/**
 * The INSi teleservice of the Assurance Maladie: fetch a patient's INS from their traits or from a carte Vitale
 * reading, or verify an INS against traits. It answers only to a caller authenticated by a CPS card or an IGC Santé
 * certificate, through a homologated (CNDA) client ({@link InsiSoapClient}); without one, {@link UnconfiguredInsi}
 * says so and never invents an answer.
 */
public interface InsiTeleservice {

    /**
     * What the teleservice said: one identity found (code 00), none (01), several (02: homonyms, the base names none
     * of them), or, on verification, an identity whose reference traits differ from the ones asked about.
     */
    enum Outcome { FOUND, NONE, SEVERAL, MISMATCH }

    /**
     * An answer: the outcome and, when one identity was found, its INS and traits as the reference base holds them.
     * Only a teleservice client of this package builds one, so that {@link #identity()}, the one object that can make
     * an identity RECUP or QUAL, never comes from typed values.
     */
    final class Answer {
        private final Outcome outcome;
        private final InsiAnswer identity;
        private final List<TraitDifference> differences;

        Answer(Outcome outcome, Ins ins, StrictTraits traits) {
            this(outcome, ins, traits, List.of());
        }

        Answer(Outcome outcome, Ins ins, StrictTraits traits, List<TraitDifference> differences) {
            this.outcome = outcome;
            this.identity = outcome == Outcome.FOUND ? new TeleserviceAnswer(ins, traits) : null;
            this.differences = List.copyOf(differences);
        }

        public Outcome outcome() {
            return outcome;
        }

        /** The identity found (outcome 00), to record with {@code PatientService.recordInsiAnswer}. */
        public java.util.Optional<InsiAnswer> identity() {
            return java.util.Optional.ofNullable(identity);
        }

        /** On a verification whose traits differ: each differing trait, the file's value and the reference's. */
        public List<TraitDifference> differences() {
            return differences;
        }
    }

    /** The identity the teleservice returned. */
    final class TeleserviceAnswer extends InsiAnswer {
        private TeleserviceAnswer(Ins ins, StrictTraits traits) {
            super(ins, traits);
        }
    }

    Answer search(StrictTraits traits);

    /** Search from the carte Vitale read at the desk: the insured's number, the beneficiary's birth date and rank. */
    Answer searchByVitale(VitaleReading reading);

    Answer verify(Ins ins, StrictTraits traits);
}
