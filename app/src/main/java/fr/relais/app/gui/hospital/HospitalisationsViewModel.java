package fr.relais.app.gui.hospital;

import fr.relais.app.gui.common.FailureText;
import fr.relais.app.gui.patients.CurrentPatient;
import fr.relais.app.gui.task.BackgroundExecutor;
import fr.relais.core.hospital.HospitalEvents;
import fr.relais.core.hospital.HospitalStay;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.hospital.HospitalEventWords;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;

/**
 * The Hospitalisations screen (issue 28): who of the team's patients is in hospital now, the longest stay first, and
 * on request the discharges of the last seven days with the decisions they still wait for (resume a pathway, enrol in
 * one). "Ouvrir le dossier" makes the row's patient the window's current patient.
 */
public final class HospitalisationsViewModel {
    /** A discharge is recent for seven days (a week of follow-up calls after a stay). */
    static final Duration RECENT = Duration.ofDays(7);

    /** What is shown: the patients in hospital now, or the recent discharges. */
    public enum Filter { IN_HOSPITAL, RECENT_DISCHARGES }

    /** What the screen reads, small enough for a test to fake. */
    public interface Source {
        /** The open stays, the longest first. */
        List<HospitalStay> inHospital();

        /** The stays discharged at or after {@code since}, the latest first. */
        List<HospitalStay> dischargedSince(Instant since);

        String patientName(UUID patientId);

        /** The patient's IDE de coordination today, if the cercle de soins has one. */
        Optional<String> referent(UUID patientId);

        /** The proposals of the patient's discharges still waiting for the nurse. */
        List<HospitalEvents.Proposal> proposals(UUID patientId);

        /** A pathway's title in the screen's language. */
        String pathwayTitle(String templateId);
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Source source;
    private final BackgroundExecutor executor;
    private final Localization texts;
    private final Language language;
    private final Clock clock;
    private final CurrentPatient current;
    private final ObjectProperty<Filter> filter = new SimpleObjectProperty<>(Filter.IN_HOSPITAL);
    private final ReadOnlyListWrapper<HospitalisationRow> rows = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public HospitalisationsViewModel(Source source, BackgroundExecutor executor, Localization texts, Language language, Clock clock,
                                     CurrentPatient current) {
        this.source = source;
        this.executor = executor;
        this.texts = texts;
        this.language = language;
        this.clock = clock;
        this.current = current;
        filter.addListener((obs, old, now) -> refresh());
    }

    /** Reads the stays again, off the FX thread. */
    public void refresh() {
        Filter shown = filter.get();
        executor.submit(() -> shown == Filter.IN_HOSPITAL ? inHospital() : recentDischarges(), found -> {
            if (shown != filter.get()) {
                return; // the nurse switched the filter meanwhile: that read is shown by the next one
            }
            rows.setAll(found);
            summary.set(shown == Filter.IN_HOSPITAL ? texts.text("hospitalisations.summary.in", found.size())
                    : texts.text("hospitalisations.summary.recent", found.size(),
                    found.stream().filter(HospitalisationRow::decisionWaiting).count()));
            message.set("");
        }, failure -> message.set(FailureText.of(failure, texts, language)));
    }

    private List<HospitalisationRow> inHospital() {
        HospitalEventWords words = new HospitalEventWords(language);
        Map<UUID, String> names = new HashMap<>();
        return source.inHospital().stream().map(s -> new HospitalisationRow(s.patientId(),
                names.computeIfAbsent(s.patientId(), source::patientName), HospitalEventWords.dayAndTime(s.admittedAt()), words.where(s),
                s.expectedDischarge() == null ? texts.text("hospitalisations.expected.unknown") : s.expectedDischarge().format(DAY),
                referent(s.patientId()), "", "", false)).toList();
    }

    private List<HospitalisationRow> recentDischarges() {
        HospitalEventWords words = new HospitalEventWords(language);
        Map<UUID, String> names = new HashMap<>();
        Map<UUID, List<HospitalEvents.Proposal>> proposals = new HashMap<>();
        return source.dischargedSince(clock.instant().minus(RECENT)).stream().map(s -> {
            List<String> waiting = waiting(s, proposals.computeIfAbsent(s.patientId(), source::proposals));
            return new HospitalisationRow(s.patientId(), names.computeIfAbsent(s.patientId(), source::patientName),
                    HospitalEventWords.dayAndTime(s.admittedAt()), words.where(s), "", referent(s.patientId()),
                    HospitalEventWords.dayAndTime(s.dischargedAt()),
                    waiting.isEmpty() ? texts.text("hospitalisations.pending.none") : String.join(" ; ", waiting), !waiting.isEmpty());
        }).toList();
    }

    private String referent(UUID patientId) {
        return source.referent(patientId).orElse(texts.text("hospitalisations.referent.none"));
    }

    /** The decisions this stay's discharge still waits for, in words; none once the nurse has decided them all. */
    private List<String> waiting(HospitalStay stay, List<HospitalEvents.Proposal> ofPatient) {
        return ofPatient.stream().filter(p -> p.discharge().id().equals(stay.dischargeEventId()))
                .map(p -> p.effect().resumedEnrollment() != null ? texts.text("adt.proposal.resume")
                        : texts.text("adt.proposal.enrol", source.pathwayTitle(p.effect().proposedTemplate()))).toList();
    }

    /** "Ouvrir le dossier": the row's patient becomes the window's current patient (list, file and title follow). */
    public void openPatient(HospitalisationRow row) {
        if (row != null) {
            current.open(row.patientId());
        }
    }

    public ObjectProperty<Filter> filterProperty() {
        return filter;
    }

    public ReadOnlyListProperty<HospitalisationRow> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
