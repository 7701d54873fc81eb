package fr.relais.sync.dmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import fr.relais.core.RelaisCore;
import fr.relais.core.StoreTemplate;
import fr.relais.core.consent.Consent;
import fr.relais.core.consent.ConsentScope;
import fr.relais.core.error.BadInputException;
import fr.relais.core.i18n.Language;
import fr.relais.core.identity.IdentityDocument;
import fr.relais.core.identity.Ins;
import fr.relais.core.identity.InsMatricule;
import fr.relais.core.identity.InsOid;
import fr.relais.core.identity.NewPatient;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.Sex;
import fr.relais.core.identity.StrictTraits;
import fr.relais.core.identity.TestInsiAnswer;
import fr.relais.core.messaging.DmpDocumentKind;
import fr.relais.core.messaging.DmpFiling;
import fr.relais.core.messaging.DmpFilings;
import fr.relais.core.session.Actor;
import fr.relais.core.session.UserSession;
import fr.relais.core.store.StoreKind;
import fr.relais.sync.fhir.BaseR4Validation;
import fr.relais.sync.fhir.RelaisFhir;
import fr.relais.sync.server.JpaFhirServer;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Practitioner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeding the DMP: ITI-65 bundles sent to a real FHIR server (the shared HAPI JPA test server playing the MHD document
 * recipient), read back with their PDF; refusals for a provisional identity and an opposed patient before anything
 * leaves; a new report replacing the previous one; the bundle valid against base R4.
 */
class DmpFeedingTest {
    static final JpaFhirServer SERVER = JpaFhirServer.shared();
    static final DmpAuthor AUTHOR = new DmpAuthor("ROUX Renée", "10003461033");

    @TempDir
    Path dir;
    RelaisCore core;
    DmpFeeding dmp;
    IGenericClient server;

    @BeforeEach
    void open() {
        core = RelaisCore.open(StoreTemplate.copyTo(dir.resolve("relais.db")), Clock.fixed(Instant.parse("2026-12-06T09:00:00Z"), ZoneOffset.UTC),
                new UserSession(new Actor("idec", "ROUX Renée", "poste")));
        core.database().inTransaction(() -> core.database().meta().setKind(StoreKind.DEMO));
        DmpSettings settings = new DmpSettings(SERVER.baseUrl(), "CPTS de test", "1.2.250.1.999.99.2");
        dmp = new DmpFeeding(core.patients(), core.consents(), new DmpFilings(core.database(), core.audit(), core.session(), core.clock()),
                core.audit(), core.clock(), settings);
        server = RelaisFhir.CONTEXT.newRestfulGenericClient(SERVER.baseUrl());
    }

    @AfterEach
    void close() {
        core.close();
    }

    /** A patient whose identity INSi retrieved (RECUP), qualified (QUAL) when a high-trust document was checked. */
    private Patient patient(IdentityDocument document) {
        String matricule = InsMatricule.withKey("2501275056123").value();
        NewPatient typed = new NewPatient(new StrictTraits("LEFÈVRE", List.of("Hélène"), Sex.F, LocalDate.of(1950, 12, 3), "75056"),
                null, null, null, null, null, null);
        return TestInsiAnswer.registerFromInsi(core.patients(), typed, new Ins(new InsMatricule(matricule), InsOid.NIR_TEST), document);
    }

    private byte[] report(UUID patientId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        core.reports().write(patientId, Language.FR, out);
        return out.toByteArray();
    }

    private DocumentReference read(DmpFiling filing) {
        return server.read().resource(DocumentReference.class).withId(filing.documentReference()).execute();
    }

    @Test
    void aReportOfAQualifiedPatientIsFiledInTheDmp() throws Exception {
        Patient p = patient(IdentityDocument.CN);
        byte[] pdf = report(p.id());

        DmpFiling filing = dmp.file(p.id(), DmpDocumentKind.PATHWAY_REPORT, "Rapport de parcours", pdf, AUTHOR);

        DocumentReference stored = read(filing);
        assertThat(stored.getType().getCodingFirstRep().getSystem()).isEqualTo("http://loinc.org");
        assertThat(stored.getType().getCodingFirstRep().getCode()).isEqualTo("34133-9");
        assertThat(stored.getCategoryFirstRep().getCodingFirstRep().getDisplay()).isEqualTo("Compte rendu");
        assertThat(stored.getSecurityLabelFirstRep().getCodingFirstRep().getCode()).isEqualTo("N");
        assertThat(stored.getSubject().getReference()).as("the patient by INS only, no local id").isNull();
        assertThat(stored.getSubject().getIdentifier().getSystem()).isEqualTo("urn:oid:1.2.250.1.213.1.4.10");
        assertThat(stored.getSubject().getIdentifier().getValue()).isEqualTo(p.ins().matricule().value());
        Practitioner author = (Practitioner) stored.getContained().stream().filter(r -> r instanceof Practitioner).findFirst().orElseThrow();
        assertThat(author.getIdentifierFirstRep().getValue()).isEqualTo("810003461033");
        assertThat(stored.getRelatesTo()).isEmpty();
        assertThat(stored.getContentFirstRep().getAttachment().getSize()).isEqualTo(pdf.length);

        String binaryId = stored.getContentFirstRep().getAttachment().getUrl();
        assertThat(binaryId).startsWith("Binary/");
        Binary binary = server.read().resource(Binary.class).withId(binaryId).execute();
        try (PDDocument document = Loader.loadPDF(binary.getData())) {
            assertThat(new PDFTextStripper().getText(document)).contains("LEFÈVRE");
        }
        assertThat(core.audit().forPatient(p.id())).anyMatch(e -> e.action().equals("dmp.filed"));
    }

