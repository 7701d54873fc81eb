package fr.relais.core.hospital;

import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.time.CareZone;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A hospital event as the nurse reads it in the patient's history ("Admission à l'hôpital le 03/12/2026 à 14:20 :
 * CHU-RENNES, service CARDIO, chambre 12, lit 1") and a stay as the worklist and the patient list flag it ("À l'hôpital
 * depuis le 03/12"). Nouns rather than participles, so that no sentence needs the patient's sex ("Hospitalisé(e)" is
 * never written); the sender's OID, the event code and the movement id stay in the store for audit. The same words in
 * the desktop (history, worklist, patient list, Hospitalisations screen), in {@code relais patient show} and in the
 * patient report's PDF. In this package, not in core.wording, because core.wording is read by packages the hospital
 * events depend on (the care team): the words of an event live beside the event.
 */
public final class HospitalEventWords {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(CareZone.PARIS);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("dd/MM").withZone(CareZone.PARIS);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(CareZone.PARIS);
    /** PV1-3 as the listener stores it: point of care, room, bed, joined by " / ". */
    private static final String[] PLACE_PARTS = {"hospital.place.unit", "hospital.place.room", "hospital.place.bed"};

    private final Localization texts;

    public HospitalEventWords(Language language) {
        this.texts = Localization.of(HospitalTasks.BUNDLE, language);
    }

    /** The event's sentence; an event a later message cancelled says so. */
    public String of(StoredHospitalEvent e) {
        String sentence = texts.text("hospital.event." + e.type().name(), DAY.format(e.eventAt()), TIME.format(e.eventAt()),
                where(facility(e), place(e.location())));
        return e.state() == StoredHospitalEvent.State.UNDONE ? texts.text("hospital.event.undone", sentence) : sentence;
    }

    /** The badge of a patient now in hospital, empty when there is no open stay. */
    public String badge(java.util.Optional<HospitalStay> open) {
        return open.filter(HospitalStay::open).map(s -> texts.text("hospital.badge", SHORT_DAY.format(s.admittedAt()))).orElse("");
    }

    /** The facility's name from MSH-4; nothing when the sender gave only its OID. */
    private static String facility(StoredHospitalEvent e) {
        String name = e.facilityName();
        return name.equals(e.senderFacility()) && name.contains("^") ? "" : name;
    }

    /** Where a stay is: "CHU-RENNES, service CARDIO, chambre 12, lit 1", or the facility alone. */
    public String where(HospitalStay stay) {
        String place = place(stay.location());
        return place.isEmpty() ? stay.facility() : stay.facility() + ", " + place;
    }

    /** A day and time as the nurse reads them: "03/12/2026 14:20" (Paris). */
    public static String dayAndTime(java.time.Instant at) {
        return DAY.format(at) + " " + TIME.format(at);
    }

    /** A day: "03/12/2026" (Paris). */
    public static String day(java.time.Instant at) {
        return DAY.format(at);
    }

    private String place(String location) {
        if (location == null || location.isBlank()) {
            return "";
        }
        String[] parts = location.split(" / ");
        List<String> named = new ArrayList<>();
        for (int i = 0; i < parts.length && i < PLACE_PARTS.length; i++) {
            if (!parts[i].isBlank()) {
                named.add(texts.text(PLACE_PARTS[i], parts[i].strip()));
            }
        }
        return String.join(", ", named);
    }

    /** " : CHU-RENNES, service CARDIO", or only one of the two, or nothing. */
    private String where(String facility, String place) {
        String both = facility.isEmpty() ? place : place.isEmpty() ? facility : facility + ", " + place;
        return both.isEmpty() ? "" : texts.text("hospital.event.where", both);
    }
}
