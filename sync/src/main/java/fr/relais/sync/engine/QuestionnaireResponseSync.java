package fr.relais.sync.engine;

import fr.relais.core.RelaisCore;
import fr.relais.core.questionnaire.QuestionnaireService;
import fr.relais.core.replication.SyncLink;
import fr.relais.sync.fhir.QuestionnaireResponseMapper;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.QuestionnaireResponse;

/**
 * Questionnaire responses (PHQ-9, GAD-7... answered on the phone or on paper): append-only like measures, so they never
 * conflict; entered-in-error on either side wins. Each workstation judges the answers it receives with its own alert
 * rules; the score travels as its own Observation.
 */
final class QuestionnaireResponseSync implements RecordSync<QuestionnaireResponse> {
    private final RelaisCore core;

    QuestionnaireResponseSync(RelaisCore core) {
        this.core = core;
    }

    @Override
    public String recordType() {
        return QuestionnaireService.RECORD;
    }

    @Override
    public Class<QuestionnaireResponse> resourceClass() {
        return QuestionnaireResponse.class;
    }

    @Override
    public UUID patientOf(UUID localId) {
        return core.questionnaires().find(localId).map(s -> s.response().patientId()).orElse(null);
    }

    @Override
    public Outcome apply(QuestionnaireResponse remote, UUID localId, Optional<SyncLink> link, String origin) {
        var incoming = QuestionnaireResponseMapper.toLocal(remote, origin);
        var before = core.questionnaires().find(localId);
        boolean inError = QuestionnaireResponseMapper.enteredInError(remote);
        core.questionnaires().applySynced(incoming, inError, QuestionnaireResponseMapper.errorReason(remote), origin);
        if (before.isEmpty()) {
            return Outcome.CREATED;
        }
        return inError && !before.get().enteredInError() ? Outcome.UPDATED : Outcome.UNCHANGED;
    }

    @Override
    public QuestionnaireResponse build(UUID localId, Optional<SyncLink> link) {
        var stored = core.questionnaires().find(localId).orElseThrow();
        QuestionnaireResponse written = QuestionnaireResponseMapper.toFhir(stored.response(), stored.enteredInError(), stored.errorReason());
        if (link.isEmpty()) {
            return written;
        }
        // Append-only: the only change Relais makes to a response it received is marking it entered in error; the
        // server's copy is edited so that everything else in it stays as it was.
        QuestionnaireResponse base = base(link).orElseThrow();
        base.setStatus(written.getStatus());
        written.getExtension().stream().filter(e -> base.getExtensionByUrl(e.getUrl()) == null).forEach(e -> base.addExtension(e.copy()));
        return base;
    }
}
