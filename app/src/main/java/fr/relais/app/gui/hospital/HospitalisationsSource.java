package fr.relais.app.gui.hospital;

import fr.relais.core.careteam.CareRole;
import fr.relais.core.careteam.CareTeamService;
import fr.relais.core.hospital.HospitalEvents;
import fr.relais.core.hospital.HospitalStay;
import fr.relais.core.i18n.Language;
import fr.relais.core.identity.PatientService;
import fr.relais.core.pathway.PathwayService;
import fr.relais.core.time.CareZone;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The Hospitalisations screen's reads, from the store: stays, names, the IDE de coordination, proposals, pathway titles. */
public final class HospitalisationsSource implements HospitalisationsViewModel.Source {
    private final HospitalEvents hospital;
    private final PatientService patients;
    private final CareTeamService careTeam;
    private final PathwayService pathways;
    private final Clock clock;
    private final Language language;

    public HospitalisationsSource(HospitalEvents hospital, PatientService patients, CareTeamService careTeam, PathwayService pathways,
                                  Clock clock, Language language) {
        this.hospital = hospital;
        this.patients = patients;
        this.careTeam = careTeam;
        this.pathways = pathways;
        this.clock = clock;
        this.language = language;
    }

    @Override
    public List<HospitalStay> inHospital() {
        return hospital.inHospital();
    }

    @Override
    public List<HospitalStay> dischargedSince(Instant since) {
        return hospital.dischargedSince(since);
    }

    @Override
    public String patientName(UUID patientId) {
        return patients.get(patientId).displayName();
    }

    @Override
    public Optional<String> referent(UUID patientId) {
        LocalDate today = LocalDate.now(clock.withZone(CareZone.PARIS));
        return CareTeamService.holderIn(careTeam.teamOf(patientId), CareRole.IDEC, today).map(m -> m.professional().displayName());
    }

    @Override
    public List<HospitalEvents.Proposal> proposals(UUID patientId) {
        return hospital.proposals(patientId);
    }

    @Override
    public String pathwayTitle(String templateId) {
        return pathways.get(templateId, null).template().title().in(language);
    }
}
