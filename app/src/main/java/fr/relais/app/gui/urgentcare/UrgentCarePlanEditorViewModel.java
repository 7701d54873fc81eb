package fr.relais.app.gui.urgentcare;

import fr.relais.app.gui.common.FailureText;
import fr.relais.app.gui.task.BackgroundExecutor;
import fr.relais.core.error.BadInputException;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.urgentcare.PlanVersion;
import fr.relais.core.urgentcare.UrgentCarePlan;
import fr.relais.core.urgentcare.UrgentCarePlan.Participant;
import fr.relais.core.urgentcare.UrgentCarePlan.Presence;
import fr.relais.core.urgentcare.UrgentCarePlan.ResuscitationStatus;
import fr.relais.core.urgentcare.UrgentCarePlanService;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The urgent care plan edited in the window (issue 25), section by section as the plan is read: diagnoses, allergies
 * and treatments ("none" a box to tick, never a blank), the resuscitation decision and the limitation of active
 * treatments (LAT) with who decided and when, directives, trusted person and contacts, wishes, devices, the review
 * date and the patient's agreement. Opened on the version in force; each save records a new version through the same
 * service as {@code relais plan edit}, so the same rules refuse the same plans, said here with the field's name.
 */
public final class UrgentCarePlanEditorViewModel {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private final UrgentCarePlanService plans;
    private final BackgroundExecutor executor;
    private final Localization texts;
    private final Language language;
    private final Consumer<PlanVersion> onSaved;
    private UUID patientId;
    private UrgentCarePlan before;
    /** The version the form was filled from (0: none); a save over another one is first said, not done. */
    private int basedOn;

    private final StringProperty diagnoses = new SimpleStringProperty("");
    private final StringProperty prognosis = new SimpleStringProperty("");
    private final BooleanProperty noKnownAllergy = new SimpleBooleanProperty();
    private final StringProperty allergies = new SimpleStringProperty("");
    private final BooleanProperty noTreatment = new SimpleBooleanProperty();
    private final StringProperty treatments = new SimpleStringProperty("");
    private final StringProperty ifDeteriorating = new SimpleStringProperty("");
    private final ObjectProperty<ResuscitationStatus> resuscitation = new SimpleObjectProperty<>(ResuscitationStatus.NOT_DISCUSSED);
    private final StringProperty limitations = new SimpleStringProperty("");
    private final StringProperty decidedBy = new SimpleStringProperty("");
    private final StringProperty decidedOn = new SimpleStringProperty("");
    private final ObjectProperty<Presence> directives = new SimpleObjectProperty<>(Presence.UNKNOWN);
    private final StringProperty directivesLocation = new SimpleStringProperty("");
    private final StringProperty trustedName = new SimpleStringProperty("");
    private final StringProperty trustedRelationship = new SimpleStringProperty("");
    private final StringProperty trustedPhone = new SimpleStringProperty("");
    private final StringProperty contacts = new SimpleStringProperty("");
    private final StringProperty placeOfCare = new SimpleStringProperty("");
    private final StringProperty placeOfDeath = new SimpleStringProperty("");
    private final StringProperty devices = new SimpleStringProperty("");
    private final StringProperty nextReview = new SimpleStringProperty("");
    private final ObjectProperty<Participant> participant = new SimpleObjectProperty<>();
    private final StringProperty representative = new SimpleStringProperty("");
    private final BooleanProperty agreed = new SimpleBooleanProperty();
    private final StringProperty agreedOn = new SimpleStringProperty("");
    private final StringProperty reason = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final javafx.beans.property.ReadOnlyObjectWrapper<PlanVersion> saved = new javafx.beans.property.ReadOnlyObjectWrapper<>();

    /** {@code onSaved}: runs on the UI thread with the version just recorded (the tab shows it, the window closes). */
    public UrgentCarePlanEditorViewModel(UrgentCarePlanService plans, BackgroundExecutor executor, Localization texts, Language language,
                                         Consumer<PlanVersion> onSaved) {
        this.plans = plans;
        this.executor = executor;
        this.texts = texts;
        this.language = language;
        this.onSaved = onSaved;
    }

    /** Fills the form with {@code patient}'s plan in force, or leaves it empty for a first plan. */
    public void open(UUID patient) {
        this.patientId = patient;
        busy.set(true);
        executor.submit(() -> plans.current(patient), current -> {
            busy.set(false);
            fill(current);
        }, failure -> {
            busy.set(false);
            message.set(FailureText.of(failure, texts, language));
        });
    }

