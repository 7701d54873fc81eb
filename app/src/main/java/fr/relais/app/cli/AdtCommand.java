package fr.relais.app.cli;

import fr.relais.app.cli.output.Column;
import fr.relais.core.hospital.HospitalEvents;
import fr.relais.core.hospital.StoredHospitalEvent;
import fr.relais.core.identity.PatientService;
import fr.relais.core.time.CareZone;
import fr.relais.sync.adt.AdtListener;
import fr.relais.sync.fhir.IppNamespace;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code relais adt listen|queue|link|proposals|confirm|decline}: hospital admissions and discharges (HL7 v2.5 ADT
 * over MLLP, docs/hospital-events.md). {@code listen} runs headless until stopped; {@code queue} lists the messages
 * waiting for a person to say whose they are; {@code link} says it; the nurse decides a discharge's proposals.
 */
@Command(name = "adt", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true,
        subcommands = {AdtCommand.Listen.class, AdtCommand.Queue.class, AdtCommand.Link.class, AdtCommand.Proposals.class,
                AdtCommand.Confirm.class, AdtCommand.Decline.class})
final class AdtCommand {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    /** What the hospital-event commands use: the events, the patients to name whose they are, the pathways proposed. */
    record Uses(HospitalEvents events, fr.relais.core.hospital.HospitalDocuments documents, PatientService patients,
                fr.relais.core.pathway.PathwayService pathways) {
    }

    /** One message of the identity queue: an ADT event, or a hospital's document ({@code event} {@code T02}). */
    record Queued(UUID id, java.time.Instant receivedAt, String facility, String event, String ipp, String reason) {
        static Queued of(StoredHospitalEvent e) {
            return new Queued(e.id(), e.receivedAt(), e.facilityName(), e.type().name(), e.ippIdentifier() == null ? "" : e.ippIdentifier().value(),
                    e.queueReason().name());
        }

        static Queued of(fr.relais.core.hospital.HospitalDocument d) {
            return new Queued(d.id(), d.receivedAt(), d.facility(), "T02", d.ippIdentifier() == null ? "" : d.ippIdentifier().value(),
                    d.queueReason() == null ? "UNMATCHED" : d.queueReason().name());
        }
    }

    /**
     * The IPP namespaces read as the organisation's own: its IPP OID and the hospitals' systems it reads as IPP (the
     * same settings as the sync's, {@link IppNamespace}); none configured, only the INS and linked IPPs match.
     */
    static Set<String> localIpp(Map<String, String> settings) {
        IppNamespace namespace = IppNamespace.from(settings);
        Set<String> oids = new LinkedHashSet<>();
        if (namespace != null) {
            oids.add(namespace.oid());
            namespace.alsoRead().forEach(system -> oids.add(system.replaceFirst("^urn:oid:", "")));
        }
        return oids;
    }

    @Command(name = "listen", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true, sortOptions = false)
    static final class Listen extends Leaf.WithServices<Uses> {
        @Option(names = "--port", required = true, paramLabel = "PORT", descriptionKey = "adt.port")
        int port;
        @Option(names = "--tls", descriptionKey = "adt.tls")
        boolean tls;

        Listen() {
            super(CommandWiring.ADT);
        }

        @Override
        int run(RelaisCommand root, Uses uses) throws Exception {
            Arguments.range("--port", port, 1, 65535);
            Set<String> local = localIpp(root.environment());
            try (AdtListener listener = AdtListener.start(uses.events(), uses.documents(), local, port, tls)) {
                root.printer().object(Map.of("port", port, "tls", tls), out -> out.println(root.text("adt.listening", port)));
                Runtime.getRuntime().addShutdownHook(new Thread(listener::close, "adt-listener-stop"));
                listener.awaitStop();
            }
            return Cli.OK;
        }
    }

