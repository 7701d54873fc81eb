package fr.relais.sync.fhir;

import fr.relais.core.error.BadInputException;
import fr.relais.core.identity.BirthDatePrecision;
import fr.relais.core.identity.IdentityDocument;
import fr.relais.core.identity.IdentityEvidence;
import fr.relais.core.identity.IdentityStatus;
import fr.relais.core.identity.Ins;
import fr.relais.core.identity.InsMatricule;
import fr.relais.core.identity.InsOid;
import fr.relais.core.identity.InsSource;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.Sex;
import fr.relais.core.identity.StrictTraits;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.StringType;

/**
 * Patient ↔ FHIR Patient (FR Core). The identity status travels with its evidence (identity-reliability extension);
 * what the server states is re-derived from that evidence on the way in ({@code PatientService.applySynced}). The mapping goes through a flat map of the fields Relais models ({@link #FIELDS}),
 * the unit of three-way merges and of conflicts. {@link #write} sets those fields on a copy of the server's resource
 * and leaves every other element as it was, so a round trip through Relais loses nothing. The INS leaves Relais only
 * for a qualified identity (RNIV); other identities travel with the IPP and their traits.
 */
public final class PatientMapper {
    public static final List<String> FIELDS = List.of("birthFamilyName", "birthGivenNames", "sex", "birthDate", "birthplace",
            "usedFamilyName", "usedGivenName", "ipp", "ins", "identityStatus", "insSource", "identityDocument", "replacedBy",
            "replaces");

    /**
     * The security label an anonymised Patient carries (HL7 v3 ObservationValue "ANONYED", anonymized: the custodian
     * removed what identifies the subject), so that every workstation that reads it erases its own copy too.
     */
    public static final String SECURITY_OBSERVATION_VALUE = "http://terminology.hl7.org/CodeSystem/v3-ObservationValue";
    public static final String ANONYMISED = "ANONYED";

    private PatientMapper() {
    }

    /** Labels the Patient as anonymised ({@code meta.security}), other labels kept. */
    public static void markAnonymised(org.hl7.fhir.r4.model.Patient target) {
        if (!anonymised(target)) {
            target.getMeta().addSecurity(new Coding(SECURITY_OBSERVATION_VALUE, ANONYMISED, "anonymized"));
        }
    }

    /** Whether the Patient carries the anonymised security label, whoever wrote it. */
    public static boolean anonymised(org.hl7.fhir.r4.model.Patient r) {
        return r.getMeta().getSecurity(SECURITY_OBSERVATION_VALUE, ANONYMISED) != null;
    }

    /** The shared fields of a local patient (the INS only when it may be exchanged). */
    public static Map<String, String> fields(Patient p) {
        Map<String, String> f = new LinkedHashMap<>();
        // A name the record never had stays absent (not an empty name): a round trip adds nothing.
        f.put("birthFamilyName", blankToNull(p.traits().birthFamilyName()));
        f.put("birthGivenNames", blankToNull(p.traits().givenNamesText()));
        f.put("sex", p.traits().sex().name());
        f.put("birthDate", p.traits().birthDateIso()); // "1939" stays "1939": no day or month invented
        f.put("birthplace", p.traits().birthplaceCode());
        f.put("usedFamilyName", p.usedFamilyName());
        f.put("usedGivenName", p.usedGivenName());
        f.put("ipp", p.ipp());
        f.put("ins", p.exchangeableIns().map(i -> i.matricule().value() + "|" + i.oid().oid()).orElse(null));
        f.put("identityStatus", p.status().name());
        f.put("insSource", p.evidence().insSource().name());
        f.put("identityDocument", p.evidence().document() == null ? null : p.evidence().document().code());
        f.put("replacedBy", p.replacedBy() == null ? null : p.replacedBy().toString());
        f.put("replaces", p.replaces().isEmpty() ? null : String.join(",", p.replaces().stream().map(UUID::toString).toList()));
        return f;
    }