    private void fill(Optional<PlanVersion> current) {
        before = current.map(PlanVersion::plan).orElse(null);
        basedOn = current.map(PlanVersion::version).orElse(0);
        heading.set(current.map(v -> texts.text("ucp.edit.heading", v.version(), v.version() + 1)).orElse(texts.text("ucp.edit.headingFirst")));
        if (before == null) {
            return;
        }
        UrgentCarePlan p = before;
        diagnoses.set(text(p.diagnoses()));
        prognosis.set(text(p.prognosis()));
        if (p.allergies() != null) {
            noKnownAllergy.set(p.allergies().noneKnown());
            allergies.set(PlanFormLines.allergies(p.allergies().items()));
        }
        if (p.treatments() != null) {
            noTreatment.set(p.treatments().none());
            treatments.set(PlanFormLines.treatments(p.treatments().items()));
        }
        ifDeteriorating.set(text(p.ifDeteriorating()));
        if (p.resuscitation() != null) {
            resuscitation.set(p.resuscitation().status());
            limitations.set(text(p.resuscitation().limitations()));
            decidedBy.set(text(p.resuscitation().decidedBy()));
            decidedOn.set(day(p.resuscitation().decidedOn()));
        }
        if (p.advanceDirectives() != null) {
            directives.set(p.advanceDirectives().presence());
            directivesLocation.set(text(p.advanceDirectives().location()));
        }
        if (p.trustedPerson() != null) {
            trustedName.set(text(p.trustedPerson().name()));
            trustedRelationship.set(text(p.trustedPerson().relationship()));
            trustedPhone.set(text(p.trustedPerson().phone()));
        }
        contacts.set(PlanFormLines.contacts(p.keyContacts()));
        placeOfCare.set(text(p.preferredPlaceOfCare()));
        placeOfDeath.set(text(p.preferredPlaceOfDeath()));
        devices.set(PlanFormLines.devices(p.devices()));
        nextReview.set(day(p.nextReview()));
        if (p.agreement() != null) {
            participant.set(p.agreement().participant());
            representative.set(text(p.agreement().representativeName()));
            agreed.set(p.agreement().agreed());
            agreedOn.set(day(p.agreement().on()));
        }
    }

    /**
     * Records the form as a new version. A date that is not one, or a plan the rules refuse, is said here with the
     * field's name and nothing is recorded; what was typed stays in the form.
     */
    public void save() {
        if (busy.get() || patientId == null) {
            return;
        }
        UrgentCarePlan plan;
        try {
            plan = plan();
        } catch (UnreadableField e) {
            message.set(e.getMessage());
            return;
        }
        UUID patient = patientId;
        String why = reason.get();
        busy.set(true);
        message.set("");
        int expected = basedOn;
        executor.submit(() -> {
            // Recorded meanwhile by a colleague or the sync: said first, so that no one replaces it unknowingly.
            Optional<PlanVersion> now = plans.current(patient);
            if (now.map(PlanVersion::version).orElse(0) != expected) {
                throw new ChangedMeanwhile(now.orElseThrow());
            }
            return plans.edit(patient, plan, why);
        }, version -> {
            busy.set(false);
            before = version.plan();
            basedOn = version.version();
            message.set(texts.text("ucp.edit.saved", version.version()));
            saved.set(version);
            onSaved.accept(version);
        }, failure -> {
            busy.set(false);
            message.set(refusal(failure));
        });
    }

    /** The plan the form says, its dates read; the service checks the rest. */
    UrgentCarePlan plan() {
        List<UrgentCarePlan.Allergy> beforeAllergies = before == null || before.allergies() == null ? List.of() : before.allergies().items();
        List<UrgentCarePlan.Treatment> beforeTreatments = before == null || before.treatments() == null ? List.of() : before.treatments().items();
        UrgentCarePlan.Resuscitation decision = resuscitation.get() == ResuscitationStatus.NOT_DISCUSSED && blank(limitations) && blank(decidedBy)
                && blank(decidedOn) ? null : new UrgentCarePlan.Resuscitation(resuscitation.get(), value(limitations), value(decidedBy),
                date(decidedOn, "ucp.edit.decidedOn"));
        UrgentCarePlan.AdvanceDirectives directive = directives.get() == Presence.UNKNOWN && blank(directivesLocation) ? null
                : new UrgentCarePlan.AdvanceDirectives(directives.get(), value(directivesLocation));
        UrgentCarePlan.Contact trusted = blank(trustedName) && blank(trustedRelationship) && blank(trustedPhone) ? null
                : new UrgentCarePlan.Contact(value(trustedName), value(trustedRelationship), value(trustedPhone));
        UrgentCarePlan.Agreement agreement = participant.get() == null ? null
                : new UrgentCarePlan.Agreement(participant.get(), value(representative), agreed.get(), date(agreedOn, "ucp.edit.agreedOn"));
        return new UrgentCarePlan(value(diagnoses), value(prognosis),
                new UrgentCarePlan.Allergies(noKnownAllergy.get(), PlanFormLines.allergies(allergies.get(), beforeAllergies)),
                new UrgentCarePlan.Treatments(noTreatment.get(), PlanFormLines.treatments(treatments.get(), beforeTreatments)),
                value(ifDeteriorating), decision, directive, trusted, PlanFormLines.contacts(contacts.get()), value(placeOfCare),
                value(placeOfDeath), PlanFormLines.devices(devices.get()), date(nextReview, "ucp.edit.nextReview"), agreement);
    }

