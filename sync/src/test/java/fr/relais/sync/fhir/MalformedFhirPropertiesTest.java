package fr.relais.sync.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.parser.DataFormatException;
import fr.relais.core.error.BadInputException;
import fr.relais.core.fuzz.Mutations;
import fr.relais.core.fuzz.CleanRefusal;
import java.util.UUID;
import java.util.function.Function;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hl7.fhir.r4.model.Resource;

/**
 * Malformed FHIR, generated from resources Relais writes: HAPI's parser refuses what is not FHIR JSON
 * (DataFormatException, which the sync reports for the page), and whatever parses is mapped or refused with a
 * BadInputException naming the resource in French without raw exception or library text ({@link CleanRefusal}) — never
 * another exception. The number of cases tried is printed by jqwik per property and reported in docs/security.md.
 */
class MalformedFhirPropertiesTest {
    private static final String SOURCE = "Resource/fuzz/_history/1";

    private static <R extends Resource> void mappedOrRefused(String json, Class<R> type, Function<R, Object> mapper) {
        R parsed;
        try {
            parsed = RelaisFhir.CONTEXT.newJsonParser().parseResource(type, json);
        } catch (DataFormatException | ClassCastException notFhir) {
            return; // not FHIR JSON of that type: refused by the parser, before Relais
        }
        try {
            mapper.apply(parsed);
        } catch (BadInputException e) {
            assertThat(e.input()).isEqualTo(SOURCE);
            CleanRefusal.assertClean(json, e);
        }
    }

    private static String json(Resource r) {
        return RelaisFhir.CONTEXT.newJsonParser().setPrettyPrint(true).encodeResourceToString(r);
    }

    @Property(tries = 300)
    void observations(@ForAll("observations") String json) {
        mappedOrRefused(json, org.hl7.fhir.r4.model.Observation.class, o -> ObservationMapper.toLocal(o, SOURCE));
    }

    @Provide
    Arbitrary<String> observations() {
        var at = java.time.Instant.parse("2026-11-24T08:00:00Z");
        var measure = new fr.relais.core.measure.Measure(UUID.randomUUID(), UUID.randomUUID(), "29463-7", new java.math.BigDecimal("72.5"), "kg",
                "72,5", "kg", at, fr.relais.core.measure.MeasureSource.DEVICE, "idec", false, fr.relais.core.measure.MeasureStatus.FINAL, null, at, at);
        var o = new org.hl7.fhir.r4.model.Observation();
        ObservationMapper.write(measure, o);
        return Mutations.of(json(o));
    }

    @Property(tries = 200)
    void tasks(@ForAll("tasks") String json) {
        mappedOrRefused(json, org.hl7.fhir.r4.model.Task.class, t -> TaskMapper.toLocal(t, UUID.randomUUID(), rpps -> null, SOURCE));
    }

    @Provide
    Arbitrary<String> tasks() {
        var now = java.time.Instant.parse("2026-11-24T08:00:00Z");
        var task = new fr.relais.core.task.Task(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "bpco-exacerbation", "appel-j2", 1,
                "CALL", "Appel J+2", "Call D+2", fr.relais.core.careteam.CareRole.IDEC, null, fr.relais.core.task.TaskPriority.URGENT,
                fr.relais.core.task.TaskStatus.COMPLETED, null, now, now.plusSeconds(86400), "stable", "appel fait", now, now);
        return Mutations.of(json(TaskMapper.toFhir(task)));
    }

    @Property(tries = 200)
    void enrollments(@ForAll("enrollments") String json) {
        mappedOrRefused(json, org.hl7.fhir.r4.model.CarePlan.class, c -> CarePlanMapper.toLocal(c, SOURCE));
    }

    @Provide
    Arbitrary<String> enrollments() {
        var start = java.time.LocalDate.of(2026, 11, 20);
        var e = new fr.relais.core.pathway.Enrollment(UUID.randomUUID(), UUID.randomUUID(), "bpco-exacerbation", 1, start, start.plusDays(30),
                fr.relais.core.pathway.EnrollmentStatus.PAUSED, "hospitalisation", java.time.Instant.parse("2026-11-24T08:00:00Z"), start,
                java.time.Instant.parse("2026-11-20T08:00:00Z"), start.plusDays(10));
        return Mutations.of(json(CarePlanMapper.toFhir(e, "BPCO")));
    }

    @Property(tries = 300)
    void questionnaireResponses(@ForAll("responses") String json) {
        mappedOrRefused(json, org.hl7.fhir.r4.model.QuestionnaireResponse.class, q -> QuestionnaireResponseMapper.toLocal(q, SOURCE));
    }

