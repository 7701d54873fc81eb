package fr.relais.core.report;

import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.identity.Patient;
import fr.relais.core.time.CareZone;
import fr.relais.core.urgentcare.PlanVersion;
import fr.relais.core.urgentcare.UrgentCarePlan;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

/** Lays out the fiche de liaison on one A4 page (more only when the plan is long), PDF/A like the other reports. */
final class HandoffPdf {
    private final Localization texts;
    private final DateTimeFormatter date;
    private final DateTimeFormatter dateTime;
    private final fr.relais.core.wording.StatusWords statuses;

    HandoffPdf(Language language) {
        this.texts = Localization.of(PatientReportPdf.BUNDLE, language);
        this.statuses = new fr.relais.core.wording.StatusWords(language);
        String pattern = language == Language.EN ? "yyyy-MM-dd" : "dd/MM/yyyy";
        this.date = DateTimeFormatter.ofPattern(pattern);
        this.dateTime = DateTimeFormatter.ofPattern(pattern + " HH:mm").withZone(CareZone.PARIS);
    }

    void write(HandoffService.Data data, OutputStream out) {
        Patient p = data.patient();
        try (PdfDocumentWriter pdf = new PdfDocumentWriter()) {
            pdf.text(texts.text("handoff.title"), 18);
            pdf.text(p.displayName(), 14);
            var t = p.traits();
            LocalDate today = data.generatedAt().atZone(CareZone.PARIS).toLocalDate();
            boolean wholeDate = t.birthDatePrecision() == fr.relais.core.identity.BirthDatePrecision.DAY;
            pdf.text(texts.text("identity.birth", t.birthFamilyName(), t.givenNamesText(),
                    texts.text((wholeDate ? "identity.born." : "identity.bornIn.") + t.sex().name(), wholeDate ? date.format(t.birthDate()) : t.birthDateShown()),
                    p.ageOn(today), statuses.sex(t.sex())), 9);
            pdf.text(texts.text("identity.status", statuses.identity(p.status()), p.ipp() == null ? "-" : p.ipp()), 9);
            p.exchangeableIns().ifPresent(ins -> pdf.text(texts.text("identity.ins", ins.matricule().value(), ins.oid().oid()), 9));
            if (data.plan().isEmpty()) {
                pdf.space(6);
                pdf.text(texts.text("handoff.noPlan"), 11);
                pdf.heading(texts.text("handoff.allergies"), 12);
                pdf.text(texts.text("handoff.allergiesUnknown"), 10);
                pdf.heading(texts.text("handoff.treatments"), 12);
                pdf.text(texts.text("handoff.treatmentsUnknown"), 10);
            } else {
                plan(pdf, data.plan().get(), today);
            }
            careTeam(pdf, data, today);
            String footer = texts.text("handoff.footer", data.author(), dateTime.format(data.generatedAt()));
            pdf.save(out, texts.text("handoff.title") + " — " + p.displayName(), data.author(), footer, texts.text("page"));
        }
    }

    private void plan(PdfDocumentWriter pdf, PlanVersion v, LocalDate today) {
        UrgentCarePlan plan = v.plan();
        pdf.text(texts.text("handoff.confirmed", dateTime.format(v.changedAt()), v.changedBy(), v.version(), date.format(plan.nextReview())), 9);
        if (plan.nextReview().isBefore(today)) {
            pdf.text(texts.text("handoff.reviewOverdue"), 10);
        }
        pdf.heading(texts.text("handoff.allergies"), 12);
        if (plan.allergies().noneKnown()) {
            pdf.text(texts.text("handoff.noKnownAllergy"), 10);
        } else if (plan.allergies().items().isEmpty()) {
            pdf.text(texts.text("handoff.allergiesUnknown"), 10);
        }
        plan.allergies().items().forEach(a -> pdf.text("• " + texts.text("handoff.allergy", a.substance(), a.reaction() == null ? "" : " : " + a.reaction()), 10));
        pdf.heading(texts.text("handoff.treatments"), 12);
        if (plan.treatments().none()) {
            pdf.text(texts.text("handoff.noTreatment"), 10);
        } else if (plan.treatments().items().isEmpty()) {
            pdf.text(texts.text("handoff.treatmentsUnknown"), 10);
        }
        plan.treatments().items().forEach(m -> pdf.text("• " + m.name() + (m.dosage() == null ? "" : " — " + m.dosage()), 10));
        if (plan.diagnoses() != null || plan.prognosis() != null) {
            pdf.heading(texts.text("handoff.diagnoses"), 12);
            pdf.text(join(plan.diagnoses(), plan.prognosis()), 10);
        }
        if (plan.ifDeteriorating() != null) {
            pdf.heading(texts.text("handoff.ifDeteriorating"), 12);
            pdf.text(plan.ifDeteriorating(), 10);
        }
        pdf.heading(texts.text("handoff.resuscitation"), 12);
        var r = plan.resuscitation();
        var status = r == null ? UrgentCarePlan.ResuscitationStatus.NOT_DISCUSSED : r.status();
        pdf.text(texts.text("handoff.resuscitation." + status.name()) + (r == null || r.limitations() == null ? "" : " — " + r.limitations()), 10);
        if (r != null && r.decidedBy() != null) {
            pdf.text(texts.text("handoff.decided", r.decidedBy(), r.decidedOn() == null ? "-" : date.format(r.decidedOn())), 9);
        }
        var d = plan.advanceDirectives();
        pdf.text(texts.text("handoff.directives", texts.text("handoff.presence." + (d == null ? UrgentCarePlan.Presence.UNKNOWN : d.presence()).name()),
                d == null || d.location() == null ? "" : " — " + d.location()), 10);
        pdf.heading(texts.text("handoff.contacts"), 12);
        if (plan.trustedPerson() != null) {
            pdf.text(texts.text("handoff.trustedPerson", contact(plan.trustedPerson())), 10);
        }
        plan.keyContacts().forEach(c -> pdf.text("• " + contact(c), 10));
        pdf.text(texts.text("handoff.places", dash(plan.preferredPlaceOfCare()), dash(plan.preferredPlaceOfDeath())), 10);
        if (!plan.devices().isEmpty()) {
            pdf.text(texts.text("handoff.devices", String.join(", ", plan.devices())), 10);
        }
        var a = plan.agreement();
        if (a != null) {
            String who = texts.text("handoff.agreement." + a.participant().name(), dash(a.representativeName()));
            pdf.text(a.agreed() ? texts.text("handoff.agreement", who, a.on() == null ? "-" : date.format(a.on())) : texts.text("handoff.agreementNo"), 9);
        }
    }

    private void careTeam(PdfDocumentWriter pdf, HandoffService.Data data, LocalDate today) {
        pdf.heading(texts.text("handoff.careTeam"), 12);
        String lines = data.careTeam().stream().filter(m -> m.activeOn(today))
                .map(m -> texts.text("handoff.member", statuses.role(m.role()), m.professional().displayName(),
                        m.professional().phone() == null ? "" : " — " + m.professional().phone())).collect(Collectors.joining("\n"));
        for (String line : (lines.isEmpty() ? texts.text("none") : lines).split("\n")) {
            pdf.text(line, 10);
        }
    }

    private String contact(UrgentCarePlan.Contact c) {
        return texts.text("handoff.contact", c.name(), dash(c.relationship()), dash(c.phone()));
    }

    private static String join(String a, String b) {
        return a == null ? b : b == null ? a : a + " — " + b;
    }

    private static String dash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }
}
