package fr.relais.sync.annuaire;

import fr.relais.core.directory.DirectoryEntry;
import fr.relais.sync.fhir.NationalDirectory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Resource;

/**
 * Annuaire Santé resources (Practitioner, PractitionerRole, Organization in the "as-dp" shapes) → directory entries.
 * Keys are business identifiers: IDNPS (else "8" + RPPS); a practitioner with neither is not kept, since it could not
 * be found again. Server ids only link the resources of one answer together.
 */
final class DirectoryMapper {
    private static final String INSEE_CODE = "https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-address-insee-code";

    private DirectoryMapper() {
    }

    /** The practitioners in {@code resources} (all pages of one search), with their activities. */
    static List<DirectoryEntry> entries(List<Resource> resources) {
        Map<String, Practitioner> practitioners = new LinkedHashMap<>();
        Map<String, Organization> organizations = new LinkedHashMap<>();
        List<PractitionerRole> roles = new ArrayList<>();
        for (Resource r : resources) {
            String key = r.fhirType() + "/" + r.getIdElement().getIdPart();
            if (r instanceof Practitioner p) {
                practitioners.putIfAbsent(key, p);
            } else if (r instanceof Organization o) {
                organizations.putIfAbsent(key, o);
            } else if (r instanceof PractitionerRole role) {
                roles.add(role);
            }
        }
        List<DirectoryEntry> entries = new ArrayList<>();
        for (Map.Entry<String, Practitioner> e : practitioners.entrySet()) {
            List<DirectoryEntry.Activity> activities = roles.stream()
                    .filter(role -> e.getKey().equals(reference(role.getPractitioner().getReference())))
                    .map(role -> activity(role, organizations.get(reference(role.getOrganization().getReference())))).toList();
            DirectoryEntry entry = entry(e.getValue(), activities);
            if (entry != null) {
                entries.add(entry);
            }
        }
        return entries;
    }

    private static DirectoryEntry entry(Practitioner p, List<DirectoryEntry.Activity> activities) {
        String idnps = identifier(p.getIdentifier(), NationalDirectory.IDNPS);
        String rpps = identifier(p.getIdentifier(), NationalDirectory.RPPS);
        if (rpps == null && idnps != null && idnps.startsWith("8") && idnps.length() == 12) {
            rpps = idnps.substring(1);
        }
        if (idnps == null && rpps != null) {
            idnps = NationalDirectory.idnps(rpps);
        }
        if (idnps == null) {
            return null;
        }
        String family = p.hasName() ? p.getNameFirstRep().getFamily() : null;
        String given = p.hasName() && p.getNameFirstRep().hasGiven() ? p.getNameFirstRep().getGivenAsSingleString() : null;
        String profession = null;
        List<String> specialties = new ArrayList<>();
        for (Practitioner.PractitionerQualificationComponent q : p.getQualification()) {
            for (Coding c : q.getCode().getCoding()) {
                if (NationalDirectory.PROFESSION.equals(c.getSystem()) && profession == null) {
                    profession = c.getCode();
                } else if (NationalDirectory.SAVOIR_FAIRE.equals(c.getSystem())) {
                    specialties.add(c.getCode());
                }
            }
        }
        // A closed record (active=false) carries no name: null, so that the cache keeps the last known one.
        return new DirectoryEntry(idnps, rpps, family == null ? null : family.toUpperCase(java.util.Locale.ROOT), given, profession,
                NationalDirectory.profession(profession), specialties, mailboxes(p.getTelecom()), !p.hasActive() || p.getActive(),
                p.getMeta().getLastUpdated() == null ? null : p.getMeta().getLastUpdated().toInstant(), activities);
    }

    private static DirectoryEntry.Activity activity(PractitionerRole role, Organization org) {
        String identifier = role.hasIdentifier() ? role.getIdentifierFirstRep().getValue() : role.getIdElement().getIdPart();
        if (org == null) {
            return new DirectoryEntry.Activity(identifier, null, null, null, null, null, null, mailboxes(role.getTelecom()));
        }
        Address address = org.hasAddress() ? org.getAddressFirstRep() : new Address();
        String insee = null;
        var inseeExtension = address.getExtensionByUrl(INSEE_CODE);
        if (inseeExtension != null && inseeExtension.getValue() instanceof Coding c) {
            insee = c.getCode();
        }
        List<String> mailboxes = new ArrayList<>(mailboxes(role.getTelecom()));
        mailboxes(org.getTelecom()).stream().filter(m -> !mailboxes.contains(m)).forEach(mailboxes::add);
        return new DirectoryEntry.Activity(identifier, org.getName(), identifier(org.getIdentifier(), NationalDirectory.FINESS),
                identifier(org.getIdentifier(), NationalDirectory.SIRET), address.getCity(), insee, address.getPostalCode(), mailboxes);
    }

    /** MSSanté mailboxes: emails typed MSSANTE (FR Core) or carrying the directory's mailbox metadata. */
    private static List<String> mailboxes(List<ContactPoint> telecom) {
        return telecom.stream().filter(t -> t.getSystem() == ContactPoint.ContactPointSystem.EMAIL && t.hasValue())
                .filter(t -> t.getExtension().stream().anyMatch(x -> NationalDirectory.MAILBOX_METADATA.equals(x.getUrl())
                        || x.getValue() instanceof Coding c && "MSSANTE".equals(c.getCode())))
                .map(ContactPoint::getValue).toList();
    }

    private static String identifier(List<Identifier> identifiers, String system) {
        return identifiers.stream().filter(i -> system.equals(i.getSystem())).map(Identifier::getValue).findFirst().orElse(null);
    }

    /** "Practitioner/123" from an absolute or relative reference (the directory answers with either). */
    private static String reference(String ref) {
        if (ref == null) {
            return null;
        }
        String[] parts = ref.split("/");
        return parts.length < 2 ? ref : parts[parts.length - 2] + "/" + parts[parts.length - 1];
    }
}
