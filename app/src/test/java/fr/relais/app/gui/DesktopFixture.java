package fr.relais.app.gui;

import fr.relais.core.RelaisCore;
import fr.relais.core.alert.Alert;
import fr.relais.core.careteam.Profession;
import fr.relais.core.directory.DirectoryEntry;
import fr.relais.core.identity.PatientService;
import fr.relais.core.replication.Conflict;
import fr.relais.core.session.Actor;
import fr.relais.core.session.UserSession;
import fr.relais.core.urgentcare.UrgentCarePlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A demo store as a coordinating nurse finds it on a Monday: 30 patients on their pathways with their tasks, measures
 * and alerts, a physician in the directory, an urgent care plan (do not resuscitate, with a limitation of treatments)
 * for every patient with an open alert, and a conflict
 * waiting in the sync inbox. Each window the tour opens has something to show.
 */
final class DesktopFixture {
    /** Who opens the demo stores here: the coordinating nurse at the CPTS's workstation. */
    static final Actor CLAIRE = new Actor("idec", "Claire IDEC", "PC-CPTS-01");

    private DesktopFixture() {
    }

    static RelaisCore demoStore(Path dir) throws Exception {
        RelaisCore services = demo(dir, 30, 5, CLAIRE, true);
        physicianInTheDirectory(services);
        for (UUID patient : services.alerts().list(true, null).stream().map(Alert::patientId).distinct().toList()) {
            services.urgentCarePlans().edit(patient, new UrgentCarePlan("Insuffisance cardiaque", null,
                    new UrgentCarePlan.Allergies(false, List.of(new UrgentCarePlan.Allergy("Pénicilline", "œdème", null, null))),
                    new UrgentCarePlan.Treatments(true, List.of()), "Appeler l'IDEC",
                    new UrgentCarePlan.Resuscitation(UrgentCarePlan.ResuscitationStatus.DO_NOT_RESUSCITATE, "pas d'intubation ni de dialyse",
                            "Dr Jérôme BONNET", LocalDate.of(2026, 11, 2)), null, null, List.of(), "Domicile", null, List.of(),
                    LocalDate.now(services.clock().withZone(fr.relais.core.time.CareZone.PARIS)).plusMonths(3), null), "Plan établi");
        }
        var patient = services.patients().list(0, 1).get(0);
        Conflict conflict = new Conflict(UUID.randomUUID(), PatientService.RECORD, patient.id(), "usedFamilyName", null, patient.usedFamilyName(),
                "NOUVEAU-NOM", "2", "OPEN", services.clock().instant(), null, null, null);
        services.database().inTransaction(() -> {
            services.conflicts().open(conflict);
            return null;
        });
        return services;
    }

    /**
     * A copy in {@code dir} of the demo store of {@code patients} patients drawn from {@code seed} (generated once per
     * JVM: {@link DemoStore}), opened as {@code actor} on {@link DemoStore#RUNNING}, the clock every desktop test runs
     * on: it starts on a fixed morning and runs, so every screen shows the same days whatever the day of the run. With
     * {@code ippNamespace}, the workstation's settings give the organisation's IPP namespace, without which nothing
     * carrying an IPP leaves (sync, exports).
     */
    static RelaisCore demo(Path dir, int patients, long seed, Actor actor, boolean ippNamespace) throws java.io.IOException {
        if (ippNamespace) {
            Files.createDirectories(dir);
            Files.writeString(fr.relais.app.config.WorkstationSettings.fileFor(dir.resolve("relais.db")), "RELAIS_IPP_OID=1.2.250.1.999.99.1\n");
        }
        return RelaisCore.open(DemoStore.copyTo(dir, patients, seed), DemoStore.RUNNING, new UserSession(actor));
    }

    /** Dr Jérôme BONNET, general practitioner in Lyon, in the directory as the national directory gives him. */
    static void physicianInTheDirectory(RelaisCore services) {
        services.directory().save(List.of(new DirectoryEntry("810003461033", "10003461033", "BONNET", "Jérôme", "10", Profession.MEDECIN,
                List.of("SM54"), List.of("jeromebonnet@pro.mssante.fr"), true, Instant.parse("2026-10-01T00:00:00Z"),
                List.of(new DirectoryEntry.Activity("F1", "CH DE TEST", "690000001", null, "Lyon", "69383", "69003", List.of())))),
                services.clock().instant());
    }

    /**
     * A workstation with local accounts (issue 9) in {@code dir}, closed: the demo store of 5 patients (seed 3), an
     * administrator, and Claire, coordinating nurse (with {@code clairesRpps}, or none), whose password is {@code
     * password}. The accounts are hashed at the tests' cost (TestServices.PASSWORDS): the window checks them at the cost
     * they carry. Returns the store's file, to be opened on {@link DemoStore#RUNNING}.
     */
    static Path workstationWithAccounts(Path dir, String clairesRpps, String password) {
        Path db = DemoStore.copyTo(dir, 5, 3);
        try (RelaisCore setup = RelaisCore.open(db, DemoStore.RUNNING, UserSession.ofOperatingSystemUser(), fr.relais.core.store.StoreKey.NONE,
                fr.relais.core.alert.ReadingHours.DEFAULT, fr.relais.core.TestServices.PASSWORDS)) {
            setup.accounts().add("admin", "Admin", java.util.Set.of(fr.relais.core.session.Role.ADMINISTRATEUR), null, "mot de passe admin!".toCharArray());
            setup.accounts().signIn("admin", "mot de passe admin!".toCharArray());
            setup.accounts().add("claire", "Claire IDEC", java.util.Set.of(fr.relais.core.session.Role.IDEC), clairesRpps, password.toCharArray());
        }
        return db;
    }

    /** The main window on {@code stage} as a 1366×768 laptop shows it (the headless screen's size, app/pom.xml). */
    static void showAtLaptopSize(javafx.stage.Stage stage, RelaisCore services, SettlingExecutor executor) {
        RelaisApplication.show(stage, services, fr.relais.core.i18n.Language.FR, executor, file -> { });
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1366);
        stage.setHeight(768);
    }
}
