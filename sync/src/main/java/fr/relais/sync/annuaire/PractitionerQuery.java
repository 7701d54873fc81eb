package fr.relais.sync.annuaire;

import fr.relais.core.careteam.Profession;
import fr.relais.core.error.BadInputException;
import fr.relais.sync.fhir.NationalDirectory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A directory search: by name, RPPS or IDNPS, profession (TRE_G15 code, or a Relais profession name), specialty
 * (savoir-faire, TRE_R38 code) and commune. At least one criterion; a commune alone would list a whole town.
 */
public record PractitionerQuery(String name, String rppsOrIdnps, String profession, String specialty, String commune) {
    public PractitionerQuery {
        name = blankToNull(name);
        rppsOrIdnps = blankToNull(rppsOrIdnps);
        profession = blankToNull(profession);
        specialty = blankToNull(specialty);
        commune = blankToNull(commune);
        if (name == null && rppsOrIdnps == null && profession == null && specialty == null) {
            throw new BadInputException("annuaire search", "annuaire.noCriterion");
        }
        if (rppsOrIdnps != null && !rppsOrIdnps.matches("[0-9]{11}|[0-9][0-9A-Za-z]{8,19}")) {
            throw new BadInputException(rppsOrIdnps, "annuaire.identifier");
        }
        if (profession != null && professionCode(profession) == null) {
            throw new BadInputException(profession, "annuaire.profession");
        }
    }

    /** The search URL relative to the API base: Practitioner-centred, or PractitionerRole-centred for a commune. */
    String relativeUrl(int pageSize) {
        List<String> p = new ArrayList<>();
        String prefix = commune == null ? "" : "practitioner.";
        if (name != null) {
            p.add(prefix + "name=" + enc(name));
        }
        if (rppsOrIdnps != null) {
            String ids = rppsOrIdnps.length() == 11
                    ? NationalDirectory.RPPS + "|" + rppsOrIdnps + "," + NationalDirectory.IDNPS + "|" + NationalDirectory.idnps(rppsOrIdnps)
                    : NationalDirectory.IDNPS + "|" + rppsOrIdnps;
            p.add(prefix + "identifier=" + enc(ids));
        }
        if (profession != null) {
            p.add(prefix + "qualification-code=" + enc(NationalDirectory.PROFESSION + "|" + professionCode(profession)));
        }
        if (specialty != null) {
            p.add(prefix + "qualification-code=" + enc(NationalDirectory.SAVOIR_FAIRE + "|" + specialty));
        }
        p.add("_count=" + pageSize);
        if (commune == null) {
            p.add("active=true");
            p.add("_revinclude=" + enc("PractitionerRole:practitioner"));
            p.add("_include:iterate=" + enc("PractitionerRole:organization"));
            return "Practitioner?" + String.join("&", p);
        }
        p.add("organization.address-city=" + enc(commune));
        p.add("active=true");
        p.add("_include=" + enc("PractitionerRole:practitioner"));
        p.add("_include=" + enc("PractitionerRole:organization"));
        return "PractitionerRole?" + String.join("&", p);
    }

    /** A TRE_G15 code as given ("60"), or the code of a Relais profession name ("infirmier"). */
    static String professionCode(String profession) {
        if (profession.matches("[0-9]{1,3}")) {
            return profession;
        }
        try {
            return NationalDirectory.professionCode(Profession.valueOf(profession.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
