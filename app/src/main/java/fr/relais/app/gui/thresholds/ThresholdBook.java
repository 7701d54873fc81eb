package fr.relais.app.gui.thresholds;

import fr.relais.core.alert.ThresholdOverride;
import fr.relais.core.alert.ThresholdService;
import fr.relais.core.alert.ThresholdService.RuleInForce;
import fr.relais.core.careteam.CareTeamService;
import fr.relais.core.careteam.Profession;
import fr.relais.core.careteam.Professional;
import fr.relais.core.i18n.Language;
import fr.relais.core.identity.PatientService;
import fr.relais.core.pathway.PathwayService;
import fr.relais.core.rule.AlertRule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the "Seuils" tab reads and changes: a patient's rules in force and their history, the rule each override
 * replaces, the physicians of the cercle de soins, the names a sentence gives, and the physician's change or restore
 * (core checks the permission, the prescriber and the reason). The tab's tests give a small fake instead of a store.
 */
public interface ThresholdBook {
    List<RuleInForce> inForce(UUID patient, Instant at);

    /** Every override of the patient's rules, restores included, in no particular order. */
    List<ThresholdOverride> history(UUID patient);

    /** The pathway's (or questionnaire's) own rule that an override replaces. */
    Optional<AlertRule> original(UUID patient, String templateId, String ruleId);

    /** The library's pathways by id, as titled in {@code language}. */
    Map<String, String> pathwayTitles(Language language);

    /** The physicians of the patient's cercle de soins on {@code day}. */
    List<Professional> physiciansOf(UUID patient, LocalDate day);

    /** A professional's name by id ("Monique LEGRAND"). */
    String professionalName(UUID id);

    /** The patient's name as the file shows it. */
    String patientName(UUID patient);

    void change(UUID patient, String templateId, String ruleId, Map<String, String> changes, String prescriber, String reason);

    void restore(UUID patient, String templateId, String ruleId, String prescriber, String reason);

    /** The store's services. */
    static ThresholdBook of(ThresholdService thresholds, CareTeamService careTeam, PathwayService pathways, PatientService patients) {
        return new ThresholdBook() {
            @Override
            public List<RuleInForce> inForce(UUID patient, Instant at) {
                return thresholds.inForce(patient, at);
            }

            @Override
            public List<ThresholdOverride> history(UUID patient) {
                return thresholds.history(patient);
            }

            @Override
            public Optional<AlertRule> original(UUID patient, String templateId, String ruleId) {
                return thresholds.original(patient, templateId, ruleId);
            }

            @Override
            public Map<String, String> pathwayTitles(Language language) {
                Map<String, String> titles = new HashMap<>();
                pathways.list().forEach(t -> titles.put(t.template().id(), t.template().title().in(language)));
                return titles;
            }

            @Override
            public List<Professional> physiciansOf(UUID patient, LocalDate day) {
                return careTeam.teamOf(patient).stream().filter(m -> m.activeOn(day)).map(m -> m.professional())
                        .filter(p -> p.profession() == Profession.MEDECIN).distinct().toList();
            }

            @Override
            public String professionalName(UUID id) {
                return careTeam.professional(id.toString()).displayName();
            }

            @Override
            public String patientName(UUID patient) {
                return patients.get(patient).displayName();
            }

            @Override
            public void change(UUID patient, String templateId, String ruleId, Map<String, String> changes, String prescriber, String reason) {
                thresholds.change(patient, templateId, ruleId, changes, prescriber, reason);
            }

            @Override
            public void restore(UUID patient, String templateId, String ruleId, String prescriber, String reason) {
                thresholds.restore(patient, templateId, ruleId, prescriber, reason);
            }
        };
    }
}