    /** A refusal of the rules, named as the form names the field; anything else as every screen says it. */
    private String refusal(Throwable failure) {
        if (failure instanceof ChangedMeanwhile changed) {
            // The form keeps what was typed; Enter again records it over the newer version, which the history keeps.
            basedOn = changed.version.version();
            return texts.text("ucp.edit.changedMeanwhile", changed.version.version(), changed.version.changedBy(), changed.version.reason(),
                    changed.version.version() + 1);
        }
        if (failure instanceof BadInputException bad && texts.has("ucp.edit.refused." + bad.reasonKey())) {
            return texts.text("ucp.edit.refused." + bad.reasonKey());
        }
        return FailureText.of(failure, texts, language);
    }

    private LocalDate date(StringProperty field, String label) {
        if (blank(field)) {
            return null;
        }
        try {
            return LocalDate.parse(field.get().trim(), DAY);
        } catch (DateTimeParseException e) {
            throw new UnreadableField(texts.text("ucp.edit.badDate", texts.text(label), field.get().trim()));
        }
    }

    /** Another version was recorded since the form was filled. */
    private static final class ChangedMeanwhile extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient PlanVersion version;

        ChangedMeanwhile(PlanVersion version) {
            super("plan version " + version.version() + " recorded meanwhile", null, false, false);
            this.version = version;
        }
    }

    /** A field the form cannot read (a date that is not one), said with the field's name. */
    private static final class UnreadableField extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnreadableField(String text) {
            super(text, null, false, false);
        }
    }

    private static String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static String value(StringProperty field) {
        return blank(field) ? null : field.get().trim();
    }

    private static boolean blank(StringProperty field) {
        return field.get() == null || field.get().isBlank();
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The version this form recorded last; null until then. */
    public javafx.beans.property.ReadOnlyObjectProperty<PlanVersion> savedProperty() {
        return saved.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public StringProperty diagnosesProperty() {
        return diagnoses;
    }

    public StringProperty prognosisProperty() {
        return prognosis;
    }

    public BooleanProperty noKnownAllergyProperty() {
        return noKnownAllergy;
    }

    public StringProperty allergiesProperty() {
        return allergies;
    }

    public BooleanProperty noTreatmentProperty() {
        return noTreatment;
    }

    public StringProperty treatmentsProperty() {
        return treatments;
    }

    public StringProperty ifDeterioratingProperty() {
        return ifDeteriorating;
    }

    public ObjectProperty<ResuscitationStatus> resuscitationProperty() {
        return resuscitation;
    }

    public StringProperty limitationsProperty() {
        return limitations;
    }

    public StringProperty decidedByProperty() {
        return decidedBy;
    }

    public StringProperty decidedOnProperty() {
        return decidedOn;
    }

    public ObjectProperty<Presence> directivesProperty() {
        return directives;
    }

    public StringProperty directivesLocationProperty() {
        return directivesLocation;
    }

    public StringProperty trustedNameProperty() {
        return trustedName;
    }

    public StringProperty trustedRelationshipProperty() {
        return trustedRelationship;
    }

    public StringProperty trustedPhoneProperty() {
        return trustedPhone;
    }

    public StringProperty contactsProperty() {
        return contacts;
    }

    public StringProperty placeOfCareProperty() {
        return placeOfCare;
    }

    public StringProperty placeOfDeathProperty() {
        return placeOfDeath;
    }

    public StringProperty devicesProperty() {
        return devices;
    }

    public StringProperty nextReviewProperty() {
        return nextReview;
    }

    public ObjectProperty<Participant> participantProperty() {
        return participant;
    }

    public StringProperty representativeProperty() {
        return representative;
    }

    public BooleanProperty agreedProperty() {
        return agreed;
    }

    public StringProperty agreedOnProperty() {
        return agreedOn;
    }

    public StringProperty reasonProperty() {
        return reason;
    }
}
