package fr.relais.core.pathway;

import com.fasterxml.jackson.databind.JsonNode;
import fr.relais.core.careteam.CareRole;
import fr.relais.core.error.DefinitionFields;
import java.time.Period;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a template's optional {@code hospitalEvents} block with the shared walker: admission (kinds of step paused,
 * missing-data pause, who is told) and discharge (diagnoses that propose this pathway, the call after discharge).
 */
final class HospitalEventRulesParser {
    /** A CIM-10 code or prefix: a letter, two digits, then up to two more characters with an optional dot. */
    private static final Pattern CIM10 = Pattern.compile("[A-Z][0-9]{2}(\\.?[0-9A-Z]{1,2})?");

    private final DefinitionFields fields;

    HospitalEventRulesParser(DefinitionFields fields) {
        this.fields = fields;
    }

    HospitalEventRules parse(JsonNode node) {
        if (node == null || node.isNull()) {
            return HospitalEventRules.NONE;
        }
        if (!node.isObject()) {
            fields.error("hospitalEvents", "template.type", "object");
            return HospitalEventRules.NONE;
        }
        fields.unknownFields("hospitalEvents.", node, Set.of("admission", "discharge"));
        JsonNode admission = node.get("admission");
        Set<StepKind> paused = EnumSet.noneOf(StepKind.class);
        boolean pauseMissingData = false;
        CareRole coordinator = null;
        if (admission != null) {
            String prefix = "hospitalEvents.admission.";
            fields.unknownFields(prefix, admission, Set.of("pause", "pauseMissingData", "notify"));
            paused.addAll(fields.enumValues(admission, prefix, "pause", StepKind.class));
            pauseMissingData = fields.bool(admission, prefix, "pauseMissingData");
            coordinator = fields.enumValue(admission, prefix, "notify", CareRole.class, false);
        }
        JsonNode discharge = node.get("discharge");
        List<String> diagnoses = List.of();
        Period callAfter = null;
        CareRole callRole = null;
        if (discharge != null) {
            String prefix = "hospitalEvents.discharge.";
            fields.unknownFields(prefix, discharge, Set.of("diagnoses", "call"));
            diagnoses = fields.texts(discharge, prefix, "diagnoses");
            for (int i = 0; i < diagnoses.size(); i++) {
                if (!CIM10.matcher(diagnoses.get(i)).matches()) {
                    fields.error(prefix + "diagnoses[" + i + "]", "template.cim10", diagnoses.get(i));
                }
            }
            JsonNode call = discharge.get("call");
            if (call != null) {
                fields.unknownFields(prefix + "call.", call, Set.of("after", "role"));
                callAfter = fields.positive(fields.period(call, prefix + "call.", "after", true), call, prefix + "call.", "after");
                // Bounded like every length in a template, so that the call's date can always be computed.
                if (callAfter != null && (callAfter.toTotalMonths() > 12L * TemplateParser.MAX_YEARS || callAfter.getDays() > 366 * TemplateParser.MAX_YEARS)) {
                    fields.error(prefix + "call.after", "template.tooLong", call.get("after").asText(), TemplateParser.MAX_YEARS);
                    callAfter = null;
                }
                callRole = fields.enumValue(call, prefix + "call.", "role", CareRole.class, true);
            }
        }
        return new HospitalEventRules(paused, pauseMissingData, coordinator, diagnoses, callAfter, callRole);
    }
}
