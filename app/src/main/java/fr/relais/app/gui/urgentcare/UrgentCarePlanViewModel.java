package fr.relais.app.gui.urgentcare;

import fr.relais.app.gui.common.FailureText;
import fr.relais.app.gui.task.BackgroundExecutor;
import java.time.Clock;
import fr.relais.core.consent.ConsentService;
import fr.relais.core.consent.Consent;
import fr.relais.core.consent.ConsentScope;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.time.CareZone;
import fr.relais.core.urgentcare.PlanVersion;
import fr.relais.core.urgentcare.UrgentCarePlan;
import fr.relais.core.urgentcare.UrgentCarePlanService;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;

/**
 * The patient file's "urgent care plan" tab: the plan in force (allergies and treatments first, "none known" said),
 * its version and the review-date warning, the emergency openings, and the consents, which can be recorded and
 * withdrawn here (with who collected them, and why withdrawn).
 */
public final class UrgentCarePlanViewModel {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(CareZone.PARIS);

    private final Clock clock;
    private final ConsentService consentService;
    private final UrgentCarePlanService urgentCarePlanService;
    private final BackgroundExecutor executor;
    private final Localization texts;
    private final Language language;
    private UUID patientId;

    private final ReadOnlyStringWrapper version = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper reviewWarning = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper decision = new ReadOnlyStringWrapper("");
    private final ReadOnlyListWrapper<String> planLines = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyListWrapper<String> emergencyAccesses = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyListWrapper<ConsentRow> consents = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ObjectProperty<ConsentScope> newScope = new SimpleObjectProperty<>(ConsentScope.EMERGENCY_PLAN_SHARING);
    private final StringProperty collectedBy = new SimpleStringProperty("");
    private final StringProperty withdrawalReason = new SimpleStringProperty("");
    private final ObjectProperty<ConsentRow> selectedConsent = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public UrgentCarePlanViewModel(Clock clock, ConsentService consentService,
                                   UrgentCarePlanService urgentCarePlanService, BackgroundExecutor executor,
                                   Localization texts, Language language) {
        this.clock = clock;
        this.consentService = consentService;
        this.urgentCarePlanService = urgentCarePlanService;
        this.executor = executor;
        this.texts = texts;
        this.language = language;
    }

    private record Loaded(Optional<PlanVersion> plan, List<Consent> consents, List<UrgentCarePlanService.BreakGlassAccess> accesses,
                          LocalDate today) {
    }

    public void show(UUID patient) {
        if (!java.util.Objects.equals(patient, patientId)) {
            message.set("");
        }
        this.patientId = patient;
        if (patient == null) {
            return;
        }
        executor.submit(() -> new Loaded(urgentCarePlanService.current(patient), consentService.list(patient),
                urgentCarePlanService.breakGlassAccesses(patient), LocalDate.now(clock.withZone(CareZone.PARIS))), loaded -> {
                    if (patient.equals(patientId)) {
                        apply(loaded);
                    }
                }, failure -> message.set(FailureText.of(failure, texts, language)));
    }

    public void addConsent() {
        UUID patient = patientId;
        ConsentScope scope = newScope.get();
        String by = collectedBy.get();
        executor.submit(() -> consentService.add(patient, scope, by, LocalDate.now(clock.withZone(CareZone.PARIS))), c -> {
            message.set(texts.text("ucp.consent.added", texts.text("consent.scope." + c.scope().name())));
            collectedBy.set("");
            show(patient);
        }, failure -> message.set(FailureText.of(failure, texts, language)));
    }

    public void withdrawSelected() {
        ConsentRow row = selectedConsent.get();
        if (row == null || !row.active()) {
            message.set(texts.text("ucp.consent.choose"));
            return;
        }
        UUID patient = patientId;
        String reason = withdrawalReason.get();
        executor.submit(() -> consentService.withdraw(row.id(), reason), c -> {
            message.set(texts.text("ucp.consent.withdrawn", texts.text("consent.scope." + c.scope().name())));
            withdrawalReason.set("");
            show(patient);
        }, failure -> message.set(FailureText.of(failure, texts, language)));
    }

