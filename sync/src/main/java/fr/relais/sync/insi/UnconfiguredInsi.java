package fr.relais.sync.insi;

import fr.relais.core.error.BadInputException;
import fr.relais.core.identity.Ins;
import fr.relais.core.identity.StrictTraits;

/** The teleservice on a workstation without CPS reader or IGC Santé certificate: says so, every time. */
public final class UnconfiguredInsi implements InsiTeleservice {
    @Override
    public Answer search(StrictTraits traits) {
        throw notConfigured();
    }

    @Override
    public Answer searchByVitale(VitaleReading reading) {
        throw notConfigured();
    }

    @Override
    public Answer verify(Ins ins, StrictTraits traits) {
        throw notConfigured();
    }

    private static BadInputException notConfigured() {
        return new BadInputException("INSi", "insi.notConfigured");
    }
}
