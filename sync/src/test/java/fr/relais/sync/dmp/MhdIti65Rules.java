package fr.relais.sync.dmp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.ListResource;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The IHE MHD rules of an ITI-65 "Provide Document Bundle" with Comprehensive metadata, checked one by one: the MHD
 * implementation guide's packages (ihe.iti.mhd) are not on Maven Central, so HAPI's validator cannot load them
 * offline; these are the constraints of its profiles, as IHE publishes them (MHD 4.2.x, profiles
 * IHE.MHD.Comprehensive.ProvideBundle, IHE.MHD.Comprehensive.SubmissionSet (on IHE.MHD.List),
 * IHE.MHD.Comprehensive.DocumentReference, the UniqueId / EntryUUID identifier profiles, and ITI TF-2 3.65.4.1.2).
 * docs/national-services.md lists them with their source. Each message names the element, the rule and the profile.
 */
final class MhdIti65Rules {
    static final String MHD = "https://profiles.ihe.net/ITI/MHD/StructureDefinition/";
    static final String DESIGNATION_TYPE = MHD + "ihe-designationType";
    static final String SOURCE_ID = MHD + "ihe-sourceId";
    static final String LIST_TYPES = "https://profiles.ihe.net/ITI/MHD/CodeSystem/MHDlistTypes";
    private static final String RFC3986 = "urn:ietf:rfc:3986";

    private final List<String> violations = new ArrayList<>();

    private MhdIti65Rules() {
    }

    /** What {@code bundle} breaks of the rules above; empty when it meets them all. */
    static List<String> violations(Bundle bundle) {
        MhdIti65Rules rules = new MhdIti65Rules();
        rules.check(bundle);
        return List.copyOf(rules.violations);
    }

    private void require(boolean met, String rule) {
        if (!met) {
            violations.add(rule);
        }
    }

