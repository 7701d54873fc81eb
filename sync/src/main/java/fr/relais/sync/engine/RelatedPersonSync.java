package fr.relais.sync.engine;

import fr.relais.core.careteam.Relatives;
import fr.relais.core.error.BadInputException;
import fr.relais.core.identity.PatientService;
import fr.relais.core.privacy.RelatedPersonScrub;
import fr.relais.core.replication.SyncLink;
import fr.relais.sync.fhir.ObservationMapper;
import fr.relais.sync.fhir.RelaisFhir;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.RelatedPerson;

/**
 * Relatives other systems record for a patient (a son who is the family carer): read for their name and coded
 * relationship, so that the patient's cercle de soins shows the relative a CareTeam participant names ("fils"). Relais never changes one, except when the
 * patient is anonymised on this workstation: the RelatedPerson is then pushed as the server's copy without the
 * relative's name, phones, address, photo and identifiers ({@link RelatedPersonScrub}); the resource stays, with its
 * relationship and its reference to the (anonymised) patient, as the other system's record.
 */
final class RelatedPersonSync implements RecordSync<RelatedPerson> {
    private final PatientService patients;
    private final Relatives relatives;
    private final fr.relais.core.privacy.PatientAnonymisation anonymisation;
    private final fr.relais.core.careteam.CareTeamService careTeam;

    RelatedPersonSync(PatientService patients, Relatives relatives, fr.relais.core.privacy.PatientAnonymisation anonymisation,
                      fr.relais.core.careteam.CareTeamService careTeam) {
        this.patients = patients;
        this.relatives = relatives;
        this.anonymisation = anonymisation;
        this.careTeam = careTeam;
    }

    @Override
    public String recordType() {
        return Relatives.RECORD;
    }

    @Override
    public Class<RelatedPerson> resourceClass() {
        return RelatedPerson.class;
    }

    /** A hospital records relatives without the team's tag: they are searched by the team's patients ({@code patient=}). */
    @Override
    public boolean teamTagged() {
        return false;
    }

    @Override
    public UUID patientOf(UUID localId) {
        return relatives.patientOf(localId).orElse(null);
    }

    @Override
    public Outcome apply(RelatedPerson remote, UUID localId, Optional<SyncLink> link, String origin) {
        var patientRef = remote.getPatient().getReferenceElement();
        if (!"Patient".equals(patientRef.getResourceType()) || !patientRef.hasIdPart()) {
            throw new BadInputException(origin, "fhir.patientNotHeld");
        }
        UUID patient = ObservationMapper.localId(patientRef.getIdPart());
        if (patients.find(patient).isEmpty()) {
            // Kept unread (not linked) until the patient arrives: a later sync reads it again.
            throw new BadInputException(origin, "fhir.patientNotHeld");
        }
        // An anonymised patient's relatives keep no name here, whatever a server version still says.
        String name = anonymisation.isAnonymised(patient) ? null : nameOf(remote);
        boolean changed = relatives.applySynced(localId, patient, name, relationshipOf(remote), origin);
        return link.isEmpty() ? Outcome.CREATED : changed ? Outcome.UPDATED : Outcome.UNCHANGED;
    }

    /**
     * What the relative is to the patient as the other system coded it: the first coding with a system and a code, with
     * the words to show when Relais has no French for it (the concept's text, else the coding's display); null when
     * no relationship is coded (its words alone say nothing Relais could translate).
     */
    static fr.relais.core.careteam.Coded relationshipOf(RelatedPerson r) {
        for (var concept : r.getRelationship()) {
            for (var coding : concept.getCoding()) {
                if (coding.hasSystem() && coding.hasCode()) {
                    return new fr.relais.core.careteam.Coded(coding.getSystem(), coding.getCode(),
                            concept.hasText() ? concept.getText() : coding.hasDisplay() ? coding.getDisplay() : null);
                }
            }
        }
        return null;
    }

    /** "KERBRAT Yann": the name in use (usual, else official, else the first), family then given names, else its text. */
    static String nameOf(RelatedPerson r) {
        Optional<HumanName> name = r.getName().stream().filter(n -> n.getUse() == HumanName.NameUse.USUAL).findFirst()
                .or(() -> r.getName().stream().filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL).findFirst())
                .or(() -> r.getName().stream().findFirst());
        return name.map(n -> {
            String written = (n.hasFamily() ? n.getFamily() : "") + " "
                    + n.getGiven().stream().map(org.hl7.fhir.r4.model.StringType::getValue).collect(Collectors.joining(" "));
            return written.isBlank() ? n.getText() : written.strip();
        }).filter(s -> s != null && !s.isBlank()).orElse(null);
    }

    @Override
    public boolean followsDeletions() {
        return true;
    }

    /**
     * Another system deleted the relative (the son is no longer the carer, or the record was a duplicate): the relative
     * leaves the patient's contacts — the care team participant naming them is no longer shown, now or when the
     * CareTeam is read again ({@link CareTeamSync}) — while their record stays as history (name, relationship, audit
     * trail). Nothing is pushed: the CareTeam on the server stays as the other system wrote it.
     */
    @Override
    public void applyDeletion(UUID localId, String origin) {
        Optional<UUID> patient = relatives.patientOf(localId);
        if (patient.isPresent() && relatives.applyDeletedOnServer(localId, origin)) {
            careTeam.applySyncedOthers(patient.get(), careTeam.otherParticipantsOf(patient.get()).stream()
                    .filter(o -> !localId.equals(o.relativeId())).toList(), origin + ": relative deleted on the server");
        }
    }

    /** Only an anonymisation queues one: the server's copy without the relative (the same rule as the base kept here). */
    @Override
    public RelatedPerson build(UUID localId, Optional<SyncLink> link) {
        RelatedPerson server = base(link).orElseThrow(() -> new IllegalStateException("another system's relative is never created here"));
        var json = RelaisFhir.CONTEXT.newJsonParser();
        return json.parseResource(RelatedPerson.class, RelatedPersonScrub.anonymised(json.encodeResourceToString(server)));
    }
}
