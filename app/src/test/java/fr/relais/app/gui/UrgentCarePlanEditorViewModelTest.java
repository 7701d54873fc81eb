package fr.relais.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.app.gui.task.DirectExecutor;
import fr.relais.app.gui.urgentcare.UrgentCarePlanEditorViewModel;
import fr.relais.app.wording.Messages;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.identity.NewPatient;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.Sex;
import fr.relais.core.identity.StrictTraits;
import fr.relais.core.session.Actor;
import fr.relais.core.urgentcare.PlanVersion;
import fr.relais.core.urgentcare.UrgentCarePlan;
import fr.relais.core.urgentcare.UrgentCarePlan.ResuscitationStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The urgent care plan written in the window (issue 25), without the toolkit, on a real store: each save a new version
 * as {@code relais plan edit} records it, refusals said with the field's name and nothing recorded, what was typed
 * kept, and the codes the window does not show kept too.
 */
class UrgentCarePlanEditorViewModelTest extends CoreStoreTest {
    Patient patient;
    final List<PlanVersion> shown = new ArrayList<>();
    UrgentCarePlanEditorViewModel editor;

    @BeforeEach
    void setUp() {
        open(new Actor("idec", "Claire IDEC", "poste-1"));
        patient = core.patients().register(new NewPatient(new StrictTraits("DURAND", List.of("Marcel"), Sex.M, LocalDate.of(1938, 5, 2),
                null), null, null, "P1", null, null, null)).patient();
        editor = newEditor();
    }

    private UrgentCarePlanEditorViewModel newEditor() {
        return new UrgentCarePlanEditorViewModel(core.urgentCarePlans(), new DirectExecutor(), Localization.of(Messages.BUNDLE, Language.FR),
                Language.FR, shown::add);
    }

