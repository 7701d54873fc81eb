package fr.relais.sync.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.core.consent.Consent;
import fr.relais.core.consent.ConsentScope;
import fr.relais.core.error.BadInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

/** Consents both ways: given and withdrawn, onto the server's copy without losing what Relais does not model. */
class ConsentMapperTest {
    private static final UUID PATIENT = UUID.randomUUID();
    private static final Instant RECORDED = Instant.parse("2026-11-20T09:15:00Z");

    private static org.hl7.fhir.r4.model.Consent wire(org.hl7.fhir.r4.model.Consent r) {
        return RelaisFhir.CONTEXT.newJsonParser().parseResource(org.hl7.fhir.r4.model.Consent.class,
                RelaisFhir.CONTEXT.newJsonParser().encodeResourceToString(r));
    }

    @Test
    void aGivenThenWithdrawnConsentComesBackTheSameAndKeepsWhatAnotherSystemWrote() {
        Consent given = new Consent(UUID.randomUUID(), PATIENT, ConsentScope.CARE_TEAM_SHARING, "IDE Martin", LocalDate.of(2026, 11, 20),
                RECORDED, "Claire Martin", null, null, null);
        org.hl7.fhir.r4.model.Consent fhir = wire(ConsentMapper.write(given, new org.hl7.fhir.r4.model.Consent()));
        assertThat(fhir.getStatus()).isEqualTo(org.hl7.fhir.r4.model.Consent.ConsentState.ACTIVE);
        assertThat(fhir.getScope().getCodingFirstRep().getCode()).isEqualTo("patient-privacy");
        assertThat(fhir.getPolicyRule().getCodingFirstRep().getCode()).isEqualTo("OPTIN");
        assertThat(ConsentMapper.toLocal(fhir, given.id(), "Consent/1")).isEqualTo(given);

        fhir.addExtension("https://example.org/fhir/dac-file", new StringType("DAC-7"));
        fhir.getProvision().setType(org.hl7.fhir.r4.model.Consent.ConsentProvisionType.PERMIT);
        Consent withdrawn = new Consent(given.id(), PATIENT, given.scope(), given.collectedBy(), given.collectedOn(), RECORDED,
                "Claire Martin", Instant.parse("2026-11-22T14:00:00Z"), "Paul Roux", "ne souhaite plus partager");
        org.hl7.fhir.r4.model.Consent back = wire(ConsentMapper.write(withdrawn, fhir));
        assertThat(back.getStatus()).isEqualTo(org.hl7.fhir.r4.model.Consent.ConsentState.INACTIVE);
        assertThat(ConsentMapper.toLocal(back, given.id(), "Consent/1")).isEqualTo(withdrawn);
        assertThat(back.getExtensionByUrl("https://example.org/fhir/dac-file")).as("another system's element stays").isNotNull();
        assertThat(back.getProvision().getType()).isEqualTo(org.hl7.fhir.r4.model.Consent.ConsentProvisionType.PERMIT);
        assertThat(back.getCategory()).as("one Relais scope, not one per push").hasSize(1);
    }

    @Test
    void aConsentWithoutARelaisScopeOrPatientIsBadInputNamingIt() {
        assertThatThrownBy(() -> ConsentMapper.toLocal(new org.hl7.fhir.r4.model.Consent(), UUID.randomUUID(), "Consent/x"))
                .hasMessageContaining("Consent/x")
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.reason(fr.relais.core.i18n.Language.FR)).isEqualTo("enregistrement illisible : aucune portée de consentement de Relais n'y figure"));
        Consent telemonitoring = new Consent(UUID.randomUUID(), PATIENT, ConsentScope.TELEMONITORING, "IDE", LocalDate.of(2026, 11, 20),
                RECORDED, "ide", null, null, null);
        org.hl7.fhir.r4.model.Consent noPatient = ConsentMapper.write(telemonitoring, new org.hl7.fhir.r4.model.Consent());
        assertThat(noPatient.getScope().getCodingFirstRep().getCode()).isEqualTo("treatment");
        noPatient.setPatient(null);
        assertThatThrownBy(() -> ConsentMapper.toLocal(noPatient, telemonitoring.id(), "Consent/y"))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.reason(fr.relais.core.i18n.Language.FR)).isEqualTo("enregistrement illisible : le patient ou le jour du recueil du consentement manque"));
    }

    @Test
    void aTelemonitoringConsentSignedOnPaperTravelsAsSuchWithItsReason() {
        Consent paper = new Consent(UUID.randomUUID(), PATIENT, ConsentScope.TELEMONITORING, "ROUX Renée", LocalDate.of(2026, 11, 20),
                RECORDED, "ROUX Renée", null, null, null, fr.relais.core.consent.ConsentSource.PAPER, "formulaire signé au domicile");
        org.hl7.fhir.r4.model.Consent shared = ConsentMapper.write(paper, new org.hl7.fhir.r4.model.Consent());
        Consent back = ConsentMapper.toLocal(shared, paper.id(), "Consent/p");
        assertThat(back).isEqualTo(paper);
        Consent collected = new Consent(UUID.randomUUID(), PATIENT, ConsentScope.TELEMONITORING, "Dr Perrin", LocalDate.of(2026, 11, 20),
                RECORDED, "idec", null, null, null);
        assertThat(ConsentMapper.toLocal(ConsentMapper.write(collected, shared), collected.id(), "Consent/c").source())
                .as("the paper mark does not stick to the server's copy once the consent is collected otherwise")
                .isEqualTo(fr.relais.core.consent.ConsentSource.COLLECTED);
    }
}