    /**
     * The same fields read from a FHIR Patient; elements Relais does not model are ignored here (and kept by write).
     * The IPP is the identifier in the organisation's namespace ({@code ipp}); one written before the namespace was
     * configurable ({@link IppNamespace#LEGACY_SYSTEM}) is read when there is no other, and replaced at the next push.
     */
    public static Map<String, String> fields(org.hl7.fhir.r4.model.Patient r, IppNamespace ipp) {
        Map<String, String> f = new LinkedHashMap<>();
        FIELDS.forEach(k -> f.put(k, null));
        for (HumanName name : r.getName()) {
            if (name.getUse() == HumanName.NameUse.OFFICIAL) {
                f.put("birthFamilyName", name.getFamily());
                // FR Core carries the whole list of birth given names in an extension, the first one alone in given.
                f.put("birthGivenNames", birthGivenNames(name));
            } else if (name.getUse() == HumanName.NameUse.USUAL) {
                f.put("usedFamilyName", name.getFamily());
                f.put("usedGivenName", name.getGiven().isEmpty() ? null : name.getGiven().get(0).getValue());
            }
        }
        f.put("sex", r.getGender() == null ? null : switch (r.getGender()) {
            case FEMALE -> "F";
            case MALE -> "M";
            default -> "U";
        });
        f.put("birthDate", r.getBirthDateElement().getValueAsString());
        Extension birthPlace = r.getExtensionByUrl(FrCore.BIRTH_PLACE);
        if (birthPlace != null && birthPlace.getValue() instanceof Address address) {
            Extension insee = address.getExtensionByUrl(FrCore.INSEE_CODE);
            if (insee != null && insee.getValue() instanceof Coding c) {
                f.put("birthplace", c.getCode());
            }
        }
        String foreignIpp = null;
        for (Identifier id : r.getIdentifier()) {
            if (ipp.system().equals(id.getSystem())
                    || IppNamespace.LEGACY_SYSTEM.equals(id.getSystem()) && f.get("ipp") == null) {
                f.put("ipp", id.getValue());
            } else if (insOid(id.getSystem()) != null) {
                f.put("ins", id.getValue() + "|" + insOid(id.getSystem()).oid());
            } else if (foreignIpp == null && ipp.readsAsForeignIpp(id.getSystem())) {
                foreignIpp = id.getValue();
            }
        }
        if (f.get("ipp") == null && foreignIpp != null) {
            f.put("ipp", foreignIpp); // the other system's number the organisation takes as its IPP
        }
        Extension reliability = r.getExtensionByUrl(FrCore.IDENTITY_RELIABILITY);
        if (reliability != null) {
            f.put("identityStatus", code(reliability, "identityStatus"));
            f.put("insSource", code(reliability, "methodCollection"));
            f.put("identityDocument", code(reliability, "validationMode"));
        }
        putMergeLinks(r, f);
        return f;
    }

    /**
     * A merge as the server states it, by local id: {@code replacedBy} the surviving record, {@code replaces} the
     * records merged into this one. Another system's link names a server id ({@code Patient/1001}): its local id is the
     * one derived from it, the same on every laptop, whether that patient is held here yet or not. {@code seealso} and
     * {@code refer} links (another record of the same person, not merged) are not modelled and stay on the server.
     */
    private static void putMergeLinks(org.hl7.fhir.r4.model.Patient r, Map<String, String> f) {
        List<String> replaces = new java.util.ArrayList<>();
        String replacedBy = null;
        for (org.hl7.fhir.r4.model.Patient.PatientLinkComponent link : r.getLink()) {
            var other = link.getOther().getReferenceElement();
            if (!"Patient".equals(other.getResourceType()) || !other.hasIdPart()) {
                continue; // a RelatedPerson, or a patient named by identifier only: nothing to tie here
            }
            String local = ObservationMapper.localId(other.getIdPart()).toString();
            if (link.getType() == org.hl7.fhir.r4.model.Patient.LinkType.REPLACEDBY) {
                replacedBy = local;
            } else if (link.getType() == org.hl7.fhir.r4.model.Patient.LinkType.REPLACES) {
                replaces.add(local);
            }
        }
        f.put("replacedBy", replacedBy);
        f.put("replaces", replaces.isEmpty() ? null : String.join(",", replaces));
    }

