package fr.relais.app.gui.careteam;

import fr.relais.app.gui.common.FailureText;
import fr.relais.app.gui.task.BackgroundExecutor;
import java.time.Clock;
import fr.relais.core.careteam.CareTeamService;
import fr.relais.core.directory.DirectoryCache;
import fr.relais.core.careteam.CareRole;
import fr.relais.core.careteam.Profession;
import fr.relais.sync.fhir.NationalDirectory;
import fr.relais.core.directory.DirectoryEntry;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.time.CareZone;
import fr.relais.sync.annuaire.AnnuaireClient;
import fr.relais.sync.annuaire.AnnuaireUnavailableException;
import fr.relais.sync.annuaire.PractitionerQuery;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;

/**
 * Adding a professional to a patient's cercle de soins from the national directory: search the Annuaire Santé (name,
 * RPPS, profession, commune), or the local copy of what was found before when offline or without an API key; pick a
 * result and a role; add. The directory call runs on the background executor. Offline, the professionals this
 * workstation already knows (recorded here or received from the team server: another system's Practitioner, with or
 * without an RPPS number) are listed too, so that they can join a cercle de soins like a directory entry.
 */
public final class PractitionerSearchViewModel {
    private final Clock clock;
    private final CareTeamService careTeamService;
    private final DirectoryCache directoryCache;
    private final BackgroundExecutor executor;
    private final Localization texts;
    private final Language language;
    private final Supplier<AnnuaireClient> annuaire;
    private final UUID patientId;

    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty rpps = new SimpleStringProperty("");
    private final ObjectProperty<Profession> profession = new SimpleObjectProperty<>();
    private final StringProperty commune = new SimpleStringProperty("");
    private final BooleanProperty offline = new SimpleBooleanProperty(false);
    private final ObjectProperty<CareRole> role = new SimpleObjectProperty<>(CareRole.MEDECIN_TRAITANT);
    private final ObjectProperty<DirectoryRow> selected = new SimpleObjectProperty<>();
    private final ReadOnlyListWrapper<DirectoryRow> results = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    /**
     * {@code annuaire}: builds the directory client when a search goes online (the composition's
     * {@code DirectoryClients.fromEnvironment}: it refuses, with the reason, when no API key is configured).
     */
    public PractitionerSearchViewModel(Clock clock, CareTeamService careTeamService, DirectoryCache directoryCache, UUID patientId,
                                       BackgroundExecutor executor, Localization texts, Language language,
                                       Supplier<AnnuaireClient> annuaire) {
        this.clock = clock;
        this.careTeamService = careTeamService;
        this.directoryCache = directoryCache;
        this.patientId = patientId;
        this.executor = executor;
        this.texts = texts;
        this.language = language;
        this.annuaire = annuaire;
    }

    public void search() {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        message.set(texts.text("careteam.searching"));
        boolean local = offline.get();
        String n = name.get();
        Profession chosen = profession.get();
        executor.submit(() -> {
            if (local) {
                if (n == null || n.isBlank()) {
                    throw new fr.relais.core.error.BadInputException("name", "annuaire.noCriterion");
                }
                List<DirectoryEntry> entries = directoryCache.searchByName(n, false);
                return new Results(entries.stream().map(this::row).toList(), knownNotIn(entries, n), false);
            }
            PractitionerQuery query = new PractitionerQuery(n, rpps.get(), chosen == null ? null : chosen.name(), null, commune.get());
            AnnuaireClient.Found found = annuaire.get().search(query, directoryCache);
            return new Results(found.entries().stream().map(this::row).toList(), List.of(), found.truncated());
        }, found -> {
            busy.set(false);
            List<DirectoryRow> rows = new java.util.ArrayList<>(found.directory());
            rows.addAll(found.known());
            results.setAll(rows);
            message.set(rows.isEmpty() ? texts.text("careteam.none")
                    : texts.text(found.truncated() ? "careteam.truncated" : "careteam.found", rows.size()));
        }, failure -> {
            busy.set(false);
            message.set(failure instanceof AnnuaireUnavailableException u ? u.detail().message(language) + " " + texts.text("careteam.tryOffline")
                    : FailureText.of(failure, texts, language));
        });
    }

    /** Adds the selected professional in the chosen role, from today. */
    public void add(Runnable onAdded) {
        DirectoryRow row = selected.get();
        if (row == null) {
            message.set(texts.text("careteam.choose"));
            return;
        }
        CareRole r = role.get();
        executor.submit(() -> row.entry() != null
                        ? careTeamService.assignFromDirectory(patientId, row.entry(), r, LocalDate.now(clock.withZone(CareZone.PARIS)))
                        : careTeamService.assign(patientId, row.known().id(), r, LocalDate.now(clock.withZone(CareZone.PARIS))),
                member -> {
                    message.set(texts.text("careteam.added", member.professional().displayName(), new fr.relais.core.wording.StatusWords(language).role(r)));
                    onAdded.run();
                }, failure -> message.set(FailureText.of(failure, texts, language)));
    }

    private record Results(List<DirectoryRow> directory, List<DirectoryRow> known, boolean truncated) {
    }

    /** The professionals known here whose family name starts with {@code name}, except those the directory rows hold. */
    private List<DirectoryRow> knownNotIn(List<DirectoryEntry> entries, String name) {
        java.util.Set<String> listed = entries.stream().map(DirectoryEntry::rpps).collect(Collectors.toSet());
        String start = name.trim().toUpperCase(java.util.Locale.FRANCE);
        return careTeamService.professionals().stream()
                .filter(p -> p.familyName().toUpperCase(java.util.Locale.FRANCE).startsWith(start))
                .filter(p -> p.rpps() == null || !listed.contains(p.rpps()))
                .map(p -> new DirectoryRow(null, p, p.displayName(), texts.text("profession." + p.profession().name()),
                        p.mssanteAddress() == null ? "" : p.mssanteAddress(), texts.text("careteam.knownHere")))
                .toList();
    }

    private DirectoryRow row(DirectoryEntry e) {
        String activities = e.activities().stream()
                .map(a -> (a.organizationName() == null ? "?" : a.organizationName()) + (a.city() == null ? "" : ", " + a.city()))
                .collect(Collectors.joining(" ; "));
        return new DirectoryRow(e, null, e.displayName(), e.professionCode() == null ? "" : texts.text("profession." + e.profession().name()),
                e.preferredMailbox() == null ? "" : e.preferredMailbox(), activities);
    }

    public List<CareRole> roles() {
        return List.of(CareRole.values()).stream().filter(r -> r != CareRole.PATIENT).toList();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty rppsProperty() {
        return rpps;
    }

    /** The profession searched for, none for any; chosen in words among {@link #professions()}. */
    public ObjectProperty<Profession> professionProperty() {
        return profession;
    }

    /** The professions the directory can be searched by (each has a national code; "other" has none). */
    public List<Profession> professions() {
        return java.util.Arrays.stream(Profession.values()).filter(p -> NationalDirectory.professionCode(p) != null).toList();
    }

    public StringProperty communeProperty() {
        return commune;
    }

    public BooleanProperty offlineProperty() {
        return offline;
    }

    public ObjectProperty<CareRole> roleProperty() {
        return role;
    }

    public ObjectProperty<DirectoryRow> selectedProperty() {
        return selected;
    }

    public ReadOnlyListProperty<DirectoryRow> resultsProperty() {
        return results.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