    @Test
    void aNurseWritesAFirstPlanSectionBySectionThenEachChangeIsANewVersion() {
        editor.open(patient.id());
        assertThat(editor.headingProperty().get()).isEqualTo("Premier plan de ce patient : l'enregistrement crée la version 1.");
        editor.diagnosesProperty().set("Insuffisance cardiaque terminale");
        editor.allergiesProperty().set("Pénicilline : œdème de Quincke\n\nIode");
        editor.treatmentsProperty().set("Furosémide 40 mg : 1 cp le matin");
        editor.devicesProperty().set("Oxygène 2 L/min\nLit médicalisé");
        editor.resuscitationProperty().set(ResuscitationStatus.DO_NOT_RESUSCITATE);
        editor.limitationsProperty().set("pas d'intubation, pas de dialyse");
        editor.decidedByProperty().set("Dr Jérôme BONNET");
        editor.decidedOnProperty().set("20/11/2026");
        editor.directivesProperty().set(UrgentCarePlan.Presence.YES);
        editor.directivesLocationProperty().set("Classeur bleu, table de nuit");
        editor.trustedNameProperty().set("Anne DURAND");
        editor.trustedRelationshipProperty().set("fille");
        editor.trustedPhoneProperty().set("06 12 34 56 78");
        editor.contactsProperty().set("Dr Martin : médecin traitant : 04 11 22 33 44");
        editor.nextReviewProperty().set("01/03/2027");
        editor.participantProperty().set(UrgentCarePlan.Participant.PATIENT);
        editor.agreedProperty().set(true);
        editor.agreedOnProperty().set("20/11/2026");
        editor.reasonProperty().set("Plan établi en RCP");
        editor.save();

        assertThat(editor.messageProperty().get()).isEqualTo("Version 1 du plan enregistrée.");
        assertThat(shown).singleElement().satisfies(v -> assertThat(v.version()).isEqualTo(1));
        UrgentCarePlan recorded = core.urgentCarePlans().current(patient.id()).orElseThrow().plan();
        assertThat(recorded.allergies().items()).containsExactly(new UrgentCarePlan.Allergy("Pénicilline", "œdème de Quincke", null, null),
                new UrgentCarePlan.Allergy("Iode", null, null, null));
        assertThat(recorded.treatments().items()).containsExactly(new UrgentCarePlan.Treatment("Furosémide 40 mg", "1 cp le matin", null, null));
        assertThat(recorded.resuscitation()).isEqualTo(new UrgentCarePlan.Resuscitation(ResuscitationStatus.DO_NOT_RESUSCITATE,
                "pas d'intubation, pas de dialyse", "Dr Jérôme BONNET", LocalDate.of(2026, 11, 20)));
        assertThat(recorded.keyContacts()).containsExactly(new UrgentCarePlan.Contact("Dr Martin", "médecin traitant", "04 11 22 33 44"));
        assertThat(recorded.devices()).containsExactly("Oxygène 2 L/min", "Lit médicalisé");
        assertThat(recorded.agreement()).isEqualTo(new UrgentCarePlan.Agreement(UrgentCarePlan.Participant.PATIENT, null, true, LocalDate.of(2026, 11, 20)));

        UrgentCarePlanEditorViewModel next = newEditor();
        next.open(patient.id());
        assertThat(next.headingProperty().get()).startsWith("Version 1 en vigueur : l'enregistrement crée la version 2");
        assertThat(next.allergiesProperty().get()).isEqualTo("Pénicilline : œdème de Quincke\nIode");
        assertThat(next.decidedOnProperty().get()).isEqualTo("20/11/2026");
        next.treatmentsProperty().set(next.treatmentsProperty().get() + "\nParacétamol 1 g : si douleur");
        next.reasonProperty().set("Antalgique ajouté");
        next.save();
        assertThat(core.urgentCarePlans().history(patient.id())).extracting(PlanVersion::version, PlanVersion::reason, PlanVersion::changedBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "Antalgique ajouté", "Claire IDEC"),
                        org.assertj.core.groups.Tuple.tuple(1, "Plan établi en RCP", "Claire IDEC"));
        assertThat(core.urgentCarePlans().current(patient.id()).orElseThrow().plan().treatments().items()).hasSize(2);
    }

    @Test
    void aDoNotResuscitateDecisionWithoutWhoDecidedIsRefusedNamingTheFieldAndNothingIsRecorded() {
        editor.open(patient.id());
        editor.resuscitationProperty().set(ResuscitationStatus.DO_NOT_RESUSCITATE);
        editor.nextReviewProperty().set("01/03/2027");
        editor.reasonProperty().set("Décision collégiale");
        editor.save();
        assertThat(editor.messageProperty().get())
                .isEqualTo("Décision de réanimation : indiquez qui l'a prise (« Décidé par ») et quand (« Date de la décision »).");
        assertThat(core.urgentCarePlans().current(patient.id())).isEmpty();
        assertThat(shown).isEmpty();
        assertThat(editor.reasonProperty().get()).as("what was typed stays").isEqualTo("Décision collégiale");

        editor.reasonProperty().set(" ");
        editor.decidedByProperty().set("Dr BONNET");
        editor.decidedOnProperty().set("20/11/2026");
        editor.save();
        assertThat(editor.messageProperty().get()).isEqualTo("Motif de la modification : obligatoire, il est gardé dans l'historique des versions.");
        assertThat(core.urgentCarePlans().current(patient.id())).isEmpty();
    }

    @Test
    void aDateThatIsNotOneIsNamedAndNothingIsRecorded() {
        editor.open(patient.id());
        editor.nextReviewProperty().set("31/02/2027");
        editor.reasonProperty().set("Plan établi");
        editor.save();
        assertThat(editor.messageProperty().get()).isEqualTo("Prochaine révision : « 31/02/2027 » n'est pas une date (jj/mm/aaaa).");
        editor.nextReviewProperty().set("");
        editor.save();
        assertThat(editor.messageProperty().get()).isEqualTo("Prochaine révision : la date est obligatoire.");
        editor.noKnownAllergyProperty().set(true);
        editor.allergiesProperty().set("Iode");
        editor.nextReviewProperty().set("01/03/2027");
        editor.save();
        assertThat(editor.messageProperty().get()).startsWith("Allergies : « Aucune allergie connue » est coché et des allergies sont écrites.");
        assertThat(core.urgentCarePlans().history(patient.id())).isEmpty();
    }

    @Test
    void anAllergyCodedOnTheCommandLineKeepsItsCodeWhenThePlanIsChangedInTheWindow() {
        core.urgentCarePlans().edit(patient.id(), new UrgentCarePlan(null, null,
                new UrgentCarePlan.Allergies(false, List.of(new UrgentCarePlan.Allergy("Pénicilline", "œdème", "http://snomed.info/sct", "764146007"))),
                new UrgentCarePlan.Treatments(false, List.of(new UrgentCarePlan.Treatment("Furosémide 40 mg", null, "http://www.whocc.no/atc", "C03CA01"))),
                null, null, null, null, List.of(), null, null, List.of(), LocalDate.of(2027, 3, 1), null), "Plan importé");
        editor.open(patient.id());
        assertThat(editor.treatmentsProperty().get()).isEqualTo("Furosémide 40 mg");
        editor.allergiesProperty().set("pénicilline : urticaire géante");
        editor.reasonProperty().set("Réaction précisée");
        editor.save();
        UrgentCarePlan now = core.urgentCarePlans().current(patient.id()).orElseThrow().plan();
        assertThat(now.allergies().items()).containsExactly(new UrgentCarePlan.Allergy("pénicilline", "urticaire géante", "http://snomed.info/sct", "764146007"));
        assertThat(now.treatments().items()).containsExactly(new UrgentCarePlan.Treatment("Furosémide 40 mg", null, "http://www.whocc.no/atc", "C03CA01"));
    }

    @Test
    void aVersionRecordedByAColleagueWhileTheNurseWritesIsSaidBeforeHerSaveReplacesIt() {
        UrgentCarePlan first = new UrgentCarePlan(null, null, new UrgentCarePlan.Allergies(true, List.of()), new UrgentCarePlan.Treatments(true, List.of()),
                null, null, null, null, List.of(), null, null, List.of(), LocalDate.of(2027, 3, 1), null);
        core.urgentCarePlans().edit(patient.id(), first, "Plan établi");
        editor.open(patient.id());
        editor.diagnosesProperty().set("BPCO stade IV");
        editor.reasonProperty().set("Diagnostic ajouté");
        core.urgentCarePlans().edit(patient.id(), new UrgentCarePlan("Insuffisance cardiaque", null, first.allergies(), first.treatments(), null, null,
                null, null, List.of(), null, null, List.of(), LocalDate.of(2027, 3, 1), null), "Avis du cardiologue");

        editor.save();
        assertThat(editor.messageProperty().get()).isEqualTo("Le plan a été modifié pendant votre saisie : version 2 par Claire IDEC "
                + "(Avis du cardiologue). Rien n'est enregistré ; relisez-la dans l'onglet. Entrée à nouveau enregistre votre saisie comme version 3.");
        assertThat(core.urgentCarePlans().history(patient.id())).hasSize(2);
        assertThat(editor.diagnosesProperty().get()).isEqualTo("BPCO stade IV");

        editor.save();
        assertThat(core.urgentCarePlans().current(patient.id()).orElseThrow()).satisfies(v -> {
            assertThat(v.version()).isEqualTo(3);
            assertThat(v.plan().diagnoses()).isEqualTo("BPCO stade IV");
        });
    }
}