    @Command(name = "queue", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Queue extends Leaf.WithServices<Uses> {
        Queue() {
            super(CommandWiring.ADT);
        }

        @Override
        int run(RelaisCommand root, Uses uses) {
            // The ADT events and the documents (letters) waiting, in the order received.
            List<Queued> queued = java.util.stream.Stream.concat(uses.events().queue().stream().map(Queued::of),
                    uses.documents().queue().stream().map(Queued::of)).sorted(java.util.Comparator.comparing(Queued::receivedAt)).toList();
            root.printer().list(queued, List.of(
                    new Column<>("id", "col.id", Queued::id),
                    new Column<>("receivedAt", "col.receivedAt", Queued::receivedAt, e -> WHEN.format(e.receivedAt().atZone(CareZone.PARIS))),
                    new Column<>("facility", "col.facility", Queued::facility),
                    new Column<>("event", "col.event", Queued::event, e -> root.text("adt.event." + e.event())),
                    new Column<>("ipp", "col.ipp", Queued::ipp),
                    new Column<>("reason", "col.reason", Queued::reason, e -> root.text("adt.queue." + e.reason()))),
                    e -> e);
            return Cli.OK;
        }
    }

    @Command(name = "link", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Link extends Leaf.WithServices<Uses> {
        @Parameters(index = "0", paramLabel = "ID", descriptionKey = "adt.eventId")
        String id;
        @Option(names = "--patient", required = true, paramLabel = "ID", descriptionKey = "worklist.patient")
        String patient;

        Link() {
            super(CommandWiring.ADT);
        }

        @Override
        int run(RelaisCommand root, Uses uses) {
            UUID eventId = Arguments.uuid("ID", id);
            UUID patientId = uses.patients().resolve(patient).id();
            Set<String> local = localIpp(root.environment());
            String name = uses.patients().find(patientId).map(fr.relais.core.identity.Patient::displayName).orElse("");
            if (uses.documents().queue().stream().anyMatch(d -> d.id().equals(eventId))) {
                // A hospital's letter waiting: filed with the patient, and what waits with the same IPP decided again.
                fr.relais.core.hospital.HospitalDocument document = uses.documents().link(eventId, patientId, local);
                root.printer().object(Map.of("id", document.id(), "patient", patientId, "state", document.state().name()),
                        out -> out.println(root.text("adt.linked", root.text("adt.event.T02"), document.facility(), name)));
                return Cli.OK;
            }
            StoredHospitalEvent event = uses.events().link(eventId, patientId, local);
            uses.documents().decideQueued(event.ippIdentifier(), local);
            root.printer().object(Map.of("id", event.id(), "patient", patientId, "state", event.state().name()),
                    out -> out.println(root.text("adt.linked", root.text("adt.event." + event.type().name()), event.facilityName(), name)));
            return Cli.OK;
        }
    }

    @Command(name = "proposals", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Proposals extends Leaf.WithPatient<Uses> {
        Proposals() {
            super(CommandWiring.ADT);
        }

        @Override
        int run(RelaisCommand root, Uses uses, UUID patientId) {
            root.printer().list(uses.events().proposals(patientId), List.of(
                    new Column<>("id", "col.id", p -> p.effect().id()),
                    new Column<>("dischargedAt", "col.dischargedAt", p -> p.discharge().eventAt(),
                            p -> WHEN.format(p.discharge().eventAt().atZone(CareZone.PARIS))),
                    new Column<>("facility", "col.facility", p -> p.discharge().facilityName()),
                    new Column<>("proposal", "col.proposal", p -> p.effect().target(), p -> p.effect().resumedEnrollment() != null
                            ? root.text("adt.proposal.resume") : root.text("adt.proposal.enrol",
                            uses.pathways().get(p.effect().proposedTemplate(), null).template().title().in(root.language())))),
                    p -> Map.of("id", p.effect().id(), "discharge", p.discharge().id(), "proposal", p.effect().target()));
            return Cli.OK;
        }
    }

    /** The nurse's decision on one proposal of a discharge: {@code confirm} or {@code decline}. */
    abstract static class Decision extends Leaf.WithServices<Uses> {
        @Parameters(index = "0", paramLabel = "ID", descriptionKey = "adt.proposalId")
        String id;
        private final boolean confirm;

        Decision(boolean confirm) {
            super(CommandWiring.ADT);
            this.confirm = confirm;
        }

        @Override
        int run(RelaisCommand root, Uses uses) {
            UUID proposal = Arguments.uuid("ID", id);
            if (confirm) {
                uses.events().confirm(proposal);
            } else {
                uses.events().decline(proposal);
            }
            root.printer().object(Map.of("id", proposal, "state", confirm ? "CONFIRMED" : "DECLINED"),
                    out -> out.println(root.text(confirm ? "adt.confirmed" : "adt.declined")));
            return Cli.OK;
        }
    }

    @Command(name = "confirm", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Confirm extends Decision {
        Confirm() {
            super(true);
        }
    }

    @Command(name = "decline", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Decline extends Decision {
        Decline() {
            super(false);
        }
    }
}
