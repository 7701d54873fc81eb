package fr.relais.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.app.gui.task.DirectExecutor;
import fr.relais.app.gui.urgentcare.UrgentCarePlanViewModel;
import fr.relais.app.wording.Messages;
import fr.relais.core.consent.ConsentScope;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.identity.NewPatient;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.Sex;
import fr.relais.core.identity.StrictTraits;
import fr.relais.core.session.Actor;
import fr.relais.core.time.CareZone;
import fr.relais.core.urgentcare.UrgentCarePlan;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The urgent care plan tab without the toolkit: unknowns said in words, the review warning, consents, break-glass. */
class UrgentCarePlanViewModelTest extends CoreStoreTest {
    Patient patient;
    UrgentCarePlanViewModel model;

    @BeforeEach
    void setUp() {
        open(new Actor("idec", "Claire IDEC", "poste-1"));
        patient = core.patients().register(new NewPatient(new StrictTraits("DURAND", List.of("Marcel"), Sex.M, LocalDate.of(1938, 5, 2),
                null), null, null, "P1", null, null, null)).patient();
        model = new UrgentCarePlanViewModel(core.clock(), core.consents(), core.urgentCarePlans(), new DirectExecutor(), Localization.of(Messages.BUNDLE, Language.FR), Language.FR);
    }

    @Test
    void withoutAPlanAllergiesAndTreatmentsAreSaidUnknown() {
        model.show(patient.id());
        assertThat(model.versionProperty().get()).startsWith("Aucun plan");
        assertThat(model.planLinesProperty()).containsExactly("Allergies : NON RENSEIGNÉES", "Traitements : NON RENSEIGNÉS");
        assertThat(model.decisionProperty().get()).isEqualTo("Décision de réanimation : non discutée — à aborder avec le médecin");
    }

    @Test
    void aDoNotResuscitateDecisionAndItsLimitationOfTreatmentsAreSaidFirstWithWhoDecidedAndWhen() {
        core.urgentCarePlans().edit(patient.id(), new UrgentCarePlan("Insuffisance cardiaque terminale", null, new UrgentCarePlan.Allergies(true, List.of()),
                new UrgentCarePlan.Treatments(true, List.of()), null,
                new UrgentCarePlan.Resuscitation(UrgentCarePlan.ResuscitationStatus.DO_NOT_RESUSCITATE, "pas d'intubation, pas de dialyse",
                        "Dr Jérôme BONNET", LocalDate.of(2026, 11, 20)),
                null, null, List.of(), null, null, List.of(), LocalDate.now(CLOCK.withZone(CareZone.PARIS)).plusMonths(3), null), "Décision collégiale");
        model.show(patient.id());
        assertThat(model.decisionProperty().get()).isEqualTo("NE PAS RÉANIMER : pas de réanimation cardio-pulmonaire (décidé par Dr Jérôme BONNET "
                + "le 20/11/2026)\nLimitation des thérapeutiques actives : pas d'intubation, pas de dialyse");
        assertThat(model.planLinesProperty()).noneMatch(line -> line.contains("réanimation"));
    }

    @Test
    void aPlanDueForReviewIsFlaggedAndConsentsAreRecordedAndWithdrawn() {
        LocalDate past = LocalDate.now(CLOCK.withZone(CareZone.PARIS)).minusDays(3);
        core.urgentCarePlans().edit(patient.id(), new UrgentCarePlan(null, null, new UrgentCarePlan.Allergies(true, List.of()),
                new UrgentCarePlan.Treatments(false, List.of(new UrgentCarePlan.Treatment("Furosémide 40 mg", "1 cp", null, null))), null,
                null, null, new UrgentCarePlan.Contact("Anne DURAND", "fille", "0612345678"), List.of(), null, null, List.of(), past, null),
                "Plan établi");
        core.urgentCarePlans().openInEmergency(patient.id(), "Appel SAMU");
        model.show(patient.id());
        assertThat(model.versionProperty().get()).startsWith("Version 1 du").contains("Claire IDEC");
        assertThat(model.reviewWarningProperty().get()).startsWith("La révision du plan était prévue le");
        assertThat(model.planLinesProperty()).contains("Allergies : aucune allergie connue (déclaré)",
                "Traitements : Furosémide 40 mg — 1 cp", "Personne de confiance : Anne DURAND (0612345678)");
        assertThat(model.emergencyAccessesProperty()).singleElement().satisfies(line -> assertThat(line).contains("Claire IDEC", "Appel SAMU"));

        model.newScopeProperty().set(ConsentScope.EMERGENCY_PLAN_SHARING);
        model.collectedByProperty().set("Claire IDEC, au domicile");
        model.addConsent();
        assertThat(model.messageProperty().get()).isEqualTo("Consentement enregistré : Partage du plan d'urgence avec les secours.");
        assertThat(model.consentsProperty()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo("en vigueur"));
        assertThat(core.urgentCarePlans().shared(patient.id())).isTrue();

        model.selectedConsentProperty().set(model.consentsProperty().get(0));
        model.withdrawalReasonProperty().set("Ne souhaite plus");
        model.withdrawSelected();
        assertThat(model.consentsProperty()).singleElement().satisfies(r -> assertThat(r.status()).startsWith("retiré le").endsWith("Ne souhaite plus"));
        assertThat(core.urgentCarePlans().shared(patient.id())).isFalse();
    }
}
