package fr.relais.sync.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.urgentcare.UrgentCarePlan;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.junit.jupiter.api.Test;

/** The urgent care plan through FHIR and back: nothing lost, "none known" explicit, allergies and treatments standard. */
public class UrgentCarePlanMapperTest {
    final UUID patient = UUID.randomUUID();

    public static UrgentCarePlan plan(UrgentCarePlan.Allergies allergies, UrgentCarePlan.Treatments treatments) {
        return new UrgentCarePlan("Insuffisance cardiaque", "Réservé", allergies, treatments, "Appeler l'IDEC",
                new UrgentCarePlan.Resuscitation(UrgentCarePlan.ResuscitationStatus.DO_NOT_RESUSCITATE, "Pas d'intubation", "Dr BONNET",
                        LocalDate.of(2026, 11, 20)),
                new UrgentCarePlan.AdvanceDirectives(UrgentCarePlan.Presence.YES, "Chez la fille"),
                new UrgentCarePlan.Contact("Anne DURAND", "fille", "0612345678"),
                List.of(new UrgentCarePlan.Contact("Dr BONNET", "médecin traitant", "0478000000")), "Domicile", "Domicile",
                List.of("Oxygène 2 L/min", "Lit médicalisé"), LocalDate.of(2027, 2, 24),
                new UrgentCarePlan.Agreement(UrgentCarePlan.Participant.LEGAL_REPRESENTATIVE, "Anne DURAND", true, LocalDate.of(2026, 11, 24)));
    }

    private UrgentCarePlan roundTrip(UrgentCarePlan plan) {
        String json = RelaisFhir.CONTEXT.newJsonParser().encodeResourceToString(UrgentCarePlanMapper.toFhir(patient, plan));
        CarePlan read = RelaisFhir.CONTEXT.newJsonParser().setParserErrorHandler(new ca.uhn.fhir.parser.StrictErrorHandler())
                .parseResource(CarePlan.class, json);
        return UrgentCarePlanMapper.toLocal(read, "test");
    }

    @Test
    void aFullPlanComesBackEqual() {
        UrgentCarePlan plan = plan(new UrgentCarePlan.Allergies(false, List.of(new UrgentCarePlan.Allergy("Pénicilline", "œdème",
                        "http://snomed.info/sct", "91936005"), new UrgentCarePlan.Allergy("Latex", null, null, null))),
                new UrgentCarePlan.Treatments(false, List.of(new UrgentCarePlan.Treatment("Furosémide 40 mg", "1 cp le matin",
                        "http://www.whocc.no/atc", "C03CA01"))));
        assertThat(roundTrip(plan)).isEqualTo(plan);

        CarePlan fhir = UrgentCarePlanMapper.toFhir(patient, plan);
        assertThat(fhir.getContained()).filteredOn(AllergyIntolerance.class::isInstance).hasSize(2);
        assertThat(fhir.getContained()).filteredOn(MedicationStatement.class::isInstance).hasSize(1);
        assertThat(fhir.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo(UrgentCarePlanMapper.CATEGORY);
    }

    @Test
    void noneKnownIsSaidWithTheIpsCodesAndComesBack() {
        UrgentCarePlan plan = plan(new UrgentCarePlan.Allergies(true, List.of()), new UrgentCarePlan.Treatments(true, List.of()));
        assertThat(roundTrip(plan)).isEqualTo(plan);
        String json = RelaisFhir.CONTEXT.newJsonParser().encodeResourceToString(UrgentCarePlanMapper.toFhir(patient, plan));
        assertThat(json).contains("no-known-allergies", "no-known-medications", "Aucune allergie connue");
    }

    @Test
    void aWithdrawnPlanIsRevokedAndEmpty() {
        CarePlan revoked = UrgentCarePlanMapper.toFhir(patient, null);
        assertThat(UrgentCarePlanMapper.revoked(revoked)).isTrue();
        assertThat(revoked.getContained()).isEmpty();
        assertThat(revoked.getExtension()).isEmpty();
    }
}