    @Test
    void aProvisionalIdentityIsNeverSentToTheDmp() {
        Patient recovered = patient(null);
        Patient typed = core.patients().register(new NewPatient(new StrictTraits("DURAND", List.of("Paul"), Sex.M, LocalDate.of(1948, 2, 1),
                "75056"), null, null, null, null, null, null)).patient();

        for (Patient p : List.of(typed, recovered)) {
            assertThatThrownBy(() -> dmp.file(p.id(), DmpDocumentKind.PATHWAY_REPORT, "Rapport de parcours", report(p.id()), AUTHOR))
                    .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.message(Language.FR))
                            .contains("identité n'est pas qualifiée", "INS"));
            assertThat(new DmpFilings(core.database(), core.audit(), core.session(), core.clock()).list(p.id())).isEmpty();
        }
    }

    @Test
    void anOpposedPatientsReportStaysLocal() {
        Patient p = patient(IdentityDocument.CN);
        Consent informed = core.consents().add(p.id(), ConsentScope.DMP_FEEDING, "IDEC", LocalDate.of(2026, 12, 1));
        core.consents().withdraw(informed.id(), "la patiente s'oppose à l'alimentation de son DMP");

        assertThatThrownBy(() -> dmp.file(p.id(), DmpDocumentKind.PATHWAY_REPORT, "Rapport de parcours", report(p.id()), AUTHOR))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.message(Language.FR))
                        .contains("opposition", "reste dans Relais"));
        assertThat(new DmpFilings(core.database(), core.audit(), core.session(), core.clock()).list(p.id())).isEmpty();
        assertThat(core.audit().forPatient(p.id())).anyMatch(e -> e.action().equals("dmp.refused") && e.detail().contains("dmp.opposed"));
    }

    @Test
    void aNewReportReplacesThePreviousOne() {
        Patient p = patient(IdentityDocument.CN);
        DmpFiling first = dmp.file(p.id(), DmpDocumentKind.PATHWAY_REPORT, "Rapport de parcours", report(p.id()), AUTHOR);
        DmpFiling plan = dmp.file(p.id(), DmpDocumentKind.URGENT_CARE_PLAN, "Plan d'urgence", report(p.id()), AUTHOR);

        DmpFiling second = dmp.file(p.id(), DmpDocumentKind.PATHWAY_REPORT, "Rapport de parcours", report(p.id()), AUTHOR);

        assertThat(plan.replaces()).as("another kind replaces nothing").isNull();
        assertThat(second.replaces()).isEqualTo(first.documentReference());
        DocumentReference stored = read(second);
        assertThat(stored.getRelatesTo()).singleElement().satisfies(r -> {
            assertThat(r.getCode()).isEqualTo(DocumentReference.DocumentRelationshipType.REPLACES);
            assertThat(r.getTarget().getReference()).isEqualTo(first.documentReference());
        });
        assertThat(read(plan).getType().getCodingFirstRep().getCode()).isEqualTo("18776-5");
    }

    @Test
    void theProvideBundleIsValidAgainstBaseR4() {
        Patient p = patient(IdentityDocument.CN);
        var built = ProvideDocumentBundle.build(p.ins(), DmpDocumentKind.URGENT_CARE_PLAN, "Plan d'urgence", report(p.id()),
                Instant.parse("2026-12-06T09:00:00Z"), AUTHOR, new DmpSettings(SERVER.baseUrl(), "CPTS de test", "1.2.250.1.999.99.2"),
                "DocumentReference/1");
        FhirValidator validator = BaseR4Validation.validator();
        var errors = validator.validateWithResult(built.bundle()).getMessages().stream()
                .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                // The PDSm and MHD profiles are not packaged offline: only their "unknown profile" notes are left aside.
                .filter(m -> !m.getMessage().contains("interop.esante.gouv.fr") && !m.getMessage().contains("profiles.ihe.net"))
                .map(m -> m.getLocationString() + ": " + m.getMessage()).toList();
        assertThat(errors).isEmpty();
    }
}
