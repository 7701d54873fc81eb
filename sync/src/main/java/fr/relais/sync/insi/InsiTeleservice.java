package fr.relais.sync.insi;

import fr.relais.core.identity.Ins;
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

    /** An answer: the outcome and, when one identity was found, its INS and traits as the reference base holds them. */
    record Answer(Outcome outcome, Ins ins, StrictTraits traits) {
    }

    Answer search(StrictTraits traits);

    Answer verify(Ins ins, StrictTraits traits);
}