    /** Sets the modelled fields on {@code target} (a copy of the server's version, or a new resource). */
    public static void write(Map<String, String> f, org.hl7.fhir.r4.model.Patient target, IppNamespace ipp) {
        boolean qualified = f.get("ins") != null;
        // Relais states the profiles of a Patient it creates, and keeps them true on one that claims FR Core's (the INS
        // profile follows the INS); another system's Patient that claims no FR Core profile keeps its profiles as written.
        boolean claimsFrCore = !target.getIdElement().hasIdPart()
                || target.getMeta().getProfile().stream().anyMatch(p -> FrCore.PATIENT_PROFILE.equals(p.getValue()));
        target.getMeta().getProfile().removeIf(p -> FrCore.PATIENT_INS_PROFILE.equals(p.getValue()));
        if (claimsFrCore && target.getMeta().getProfile().stream().noneMatch(p -> FrCore.PATIENT_PROFILE.equals(p.getValue()))) {
            target.getMeta().addProfile(FrCore.PATIENT_PROFILE);
        }
        if (claimsFrCore && qualified) {
            target.getMeta().getProfile().add(new CanonicalType(FrCore.PATIENT_INS_PROFILE));
        }
        // The INS as received (assigner, period, extensions, its writer's type coding) stays while it is the INS here;
        // only a changed or withdrawn INS is rewritten.
        String ins = f.get("ins");
        target.getIdentifier().removeIf(id -> ipp.system().equals(id.getSystem()) || IppNamespace.LEGACY_SYSTEM.equals(id.getSystem())
                || insOid(id.getSystem()) != null && !(id.getValue() + "|" + insOid(id.getSystem()).oid()).equals(ins));
        boolean insKept = ins != null && target.getIdentifier().stream()
                .anyMatch(id -> insOid(id.getSystem()) != null && ins.equals(id.getValue() + "|" + insOid(id.getSystem()).oid()));
        // An IPP the other system's identifier already carries is not written again in the organisation's namespace.
        boolean carriedByForeign = f.get("ipp") != null && target.getIdentifier().stream()
                .anyMatch(id -> ipp.readsAsForeignIpp(id.getSystem()) && f.get("ipp").equals(id.getValue()));
        if (f.get("ipp") != null && !carriedByForeign) {
            target.addIdentifier().setUse(Identifier.IdentifierUse.USUAL).setSystem(ipp.system()).setValue(f.get("ipp"))
                    .setType(new CodeableConcept(new Coding(FrCore.HL7_IDENTIFIER_TYPE, "PI", null)));
        }
        if (qualified && !insKept) {
            String[] parts = ins.split("\\|");
            InsOid oid = InsOid.parse("ins", parts[1]);
            target.addIdentifier().setUse(oid == InsOid.NIA ? Identifier.IdentifierUse.TEMP : Identifier.IdentifierUse.OFFICIAL)
                    .setSystem("urn:oid:" + oid.oid()).setValue(parts[0])
                    .setType(new CodeableConcept(new Coding(FrCore.IDENTIFIER_TYPE, oid.typeCode(), null)));
        }
        writeNames(f, target);
        target.setGender(f.get("sex") == null ? null : switch (f.get("sex")) {
            case "F" -> AdministrativeGender.FEMALE;
            case "M" -> AdministrativeGender.MALE;
            default -> AdministrativeGender.UNKNOWN;
        });
        if (!Objects.equals(f.get("birthDate"), target.getBirthDateElement().getValueAsString())) {
            target.setBirthDateElement(f.get("birthDate") == null ? null : new DateType(f.get("birthDate")));
        }
        writeBirthPlace(f.get("birthplace"), target);
        writeReliability(f, target);
        // A merged duplicate: the replaced record points at its survivor, the survivor at the records it replaced.
        // Links are rewritten only when the merge changed here: the server's own (another system's merge, its
        // seealso links) stay as written.
        Map<String, String> onTarget = new java.util.HashMap<>();
        putMergeLinks(target, onTarget);
        if (Objects.equals(onTarget.get("replacedBy"), f.get("replacedBy")) && Objects.equals(onTarget.get("replaces"), f.get("replaces"))) {
            return;
        }
        target.getLink().removeIf(l -> l.getType() == org.hl7.fhir.r4.model.Patient.LinkType.REPLACEDBY
                || l.getType() == org.hl7.fhir.r4.model.Patient.LinkType.REPLACES);
        if (f.get("replacedBy") != null) {
            target.addLink().setType(org.hl7.fhir.r4.model.Patient.LinkType.REPLACEDBY)
                    .setOther(new org.hl7.fhir.r4.model.Reference("Patient/" + f.get("replacedBy")));
            target.setActive(false);
        }
        if (f.get("replaces") != null) {
            for (String replaced : f.get("replaces").split(",")) {
                target.addLink().setType(org.hl7.fhir.r4.model.Patient.LinkType.REPLACES)
                        .setOther(new org.hl7.fhir.r4.model.Reference("Patient/" + replaced));
            }
        }
    }

