package fr.relais.app.cli;

import fr.relais.app.cli.output.Column;
import fr.relais.app.cli.view.PatientFileView;
import fr.relais.core.careteam.CareTeamService;
import fr.relais.core.careteam.CareRole;
import fr.relais.core.careteam.CareTeamMember;
import fr.relais.core.careteam.Professional;
import fr.relais.core.error.BadInputException;
import fr.relais.core.time.CareZone;
import fr.relais.core.time.IsoInput;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code relais careteam professionals|add}: the professionals this workstation knows — recorded here, found in the
 * directory, or received from the team server (another system's Practitioner, with or without an RPPS number Relais
 * reads) — and adding one of them to a patient's cercle de soins. The membership pushes back onto the server's
 * CareTeam with the server id of that Practitioner.
 */
@Command(name = "careteam", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true,
        subcommands = {CareTeamCommand.Professionals.class, CareTeamCommand.Add.class})
final class CareTeamCommand {

    /** Lists the professionals known here, by name. */
    @Command(name = "professionals", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Professionals extends Leaf.WithServices<CareTeamService> {
        @Option(names = "--name", descriptionKey = "careteam.name")
        String name;

        Professionals() {
            super(CommandWiring.CARE_TEAM);
        }

        @Override
        int run(RelaisCommand root, CareTeamService careTeam) {
            String start = name == null ? "" : name.trim().toUpperCase(Locale.FRANCE);
            List<Professional> found = careTeam.professionals().stream()
                    .filter(p -> p.familyName().toUpperCase(Locale.FRANCE).startsWith(start))
                    .toList();
            root.printer().list(found, List.of(
                    new Column<>("id", "col.id", p -> p.id().toString()),
                    new Column<>("name", "col.name", Professional::displayName),
                    new Column<>("profession", "col.profession", p -> root.text("profession." + p.profession().name())),
                    new Column<>("rpps", "col.rpps", p -> p.rpps() == null ? "" : p.rpps())), p -> p);
            return Cli.OK;
        }
    }

    /** Adds a known professional (by id or RPPS number) to a patient's cercle de soins. */
    @Command(name = "add", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true, sortOptions = false)
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--professional", required = true, paramLabel = "ID|RPPS", descriptionKey = "careteam.professional")
        String professional;
        @Mixin
        Membership membership = new Membership();

        @Override
        public Integer call() {
            return membership.add(Leaf.root(spec), CommandWiring.CARE_TEAM, (careTeam, patientId, role, start) ->
                    careTeam.assign(patientId, known(careTeam, professional.trim()).id(), role, start));
        }

        /** By RPPS number, else by id; an unknown one is bad input naming what was typed. */
        private static Professional known(CareTeamService careTeam, String value) {
            var byRpps = careTeam.findProfessionalByRpps(value);
            if (byRpps.isPresent()) {
                return byRpps.get();
            }
            try {
                return careTeam.findProfessional(java.util.UUID.fromString(value))
                        .orElseThrow(() -> new BadInputException("--professional", "careteam.unknownProfessional", value));
            } catch (IllegalArgumentException notAnId) {
                throw new BadInputException("--professional", "careteam.unknownProfessional", value);
            }
        }
    }

    /**
     * What a new membership takes on the command line (patient, role, start day) and how it is said once made: shared
     * by {@code careteam add} and {@code annuaire add}, which differ only in where the professional comes from.
     */
    static final class Membership {
        @Option(names = "--patient", required = true, paramLabel = "ID", descriptionKey = "worklist.patient")
        String patient;
        @Option(names = "--role", required = true, descriptionKey = "annuaire.role")
        String role;
        @Option(names = "--start", paramLabel = "YYYY-MM-DD", descriptionKey = "enroll.start")
        String start;

        /** Makes the membership with the given way of finding the professional. */
        interface Assignment<N> {
            CareTeamMember assign(N uses, UUID patientId, CareRole role, LocalDate start);
        }

        <N> int add(RelaisCommand root, Wiring<N> wiring, Assignment<N> assignment) {
            CareRole careRole = Arguments.careRole("--role", role, root.language());
            LocalDate startDate = start == null ? null : IsoInput.date("--start", start);
            try (OpenStore<N> store = root.open(wiring)) {
                UUID patientId = store.patient(patient);
                CareTeamMember member = assignment.assign(store.uses(), patientId, careRole,
                        startDate != null ? startDate : LocalDate.now(root.clock().withZone(CareZone.PARIS)));
                root.printer().object(PatientFileView.MemberView.of(member), out -> out.println(root.text("careteam.added",
                        member.professional().displayName(), new fr.relais.core.wording.StatusWords(root.language()).role(member.role()))));
                return Cli.OK;
            }
        }
    }
}
