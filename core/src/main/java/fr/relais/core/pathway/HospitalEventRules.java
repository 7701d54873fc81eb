package fr.relais.core.pathway;

import fr.relais.core.careteam.CareRole;
import java.time.Period;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What hospital events do to a pathway, as its template says ({@code hospitalEvents}, docs/pathway-templates.md).
 * {@code pausedKinds}: the kinds of step whose open tasks an admission puts on hold until the nurse resumes them after
 * discharge; {@code pauseMissingData}: no missing-data alert on self-measures while the patient is in hospital (a
 * measure not sent from a hospital bed is not the patient's fault); {@code coordinator}: who the admission and the
 * discharge are told to. {@code dischargeDiagnoses}: CIM-10 codes (a code or its prefix: "I50" covers "I50.1") whose
 * presence in a discharge proposes enrolling in this pathway; {@code callAfter} and {@code callRole}: the call planned
 * after a discharge (null: none).
 */
public record HospitalEventRules(Set<StepKind> pausedKinds, boolean pauseMissingData, CareRole coordinator,
                                 List<String> dischargeDiagnoses, Period callAfter, CareRole callRole) {
    /** A template without the block: hospital events are recorded and told to the coordinating nurse, nothing more. */
    public static final HospitalEventRules NONE = new HospitalEventRules(Set.of(), false, CareRole.IDEC, List.of(), null, null);

    public HospitalEventRules {
        pausedKinds = Set.copyOf(pausedKinds);
        dischargeDiagnoses = List.copyOf(dischargeDiagnoses);
        coordinator = coordinator == null ? CareRole.IDEC : coordinator;
    }

    /** Whether one of {@code diagnoses} (DG1-3 codes, with or without the dot) is one this pathway follows. */
    public boolean follows(List<String> diagnoses) {
        for (String code : diagnoses) {
            String received = normalised(code);
            for (String followed : dischargeDiagnoses) {
                if (!received.isEmpty() && received.startsWith(normalised(followed))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String normalised(String code) {
        return code == null ? "" : code.replace(".", "").strip().toUpperCase(Locale.ROOT);
    }
}