    /**
     * The official and used names, edited in place: a name whose modelled parts did not change stays as received
     * (prefix, suffix, period, extensions), and a changed one keeps what Relais does not model.
     */
    private static void writeNames(Map<String, String> f, org.hl7.fhir.r4.model.Patient target) {
        HumanName official = target.getName().stream().filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL).findFirst().orElse(null);
        if (official == null && f.get("birthFamilyName") == null && f.get("birthGivenNames") == null) {
            writeUsedName(f, target); // a record without an official name (another system's provisional identity) gets none
            return;
        }
        if (official == null) {
            official = new HumanName().setUse(HumanName.NameUse.OFFICIAL);
            target.getName().add(0, official);
        }
        official.setFamily(f.get("birthFamilyName"));
        String givenNames = f.get("birthGivenNames");
        if (!Objects.equals(givenNames, birthGivenNames(official))) {
            official.getGiven().clear();
            official.removeExtension(FrCore.BIRTH_LIST_GIVEN_NAME);
            if (givenNames != null) {
                // fr-core-patient-ins: given 1..1 is the first birth given name; the whole list goes in the extension.
                official.addGiven(givenNames.split(" ")[0]);
                official.addExtension(FrCore.BIRTH_LIST_GIVEN_NAME, new StringType(givenNames));
            }
        }
        writeUsedName(f, target);
    }

    private static void writeUsedName(Map<String, String> f, org.hl7.fhir.r4.model.Patient target) {
        HumanName usual = target.getName().stream().filter(n -> n.getUse() == HumanName.NameUse.USUAL).findFirst().orElse(null);
        if (f.get("usedFamilyName") == null && f.get("usedGivenName") == null) {
            target.getName().removeIf(n -> n.getUse() == HumanName.NameUse.USUAL);
            return;
        }
        if (usual == null) {
            usual = target.addName().setUse(HumanName.NameUse.USUAL);
        }
        usual.setFamily(f.get("usedFamilyName"));
        String firstGiven = usual.getGiven().isEmpty() ? null : usual.getGiven().get(0).getValue();
        if (!Objects.equals(f.get("usedGivenName"), firstGiven)) {
            usual.getGiven().clear();
            if (f.get("usedGivenName") != null) {
                usual.addGiven(f.get("usedGivenName"));
            }
        }
    }

    /** The birth given names an official name carries: the FR Core list extension, else its given names. */
    private static String birthGivenNames(HumanName name) {
        Extension birthList = name.getExtensionByUrl(FrCore.BIRTH_LIST_GIVEN_NAME);
        String list = birthList != null && birthList.getValue() instanceof StringType text ? blankToNull(text.getValue()) : null;
        return list != null ? list : blankToNull(String.join(" ", name.getGiven().stream().map(StringType::getValue).toList()));
    }

    /** The birthplace as received while its INSEE code is the same (city, postal code, country, display); else anew. */
    private static void writeBirthPlace(String code, org.hl7.fhir.r4.model.Patient target) {
        Extension current = target.getExtensionByUrl(FrCore.BIRTH_PLACE);
        if (current != null && current.getValue() instanceof Address address) {
            Extension insee = address.getExtensionByUrl(FrCore.INSEE_CODE);
            if (insee != null && insee.getValue() instanceof Coding c && Objects.equals(code, c.getCode())) {
                return;
            }
        }
        target.getExtension().removeIf(e -> FrCore.BIRTH_PLACE.equals(e.getUrl()));
        if (code != null) {
            Address place = new Address();
            place.addExtension(FrCore.INSEE_CODE, new Coding(FrCore.COMMUNE, code, null));
            target.addExtension(FrCore.BIRTH_PLACE, place);
        }
    }

    /**
     * The identity-reliability extension, edited in place: a sub-extension whose code did not change stays as
     * received (its system, display), a changed one is written in FR Core's code system, and the sub-extensions
     * Relais does not model (validationDate, dateCollection, comment) stay. On the server's copy of a record, a
     * sub-extension the server lacks stays absent while the value here is what its absence is read as (status PROV,
     * collection mode SM, no validation mode): Relais does not state identity-reliability data nobody gave it, and a
     * record without the extension gets none unless its identity changed here.
     */
    private static void writeReliability(Map<String, String> f, org.hl7.fhir.r4.model.Patient target) {
        boolean serverCopy = target.getIdElement().hasIdPart();
        Extension reliability = target.getExtensionByUrl(FrCore.IDENTITY_RELIABILITY);
        if (reliability == null) {
            reliability = target.addExtension().setUrl(FrCore.IDENTITY_RELIABILITY);
        }
        writeCode(reliability, "identityStatus", FrCore.IDENTITY_STATUS, f.get("identityStatus"), serverCopy ? IdentityStatus.PROV.name() : null);
        writeCode(reliability, "methodCollection", FrCore.METHOD_COLLECTION, f.get("insSource"), serverCopy ? InsSource.SM.name() : null);
        writeCode(reliability, "validationMode", FrCore.VALIDATION_MODE, f.get("identityDocument"), null);
        if (!reliability.hasExtension()) {
            target.getExtension().removeIf(e -> FrCore.IDENTITY_RELIABILITY.equals(e.getUrl()));
        }
    }

    /** {@code absentReadsAs}: the value an absent sub-extension is read as, left absent when that is the value here. */
    private static void writeCode(Extension parent, String name, String system, String code, String absentReadsAs) {
        if (code != null && code.equals(code(parent, name))) {
            return;
        }
        if (parent.getExtensionByUrl(name) == null && code != null && code.equals(absentReadsAs)) {
            return;
        }
        int at = parent.getExtension().indexOf(parent.getExtensionByUrl(name));
        parent.removeExtension(name);
        if (code != null) {
            Extension written = new Extension(name, new Coding(system, code, null));
            parent.getExtension().add(at < 0 ? parent.getExtension().size() : at, written);
        }
    }

    /**
     * A local patient from merged fields. {@code current} (may be null) keeps what never leaves Relais: an INS of an
     * identity that is not qualified, and the creation times.
     */
    public static Patient toLocal(UUID id, Map<String, String> f, Patient current, String source) {
        try {
            String birthDate = required(f, "birthDate", source);
            StrictTraits traits = new StrictTraits(orEmpty(f, "birthFamilyName", "usedFamilyName"),
                    givenNames(orEmpty(f, "birthGivenNames", "usedGivenName")), Sex.valueOf(required(f, "sex", source)),
                    BirthDatePrecision.firstDay(birthDate), f.get("birthplace"), BirthDatePrecision.ofIso(birthDate));
            IdentityStatus status = f.get("identityStatus") == null ? IdentityStatus.PROV : IdentityStatus.valueOf(f.get("identityStatus"));
            Ins ins = null;
            if (f.get("ins") != null) {
                String[] parts = f.get("ins").split("\\|");
                ins = new Ins(InsMatricule.parse("ins", parts[0]), InsOid.parse("ins", parts[1]));
            } else if (current != null && !status.allowsInsExchange()) {
                ins = current.ins();
            }
            IdentityEvidence evidence = new IdentityEvidence(f.get("insSource") == null ? InsSource.SM : InsSource.parse("insSource", f.get("insSource")),
                    f.get("identityDocument") == null ? null : IdentityDocument.parse("identityDocument", f.get("identityDocument")));
            Instant created = current == null ? null : current.createdAt();
            List<UUID> replaces = f.get("replaces") == null ? List.of()
                    : Arrays.stream(f.get("replaces").split(",")).map(UUID::fromString).toList();
            return new Patient(id, traits, f.get("usedFamilyName"), f.get("usedGivenName"), f.get("ipp"), ins, status, evidence,
                    current == null ? null : current.statusChangedAt(), created, current == null ? null : current.updatedAt(),
                    f.get("replacedBy") == null ? null : UUID.fromString(f.get("replacedBy")), replaces);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw FhirRefusal.of(source, "fhir.patient", e);
        }
    }

    private static String required(Map<String, String> f, String field, String source) {
        String value = f.get(field);
        if (value == null || value.isBlank()) {
            throw new BadInputException(source, "fhir.patientField", new BadInputException.Reason("fhir.field." + field));
        }
        return value;
    }

    /**
     * A birth name, or the used name when the server holds no official one: FR Core allows a provisional identity
     * known only by its used name (an emergency admission), and its traits are then the ones declared. With neither
     * (no name at all, or a family name without given names) the trait is empty: the identity is read, provisional,
     * and shown with a placeholder ({@code StrictTraits#complete}).
     */
    private static String orEmpty(Map<String, String> f, String field, String fallback) {
        String value = f.get(field) == null || f.get(field).isBlank() ? f.get(fallback) : f.get(field);
        return value == null ? "" : value.trim();
    }

    private static List<String> givenNames(String text) {
        return text.isBlank() ? List.of() : List.of(text.split(" +"));
    }

    private static InsOid insOid(String system) {
        if (system == null || !system.startsWith("urn:oid:")) {
            return null;
        }
        for (InsOid oid : InsOid.values()) {
            if (system.equals("urn:oid:" + oid.oid())) {
                return oid;
            }
        }
        return null;
    }

    private static String code(Extension parent, String name) {
        Extension e = parent.getExtensionByUrl(name);
        return e != null && e.getValue() instanceof Coding c ? c.getCode() : null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Whether another system records the patient as deceased: {@code deceasedBoolean} true, or any {@code deceasedDateTime}. */
    public static boolean deceased(org.hl7.fhir.r4.model.Patient r) {
        return r.hasDeceasedDateTimeType() || r.hasDeceasedBooleanType() && r.getDeceasedBooleanType().booleanValue();
    }

    /**
     * The day of death: as written for a date, the Paris day for a time; null when none is given or it is only a year
     * or a month (the patient is still shown deceased, without a day).
     */
    public static java.time.LocalDate deceasedOn(org.hl7.fhir.r4.model.Patient r) {
        if (!r.hasDeceasedDateTimeType() || r.getDeceasedDateTimeType().getValue() == null) {
            return null;
        }
        org.hl7.fhir.r4.model.DateTimeType when = r.getDeceasedDateTimeType();
        return switch (when.getPrecision()) {
            case YEAR, MONTH -> null;
            case DAY -> java.time.LocalDate.of(when.getYear(), when.getMonth() + 1, when.getDay());
            default -> when.getValue().toInstant().atZone(fr.relais.core.time.CareZone.PARIS).toLocalDate();
        };
    }
}
