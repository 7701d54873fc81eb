package fr.relais.sync.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.ValidationResult;
import fr.relais.core.RelaisCore;
import fr.relais.core.StoreTemplate;
import fr.relais.core.careteam.CareRole;
import fr.relais.core.careteam.Profession;
import fr.relais.core.identity.IdentityDocument;
import fr.relais.core.identity.IdentityStatus;
import fr.relais.core.identity.Ins;
import fr.relais.core.identity.InsMatricule;
import fr.relais.core.identity.InsOid;
import fr.relais.core.identity.NewPatient;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.Sex;
import fr.relais.core.identity.StrictTraits;
import fr.relais.core.measure.MeasureCatalog;
import fr.relais.core.measure.MeasureSource;
import fr.relais.core.measure.NewMeasure;
import fr.relais.core.session.Actor;
import fr.relais.core.session.UserSession;
import fr.relais.core.time.CareZone;
import fr.relais.sync.composition.SyncModule;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The portability export: the whole record, valid FHIR R4, and the INS only for a qualified identity. */
class PatientRecordExportTest {
    static final LocalDate START = LocalDate.of(2026, 11, 2);

    @TempDir
    Path dir;
    RelaisCore core;

    @BeforeEach
    void open() {
        Clock clock = Clock.fixed(ZonedDateTime.of(START.plusDays(5).atTime(10, 0), CareZone.PARIS).toInstant(), CareZone.PARIS);
        core = RelaisCore.open(StoreTemplate.copyTo(dir.resolve("relais.db")), clock, new UserSession(new Actor("idec", "ROUX Renée", "IDEC")));
        // A test INS (OID NIR-TEST) is accepted only in a demo or test store.
        core.database().inTransaction(() -> core.database().meta().setKind(fr.relais.core.store.StoreKind.DEMO));
    }

    @AfterEach
    void close() {
        core.close();
    }

    private Patient patient(IdentityStatus status, String ipp) {
        return fr.relais.core.identity.TestInsiAnswer.registerFromInsi(core.patients(), new NewPatient(new StrictTraits("LEFÈVRE", List.of("Hélène"), Sex.F, LocalDate.of(1995, 10, 3),
                "99126"), null, null, ipp, null, null, null),
                new Ins(InsMatricule.parse("ins", "295109912611193"), InsOid.NIR_TEST), status == IdentityStatus.QUAL ? IdentityDocument.CN : null);
    }

