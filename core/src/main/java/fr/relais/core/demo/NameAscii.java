package fr.relais.core.demo;

import fr.relais.core.identity.NameKey;
import java.util.Locale;

/** A name as the local part of a fictitious mail address ("Hélène" -> "helene", "LE GALL" -> "le-gall"). */
final class NameAscii {
    private NameAscii() {
    }

    static String of(String name) {
        return NameKey.of(name).toLowerCase(Locale.ROOT).replace(' ', '-');
    }
}
