package fr.relais.sync.insi;

import fr.relais.core.identity.Ins;
import fr.relais.core.identity.InsiAnswer;
import fr.relais.core.identity.StrictTraits;

/**
 * The INSi teleservice of the Assurance Maladie: fetch a patient's INS from their traits (or carte Vitale), or verify
 * an INS against traits. It answers only to a caller authenticated by a CPS card or an IGC Santé certificate, through
 * a homologated (CNDA) client; Relais declares the interface so that such a client plugs in, and never invents an
 * answer meanwhile.
 */
public interface InsiTeleservice {

    /** Return codes of the teleservice: one identity found (00), none (01), several (02). */
    enum Outcome { FOUND, NONE, SEVERAL }

    /**
     * An answer: the outcome and, when one identity was found, its INS and traits as the reference base holds them.
     * Only a teleservice client of this package builds one, so that {@link #identity()}, the one object that can make
     * an identity RECUP or QUAL, never comes from typed values.
     */
    final class Answer {
        private final Outcome outcome;
        private final InsiAnswer identity;

        Answer(Outcome outcome, Ins ins, StrictTraits traits) {
            this.outcome = outcome;
            this.identity = outcome == Outcome.FOUND ? new TeleserviceAnswer(ins, traits) : null;
        }

        public Outcome outcome() {
            return outcome;
        }

        /** The identity found (outcome 00), to record with {@code PatientService.recordInsiAnswer}. */
        public java.util.Optional<InsiAnswer> identity() {
            return java.util.Optional.ofNullable(identity);
        }
    }

    /** The identity the teleservice returned. */
    final class TeleserviceAnswer extends InsiAnswer {
        private TeleserviceAnswer(Ins ins, StrictTraits traits) {
            super(ins, traits);
        }
    }

    Answer search(StrictTraits traits);

    Answer verify(Ins ins, StrictTraits traits);
}
