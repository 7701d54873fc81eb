package fr.relais.sync.dmp;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.identity.Ins;
import fr.relais.core.identity.InsMatricule;
import fr.relais.core.identity.InsOid;
import fr.relais.core.messaging.DmpDocumentKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.ListResource;
import org.junit.jupiter.api.Test;

/**
 * What Relais sends to the DMP (ITI-65, issue 29) meets IHE MHD's Comprehensive rules ({@link MhdIti65Rules}), the base
 * R4 validation being {@code DmpFeedingTest.theProvideBundleIsValidAgainstBaseR4}; and the rules do catch a bundle
 * that breaks them, one by one, so that the first test cannot pass by checking nothing.
 */
class ProvideBundleMhdRulesTest {
    private static final Ins INS = new Ins(InsMatricule.withKey("2501275056123"), InsOid.NIR_TEST);
    private static final byte[] PDF = "%PDF-1.7 compte rendu de parcours".getBytes(StandardCharsets.US_ASCII);
    private static final DmpSettings SETTINGS = new DmpSettings("http://dmp.invalid/fhir", "CPTS de test", "1.2.250.1.999.99.2");

    private static Bundle bundle(String replaced) {
        return ProvideDocumentBundle.build(INS, DmpDocumentKind.PATHWAY_REPORT, "Compte rendu de parcours", PDF,
                Instant.parse("2026-12-06T09:00:00Z"), DmpFeedingTest.AUTHOR, SETTINGS, replaced).bundle();
    }

    @Test
    void aReportSentToTheDmpMeetsTheMhdComprehensiveProvideBundleRules() {
        assertThat(MhdIti65Rules.violations(bundle(null))).isEmpty();
        assertThat(MhdIti65Rules.violations(bundle("DocumentReference/1"))).isEmpty();
    }

    @Test
    void theSubmissionSetCarriesAnOidUniqueIdItsEntryUuidItsSourceAndItsContentType() {
        ListResource set = (ListResource) bundle(null).getEntryFirstRep().getResource();
        assertThat(set.getIdentifier()).extracting(Identifier::getUse, i -> i.getValue().substring(0, 9))
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(Identifier.IdentifierUse.USUAL, "urn:oid:2"),
                        org.assertj.core.groups.Tuple.tuple(Identifier.IdentifierUse.OFFICIAL, "urn:uuid:"));
        assertThat(set.getExtensionByUrl(MhdIti65Rules.SOURCE_ID).getValue()).isInstanceOfSatisfying(Identifier.class,
                id -> assertThat(id.getValue()).isEqualTo("urn:oid:1.2.250.1.999.99.2"));
        assertThat(set.getExtensionByUrl(MhdIti65Rules.DESIGNATION_TYPE)).isNotNull();
    }

    @Test
    void aBundleBreakingMhdRulesIsReportedRuleByRule() {
        Bundle broken = bundle(null);
        ListResource set = (ListResource) broken.getEntry().get(0).getResource();
        DocumentReference document = (DocumentReference) broken.getEntry().get(1).getResource();
        set.getExtension().removeIf(e -> e.getUrl().equals(MhdIti65Rules.DESIGNATION_TYPE));
        set.getIdentifier().stream().filter(i -> i.getUse() == Identifier.IdentifierUse.USUAL).forEach(i -> i.setValue("urn:uuid:1234"));
        set.setMode(ListResource.ListMode.SNAPSHOT);
        document.getContext().setSourcePatientInfo(null);
        document.getContentFirstRep().getAttachment().setUrl("urn:uuid:nowhere");
        document.getContentFirstRep().getAttachment().setData(PDF);
        broken.getEntry().get(2).getRequest().setMethod(Bundle.HTTPVerb.PUT);

        assertThat(MhdIti65Rules.violations(broken)).anyMatch(v -> v.contains("extension[designationType] 1..1"))
                .anyMatch(v -> v.contains("identifier[uniqueId]") && v.contains("urn:oid:"))
                .anyMatch(v -> v.contains(".mode = working"))
                .anyMatch(v -> v.contains("sourcePatientInfo 1..1"))
                .anyMatch(v -> v.contains("attachment.url 1..1"))
                .anyMatch(v -> v.contains("attachment.data 0..0"))
                .anyMatch(v -> v.startsWith("Binary entry: request POST Binary"))
                .hasSize(7);
    }

    @Test
    void aTransactionWithoutSubmissionSetIsNoProvideBundle() {
        Bundle broken = bundle(null);
        broken.getEntry().remove(0);
        broken.setType(Bundle.BundleType.BATCH);

        assertThat(MhdIti65Rules.violations(broken)).anyMatch(v -> v.startsWith("entry[SubmissionSet] 1..1"))
                .anyMatch(v -> v.startsWith("Bundle.type = transaction"));
    }
}
