package fr.relais.app.gui.hospital;

import fr.relais.core.RelaisCore;
import fr.relais.core.careteam.CareRole;
import fr.relais.core.careteam.CareTeamService;
import fr.relais.core.hospital.HospitalEvents;
import fr.relais.core.hospital.HospitalStay;
import fr.relais.core.i18n.Language;
import fr.relais.core.time.CareZone;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The Hospitalisations screen's reads, from the store: stays, names, the IDE de coordination, proposals, pathway titles. */
public final class HospitalisationsSource implements HospitalisationsViewModel.Source {
    private final RelaisCore core;
    private final Language language;

    public HospitalisationsSource(RelaisCore core, Language language) {
        this.core = core;
        this.language = language;
    }

    @Override
    public List<HospitalStay> inHospital() {
        return core.hospitalEvents().inHospital();
    }

    @Override
    public List<HospitalStay> dischargedSince(Instant since) {
        return core.hospitalEvents().dischargedSince(since);
    }

    @Override
    public String patientName(UUID patientId) {
        return core.patients().get(patientId).displayName();
    }

    @Override
    public Optional<String> referent(UUID patientId) {
        LocalDate today = LocalDate.now(core.clock().withZone(CareZone.PARIS));
        return CareTeamService.holderIn(core.careTeam().teamOf(patientId), CareRole.IDEC, today).map(m -> m.professional().displayName());
    }

    @Override
    public List<HospitalEvents.Proposal> proposals(UUID patientId) {
        return core.hospitalEvents().proposals(patientId);
    }

    @Override
    public String pathwayTitle(String templateId) {
        return core.pathways().get(templateId, null).template().title().in(language);
    }
}