    @Provide
    Arbitrary<String> responses() {
        var r = new fr.relais.core.questionnaire.QuestionnaireResponse(UUID.randomUUID(), UUID.randomUUID(), "PHQ-9", 1,
                java.util.Arrays.asList(1, 0, null, 2, 0, 0, 1, 0, 0), java.time.Instant.parse("2026-11-24T08:00:00Z"),
                new java.math.BigDecimal("4"), "minimal", UUID.randomUUID(), "idec");
        return Mutations.of(json(QuestionnaireResponseMapper.toFhir(r, true, "mauvais patient")));
    }

    /**
     * Regression: the mappers passed the exception's own message as the reason, here HAPI's "Type mismatch: the type
     * Quantity was expected, but org.hl7.fhir.r4.model.StringType was encountered", and for a missing value Java's
     * "Cannot invoke \"java.math.BigDecimal.toPlainString()\" because ... is null".
     */
    @Example
    void anObservationWhoseValueIsTextOrMissingIsRefusedInFrenchWithoutLibraryWords() {
        var text = new org.hl7.fhir.r4.model.Observation();
        text.setId("Observation/" + UUID.randomUUID());
        text.getCode().addCoding().setSystem(RelaisFhir.LOINC).setCode("29463-7");
        text.setValue(new org.hl7.fhir.r4.model.StringType("soixante-douze"));
        text.setEffective(new org.hl7.fhir.r4.model.DateTimeType("2026-11-24T08:00:00+01:00"));
        text.setSubject(new org.hl7.fhir.r4.model.Reference("Patient/" + UUID.randomUUID()));
        var missing = text.copy().setValue(null);
        for (var o : java.util.List.of(text, missing)) {
            assertThatThrownBy(() -> ObservationMapper.toLocal(o, SOURCE)).isInstanceOfSatisfying(BadInputException.class, e -> {
                CleanRefusal.assertClean(json(o), e);
                assertThat(e.message(fr.relais.core.i18n.Language.FR)).startsWith(SOURCE + ": la mesure ne peut pas être lue : ");
            });
        }
    }

    @Property(tries = 300)
    void patients(@ForAll("patients") String json) {
        mappedOrRefused(json, org.hl7.fhir.r4.model.Patient.class, p -> PatientMapper.toLocal(UUID.randomUUID(), PatientMapper.fields(p, IPP), null, SOURCE));
    }

    private static final IppNamespace IPP = new IppNamespace("1.2.250.1.999.99.1");

    @Provide
    Arbitrary<String> patients() {
        var f = new java.util.LinkedHashMap<String, String>();
        PatientMapper.FIELDS.forEach(k -> f.put(k, null));
        f.put("birthFamilyName", "MARTIN");
        f.put("birthGivenNames", "Claire Marie");
        f.put("sex", "F");
        f.put("birthDate", "1950-03-14");
        f.put("birthplace", "75056");
        f.put("usedFamilyName", "DUPONT");
        f.put("usedGivenName", "Claire");
        f.put("ipp", "P1");
        f.put("identityStatus", "VALI");
        f.put("replaces", UUID.nameUUIDFromBytes(new byte[] {1}).toString());
        var p = new org.hl7.fhir.r4.model.Patient();
        PatientMapper.write(f, p, IPP);
        return Mutations.of(json(p));
    }

    @Property(tries = 200)
    void foreignCarePlans(@ForAll("dischargePlans") String json) {
        mappedOrRefused(json, org.hl7.fhir.r4.model.CarePlan.class,
                c -> ForeignCarePlanMapper.toLocal(c, UUID.randomUUID(), UUID.randomUUID(), SOURCE));
    }

    /** A hospital's discharge plan as the foreign-world fixture has it (dates filled in). */
    @Provide
    Arbitrary<String> dischargePlans() {
        try (var in = MalformedFhirPropertiesTest.class.getResourceAsStream("/foreign-world/careplan-hospital-discharge.json")) {
            String json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).replace("{{patient}}", "1200")
                    .replace("{{start}}", "2026-11-20").replace("{{end}}", "2026-12-20").replace("{{created}}", "2026-11-20T10:00:00Z");
            return Mutations.of(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Property(tries = 200)
    void consents(@ForAll("consents") String json) {
        mappedOrRefused(json, org.hl7.fhir.r4.model.Consent.class, c -> ConsentMapper.toLocal(c, UUID.randomUUID(), SOURCE));
    }

    @Provide
    Arbitrary<String> consents() {
        var consent = new fr.relais.core.consent.Consent(UUID.randomUUID(), UUID.randomUUID(), fr.relais.core.consent.ConsentScope.TELEMONITORING,
                "IDE Martin", java.time.LocalDate.of(2026, 11, 20), java.time.Instant.parse("2026-11-20T10:00:00Z"), "Claire Martin",
                java.time.Instant.parse("2026-11-22T14:00:00Z"), "Paul Roux", "ne souhaite plus être suivi");
        return Mutations.of(json(ConsentMapper.write(consent, new org.hl7.fhir.r4.model.Consent())));
    }
}