    @Test
    void theWholeRecordTravelsAsValidFhir() {
        Patient p = patient(IdentityStatus.QUAL, "IPP-1");
        var idec = core.careTeam().addProfessional("ROUX", "Renée", Profession.INFIRMIER, "10003461033", "renee.roux@infirmier.mssante.fr", null);
        core.careTeam().assign(p.id(), idec.id(), CareRole.IDEC, START);
        core.enrollments().enroll(p.id(), "bpco-exacerbation", 1, START);
        for (int day = 0; day < 3; day++) {
            core.measures().record(new NewMeasure(p.id(), MeasureCatalog.SPO2, day == 2 ? "84" : "95", "%",
                    ZonedDateTime.of(START.plusDays(day).atTime(9, 0), CareZone.PARIS).toInstant(), MeasureSource.DEVICE));
        }
        var alert = core.alerts().list(true, p.id()).get(0);
        core.alerts().acknowledge(alert.id(), "appel de la patiente");
        core.questionnaires().answer(p.id(), "PHQ-9", List.of(1, 1, 0, 0, 1, 0, 0, 0, 0), core.clock().instant());

        Bundle bundle = new SyncModule(core).recordExport().export(p.id(), new IppNamespace("1.2.250.1.999.99.1"));
        String json = RelaisFhir.CONTEXT.newJsonParser().encodeResourceToString(bundle);
        // Strict parsing: an element the R4 model does not know fails the test rather than a warning in the log.
        Bundle read = RelaisFhir.CONTEXT.newJsonParser().setParserErrorHandler(new ca.uhn.fhir.parser.StrictErrorHandler())
                .parseResource(Bundle.class, json);

        var types = read.getEntry().stream().map(e -> e.getResource().fhirType()).collect(Collectors.toSet());
        assertThat(types).contains("Patient", "CareTeam", "Practitioner", "CarePlan", "Task", "Observation", "QuestionnaireResponse",
                "DetectedIssue");
        CarePlan plan = only(read, CarePlan.class);
        assertThat(plan.getInstantiatesCanonical().get(0).getValue()).isEqualTo("urn:relais:pathway:bpco-exacerbation|1");
        assertThat(plan.getSubject().getReference()).isEqualTo("Patient/" + p.id());
        Practitioner nurse = only(read, Practitioner.class);
        assertThat(nurse.getIdentifier()).extracting(i -> i.getSystem() + "|" + i.getValue())
                .contains("https://rpps.esante.gouv.fr|10003461033", "urn:oid:1.2.250.1.71.4.2.1|810003461033");
        DetectedIssue issue = only(read, DetectedIssue.class);
        assertThat(issue.getSeverity()).isEqualTo(DetectedIssue.DetectedIssueSeverity.HIGH);
        assertThat(issue.getMitigationFirstRep().getAction().getText()).isEqualTo("appel de la patiente");
        QuestionnaireResponse phq = only(read, QuestionnaireResponse.class);
        assertThat(phq.getItem()).hasSize(9);
        assertThat(json).contains("295109912611193");

        // Base R4 validation: structure, cardinalities, value sets of the core resources (no FR Core package offline).
        FhirValidator validator = BaseR4Validation.validator();
        for (Bundle.BundleEntryComponent entry : read.getEntry()) {
            ValidationResult result = validator.validateWithResult(entry.getResource());
            assertThat(result.getMessages().stream().filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                    .filter(m -> !m.getMessage().contains(FrCore.BASE))
                    .map(m -> entry.getResource().fhirType() + " " + m.getLocationString() + ": " + m.getMessage()))
                    .isEmpty();
        }
    }

    @Test
    void anUnqualifiedIdentityLeavesWithoutItsIns() {
        Patient p = patient(IdentityStatus.RECUP, "IPP-2");
        String json = new SyncModule(core).recordExport().json(p.id(), new IppNamespace("1.2.250.1.999.99.1"));
        assertThat(json).doesNotContain("295109912611193").contains("IPP-2", "urn:oid:1.2.250.1.999.99.1").doesNotContain("urn:relais:ipp");
    }

    @Test
    void aRecordWithAnIppCannotLeaveBeforeTheOrganisationsIppOidIsConfigured() {
        Patient p = patient(IdentityStatus.RECUP, "IPP-3");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SyncModule(core).recordExport().export(p.id(), null))
                .isInstanceOfSatisfying(fr.relais.core.error.BadInputException.class, e -> {
                    assertThat(e.input()).isEqualTo("RELAIS_IPP_OID");
                    assertThat(e.message(fr.relais.core.i18n.Language.FR)).contains("RELAIS_IPP_OID", "OID de l'IPP");
                });
        assertThat(IppNamespace.from(java.util.Map.of("RELAIS_IPP_OID", "urn:oid:1.2.250.1.71.4.2.7")).system())
                .isEqualTo("urn:oid:1.2.250.1.71.4.2.7");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> IppNamespace.from(java.util.Map.of("RELAIS_IPP_OID", "urn:relais:ipp")))
                .isInstanceOfSatisfying(fr.relais.core.error.BadInputException.class, e -> assertThat(e.reasonKey()).isEqualTo("ipp.oidInvalid"));
    }

    private static <T extends Resource> T only(Bundle bundle, Class<T> type) {
        List<T> found = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance)
                .map(type::cast).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
