package fr.relais.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.core.error.BadInputException;
import org.junit.jupiter.api.Test;

class IdentityRulesTest {
    private static final Ins INS = new Ins(InsMatricule.parse("ins", "295109912611193"), InsOid.NIR_TEST);

    @Test
    void theStatusFollowsFromTheEvidence() {
        assertThat(IdentityRules.statusFor(null, IdentityEvidence.NONE)).isEqualTo(IdentityStatus.PROV);
        assertThat(IdentityRules.statusFor(INS, new IdentityEvidence(InsSource.SM, null))).isEqualTo(IdentityStatus.PROV);
        assertThat(IdentityRules.statusFor(INS, new IdentityEvidence(InsSource.CV, null))).isEqualTo(IdentityStatus.PROV);
        assertThat(IdentityRules.statusFor(INS, new IdentityEvidence(InsSource.INSI, null))).isEqualTo(IdentityStatus.RECUP);
        assertThat(IdentityRules.statusFor(null, new IdentityEvidence(InsSource.SM, IdentityDocument.PA))).isEqualTo(IdentityStatus.VALI);
        assertThat(IdentityRules.statusFor(INS, new IdentityEvidence(InsSource.INSI, IdentityDocument.CN))).isEqualTo(IdentityStatus.QUAL);
        assertThat(IdentityRules.statusFor(INS, new IdentityEvidence(InsSource.AV, IdentityDocument.AV))).isEqualTo(IdentityStatus.QUAL);
    }

    @Test
    void aLowTrustDocumentDoesNotValidate() {
        assertThat(IdentityRules.statusFor(null, new IdentityEvidence(InsSource.SM, IdentityDocument.AN))).isEqualTo(IdentityStatus.PROV);
        assertThat(IdentityRules.statusFor(INS, new IdentityEvidence(InsSource.INSI, IdentityDocument.LEP))).isEqualTo(IdentityStatus.RECUP);
    }

    @Test
    void aQualifiedStatusCannotBeDeclaredWithoutItsEvidence() {
        assertThatThrownBy(() -> IdentityRules.resolve(IdentityStatus.QUAL, INS, new IdentityEvidence(InsSource.SM, IdentityDocument.CN)))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.reasonKey()).isEqualTo("identityStatus.needsInsi"));
        assertThatThrownBy(() -> IdentityRules.resolve(IdentityStatus.QUAL, INS, new IdentityEvidence(InsSource.INSI, null)))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.reasonKey()).isEqualTo("identityStatus.needsDocument"));
        assertThatThrownBy(() -> IdentityRules.resolve(IdentityStatus.PROV, INS, new IdentityEvidence(InsSource.INSI, IdentityDocument.CN)))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.reasonKey()).isEqualTo("identityStatus.mismatch"));
        assertThat(IdentityRules.resolve(IdentityStatus.QUAL, INS, new IdentityEvidence(InsSource.INSI, IdentityDocument.CN)))
                .isEqualTo(IdentityStatus.QUAL);
    }

    @Test
    void onlyAQualifiedIdentityExchangesItsIns() {
        for (IdentityStatus status : IdentityStatus.values()) {
            assertThat(status.allowsInsExchange()).isEqualTo(status == IdentityStatus.QUAL);
        }
    }

    @Test
    void namesCompareWithoutCaseAccentsOrPunctuation() {
        assertThat(NameKey.of("Lefèvre-D'Arc")).isEqualTo(NameKey.of("LEFEVRE D ARC"));
        assertThat(NameKey.of("Hélène")).isEqualTo("HELENE");
        assertThat(NameKey.of("Martin")).isNotEqualTo(NameKey.of("Martine"));
    }
}
