package fr.relais.sync.dmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.core.RelaisCore;
import fr.relais.core.StoreTemplate;
import fr.relais.core.i18n.Language;
import fr.relais.core.identity.IdentityDocument;
import fr.relais.core.identity.IdentityStatus;
import fr.relais.core.identity.Ins;
import fr.relais.core.identity.InsMatricule;
import fr.relais.core.identity.InsOid;
import fr.relais.core.identity.NewPatient;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.Sex;
import fr.relais.core.identity.StrictTraits;
import fr.relais.core.identity.TestInsiAnswer;
import fr.relais.core.messaging.DmpDocumentKind;
import fr.relais.core.messaging.DmpFilings;
import fr.relais.core.session.Actor;
import fr.relais.core.session.UserSession;
import fr.relais.core.store.StoreKind;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A DMP that cannot be reached: named in French, nothing recorded as filed, the patient's file untouched. */
class DmpUnreachableTest {
    @TempDir
    Path dir;

    @Test
    void anUnreachableDmpIsNamedAndNothingIsRecordedAsFiled() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (RelaisCore core = RelaisCore.open(StoreTemplate.copyTo(dir.resolve("relais.db")),
                Clock.fixed(Instant.parse("2026-12-06T09:00:00Z"), ZoneOffset.UTC), new UserSession(new Actor("idec", "ROUX Renée", "poste")))) {
            core.database().inTransaction(() -> core.database().meta().setKind(StoreKind.DEMO));
            Patient p = TestInsiAnswer.registerFromInsi(core.patients(), new NewPatient(new StrictTraits("LEFÈVRE", List.of("Hélène"), Sex.F,
                    LocalDate.of(1950, 12, 3), "75056"), null, null, null, null, null, null),
                    new Ins(InsMatricule.withKey("2501275056123"), InsOid.NIR_TEST), IdentityDocument.CN);
            assertThat(p.status()).isEqualTo(IdentityStatus.QUAL);
            DmpFilings filings = new DmpFilings(core.database(), core.audit(), core.session(), core.clock());
            DmpFeeding dmp = new DmpFeeding(core.patients(), core.consents(), filings, core.audit(), core.clock(),
                    new DmpSettings("http://127.0.0.1:" + closedPort + "/fhir", "CPTS de test", "1.2.250.1.999.99.2"));

            assertThatThrownBy(() -> dmp.file(p.id(), DmpDocumentKind.URGENT_CARE_PLAN, "Plan d'urgence", "%PDF-1.7".getBytes(),
                    new DmpAuthor("ROUX Renée", "10003461033")))
                    .isInstanceOfSatisfying(DmpUnavailableException.class, e -> assertThat(e.detail().message(Language.FR))
                            .contains("DMP est injoignable", "travail hors ligne continue"));
            assertThat(filings.list(p.id())).isEmpty();
            assertThat(core.audit().forPatient(p.id())).anyMatch(e -> e.action().equals("dmp.unreachable"));
        }
    }
}