    private void apply(Loaded loaded) {
        consents.setAll(loaded.consents().stream().map(c -> new ConsentRow(c.id(), texts.text("consent.scope." + c.scope().name()),
                texts.text("ucp.consent.collected", c.collectedBy(), DAY.format(c.collectedOn())),
                c.active() ? texts.text("ucp.consent.active") : texts.text("ucp.consent.withdrawnOn", AT.format(c.withdrawnAt()), c.withdrawalReason()),
                c.active())).toList());
        emergencyAccesses.setAll(loaded.accesses().stream()
                .map(a -> texts.text("ucp.breakGlass", AT.format(a.at()), a.actor(), a.workstation(), a.reason())).toList());
        if (loaded.plan().isEmpty()) {
            version.set(texts.text("ucp.none"));
            reviewWarning.set("");
            decision.set(decisionText(null));
            planLines.setAll(texts.text("ucp.allergiesUnknown"), texts.text("ucp.treatmentsUnknown"));
            return;
        }
        PlanVersion v = loaded.plan().get();
        UrgentCarePlan p = v.plan();
        version.set(texts.text("ucp.version", v.version(), AT.format(v.changedAt()), v.changedBy(), DAY.format(p.nextReview())));
        reviewWarning.set(p.nextReview().isBefore(loaded.today()) ? texts.text("ucp.reviewOverdue", DAY.format(p.nextReview())) : "");
        List<String> lines = new ArrayList<>();
        if (p.diagnoses() != null) {
            lines.add(texts.text("ucp.diagnoses", p.diagnoses()));
        }
        lines.add(p.allergies().noneKnown() ? texts.text("ucp.noKnownAllergy") : p.allergies().items().isEmpty() ? texts.text("ucp.allergiesUnknown")
                : texts.text("ucp.allergies", p.allergies().items().stream().map(a -> a.substance() + (a.reaction() == null ? "" : " (" + a.reaction() + ")"))
                        .collect(Collectors.joining(", "))));
        lines.add(p.treatments().none() ? texts.text("ucp.noTreatment") : p.treatments().items().isEmpty() ? texts.text("ucp.treatmentsUnknown")
                : texts.text("ucp.treatments", p.treatments().items().stream().map(t -> t.name() + (t.dosage() == null ? "" : " — " + t.dosage()))
                        .collect(Collectors.joining(", "))));
        decision.set(decisionText(p.resuscitation()));
        if (p.ifDeteriorating() != null) {
            lines.add(texts.text("ucp.ifDeteriorating", p.ifDeteriorating()));
        }
        if (p.trustedPerson() != null) {
            lines.add(texts.text("ucp.trustedPerson", p.trustedPerson().name(), dash(p.trustedPerson().phone())));
        }
        if (p.advanceDirectives() != null) {
            lines.add(texts.text("ucp.directives." + p.advanceDirectives().presence().name(), dash(p.advanceDirectives().location())));
        }
        if (!p.keyContacts().isEmpty()) {
            lines.add(texts.text("ucp.contacts", p.keyContacts().stream().map(c -> c.name() + (c.relationship() == null ? "" : ", " + c.relationship())
                    + (c.phone() == null ? "" : " (" + c.phone() + ")")).collect(Collectors.joining(" ; "))));
        }
        if (!p.devices().isEmpty()) {
            lines.add(texts.text("ucp.devices", String.join(", ", p.devices())));
        }
        if (p.preferredPlaceOfCare() != null) {
            lines.add(texts.text("ucp.placeOfCare", p.preferredPlaceOfCare()));
        }
        planLines.setAll(lines);
    }

    private static String dash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }

    public ReadOnlyStringProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    /**
     * The resuscitation decision, said first and in clinical words (issue 25: the DNR / LAT status was a line among
     * others): "Ne pas réanimer…" or "Réanimation : oui", who decided and when, the limitation of active treatments
     * (LAT) when there is one; "non discutée" when the plan does not say, so that no one assumes either way.
     */
    private String decisionText(UrgentCarePlan.Resuscitation r) {
        if (r == null || r.status() == UrgentCarePlan.ResuscitationStatus.NOT_DISCUSSED) {
            return texts.text("ucp.decision.NOT_DISCUSSED");
        }
        String decided = texts.text("ucp.decision." + r.status().name(), r.decidedBy(), DAY.format(r.decidedOn()));
        return r.limitations() == null || r.limitations().isBlank() ? decided : decided + "\n" + texts.text("ucp.decision.limitations", r.limitations());
    }

    /** The resuscitation decision and any limitation of active treatments, in words, for the tab's banner. */
    public ReadOnlyStringProperty decisionProperty() {
        return decision.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reviewWarningProperty() {
        return reviewWarning.getReadOnlyProperty();
    }

    public ReadOnlyListProperty<String> planLinesProperty() {
        return planLines.getReadOnlyProperty();
    }

    public ReadOnlyListProperty<String> emergencyAccessesProperty() {
        return emergencyAccesses.getReadOnlyProperty();
    }

    public ReadOnlyListProperty<ConsentRow> consentsProperty() {
        return consents.getReadOnlyProperty();
    }

    public ObjectProperty<ConsentScope> newScopeProperty() {
        return newScope;
    }

    public StringProperty collectedByProperty() {
        return collectedBy;
    }

    public StringProperty withdrawalReasonProperty() {
        return withdrawalReason;
    }

    public ObjectProperty<ConsentRow> selectedConsentProperty() {
        return selectedConsent;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