    private void check(Bundle bundle) {
        require(!bundle.getMeta().getProfile().isEmpty(), "Bundle.meta.profile 1..* (IHE.MHD.Minimal.ProvideBundle)");
        require(bundle.getType() == Bundle.BundleType.TRANSACTION, "Bundle.type = transaction (ProvideBundle; ITI-65 is a FHIR transaction)");
        Set<String> fullUrls = new HashSet<>();
        List<ListResource> submissionSets = new ArrayList<>();
        List<DocumentReference> documents = new ArrayList<>();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            Resource resource = entry.getResource();
            String type = resource == null ? "?" : resource.fhirType();
            require(entry.hasFullUrl() && entry.getFullUrl().startsWith("urn:uuid:"),
                    type + " entry: fullUrl 1..1, a urn:uuid: the other entries reference (ITI TF-2 3.65.4.1.2)");
            require(fullUrls.add(entry.getFullUrl()), type + " entry: fullUrl unique in the bundle");
            require(entry.getRequest().getMethod() == Bundle.HTTPVerb.POST && type.equals(entry.getRequest().getUrl()),
                    type + " entry: request POST " + type + " (ProvideBundle entry slices: request.method = POST)");
            if (resource instanceof ListResource list && list.getCode().hasCoding(LIST_TYPES, "submissionset")) {
                submissionSets.add(list);
            } else if (resource instanceof DocumentReference document) {
                documents.add(document);
            } else if (!(resource instanceof Binary) && !(resource instanceof ListResource)
                    && !(resource instanceof org.hl7.fhir.r4.model.Patient)) {
                violations.add(type + " entry: a ProvideBundle holds only the SubmissionSet, DocumentReference, Binary, Folder (List) and Patient");
            }
        }
        require(submissionSets.size() == 1, "entry[SubmissionSet] 1..1: one List coded MHDlistTypes#submissionset (ProvideBundle)");
        submissionSets.forEach(set -> submissionSet(set, bundle));
        documents.forEach(document -> documentReference(document, bundle));
    }

    private void submissionSet(ListResource set, Bundle bundle) {
        String at = "SubmissionSet (List)";
        Extension sourceId = set.getExtensionByUrl(SOURCE_ID);
        require(sourceId != null && sourceId.getValue() instanceof Identifier id && id.hasValue() && id.getValue().startsWith("urn:oid:"),
                at + ".extension[sourceId] 1..1, an Identifier holding an OID (ihe-sourceId)");
        Extension designation = set.getExtensionByUrl(DESIGNATION_TYPE);
        require(designation != null && designation.getValue() instanceof org.hl7.fhir.r4.model.CodeableConcept code && code.hasCoding(),
                at + ".extension[designationType] 1..1, a CodeableConcept: the contentTypeCode (IHE.MHD.UnContained.Comprehensive.SubmissionSet)");
        List<Identifier> uniqueIds = set.getIdentifier().stream().filter(i -> i.getUse() == Identifier.IdentifierUse.USUAL).toList();
        require(uniqueIds.size() == 1 && RFC3986.equals(uniqueIds.get(0).getSystem()) && uniqueIds.get(0).getValue().startsWith("urn:oid:"),
                at + ".identifier[uniqueId] 1..1: use usual, system urn:ietf:rfc:3986, value urn:oid: (SubmissionSetUniqueIdIdentifier, mhd-startswithoid)");
        set.getIdentifier().stream().filter(i -> i.getUse() == Identifier.IdentifierUse.OFFICIAL).forEach(i ->
                require(RFC3986.equals(i.getSystem()) && i.getValue().startsWith("urn:uuid:"),
                        at + ".identifier[entryUUID]: system urn:ietf:rfc:3986, value urn:uuid: (EntryUUIDIdentifier, mhd-startswithuuid)"));
        require(set.getIdentifier().size() >= 2, at + ".identifier 2..* (uniqueId and entryUUID; IHE.MHD.Minimal.SubmissionSet)");
        require(set.getStatus() == ListResource.ListStatus.CURRENT, at + ".status = current");
        require(set.getMode() == ListResource.ListMode.WORKING, at + ".mode = working");
        require(set.hasDate(), at + ".date 1..1 (submissionTime)");
        require(set.getSubject().hasReference() || set.getSubject().hasIdentifier(), at + ".subject 1..1 (patientId; Comprehensive)");
        require(!set.hasEncounter() && !set.hasOrderedBy() && !set.hasEmptyReason(), at + ": encounter, orderedBy, emptyReason 0..0");
        require(!set.getSource().hasReference() || set.getSource().getReference().startsWith("#"),
                at + ".source: a contained author (IHE.MHD.Comprehensive.SubmissionSet, aggregation contained)");
        require(!set.getEntry().isEmpty(), at + ".entry: the DocumentReference(s) submitted");
        for (ListResource.ListEntryComponent item : set.getEntry()) {
            require(!item.hasFlag() && !item.hasDeleted() && !item.hasDate(), at + ".entry: flag, deleted, date 0..0");
            Resource target = resolve(bundle, item.getItem());
            require(target instanceof DocumentReference || target instanceof ListResource,
                    at + ".entry.item " + item.getItem().getReference() + ": a DocumentReference or Folder of this bundle, by its fullUrl");
        }
    }

    private void documentReference(DocumentReference document, Bundle bundle) {
        String at = "DocumentReference";
        Identifier master = document.getMasterIdentifier();
        require(master.hasSystem() && master.hasValue() && (!master.hasUse() || master.getUse() == Identifier.IdentifierUse.USUAL),
                at + ".masterIdentifier 1..1: system and value, use usual (uniqueId; UniqueIdIdentifier)");
        document.getIdentifier().stream().filter(i -> i.getUse() == Identifier.IdentifierUse.OFFICIAL).forEach(i ->
                require(RFC3986.equals(i.getSystem()) && i.getValue().startsWith("urn:uuid:"),
                        at + ".identifier[entryUUID]: system urn:ietf:rfc:3986, value urn:uuid: (EntryUUIDIdentifier)"));
        require(document.getStatus() == org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus.CURRENT
                        || document.getStatus() == org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus.SUPERSEDED,
                at + ".status from DocumentReferenceStats (current, superseded)");
        require(!document.hasDocStatus() && !document.hasModifierExtension(), at + ": docStatus, modifierExtension 0..0");
        require(document.getType().hasCoding(), at + ".type 1..1 (typeCode; Comprehensive)");
        require(document.getCategory().size() == 1, at + ".category 1..1 (classCode; Comprehensive)");
        require(document.getSubject().hasReference() || document.getSubject().hasIdentifier(), at + ".subject 1..1 (patientId; Comprehensive)");
        require(!document.getSecurityLabel().isEmpty(), at + ".securityLabel 1..* (confidentialityCode; Comprehensive)");
        document.getAuthor().forEach(author -> require(author.getReference() != null && author.getReference().startsWith("#")
                && contained(document, author.getReference()), at + ".author: contained (IHE.MHD.Comprehensive.DocumentReference)"));
        require(document.getContent().size() == 1, at + ".content 1..1");
        DocumentReference.DocumentReferenceContentComponent content = document.getContentFirstRep();
        var attachment = content.getAttachment();
        require(attachment.hasContentType(), at + ".content.attachment.contentType 1..1 (mimeType)");
        require(!attachment.hasData(), at + ".content.attachment.data 0..0 (the document is the Binary)");
        require(attachment.hasLanguage() && attachment.hasCreation(), at + ".content.attachment.language and creation 1..1 (Comprehensive)");
        require(content.hasFormat(), at + ".content.format 1..1 (formatCode; Comprehensive)");
        Resource binary = attachment.hasUrl() ? resolve(bundle, new Reference(attachment.getUrl())) : null;
        require(binary instanceof Binary b && attachment.getContentType().equals(b.getContentType()),
                at + ".content.attachment.url 1..1: the fullUrl of a Binary of this bundle, of the same contentType");
        if (binary instanceof Binary b && attachment.hasSize()) {
            require(attachment.getSize() == b.getData().length, at + ".content.attachment.size: the Binary's length");
        }
        if (binary instanceof Binary b && attachment.hasHash()) {
            require(java.util.Arrays.equals(attachment.getHash(), ProvideDocumentBundle.sha1(b.getData())),
                    at + ".content.attachment.hash: SHA-1 of the Binary (DocumentEntry.hash)");
        }
        var context = document.getContext();
        require(context.hasFacilityType() && context.hasPracticeSetting(),
                at + ".context.facilityType and practiceSetting 1..1 (healthcareFacilityTypeCode, practiceSettingCode; Comprehensive)");
        Reference sourcePatient = context.getSourcePatientInfo();
        require(sourcePatient.hasReference() && sourcePatient.getReference().startsWith("#") && contained(document, sourcePatient.getReference()),
                at + ".context.sourcePatientInfo 1..1, contained (sourcePatientId; IHE.MHD.Comprehensive.DocumentReference)");
    }

    private static boolean contained(DocumentReference document, String reference) {
        String id = reference.substring(1);
        return document.getContained().stream().anyMatch(r -> id.equals(r.getIdElement().getIdPart()) || ("#" + id).equals(r.getId()));
    }

    private static Resource resolve(Bundle bundle, Reference reference) {
        return bundle.getEntry().stream().filter(e -> e.getFullUrl() != null && e.getFullUrl().equals(reference.getReference()))
                .map(Bundle.BundleEntryComponent::getResource).findFirst().orElse(null);
    }
}
