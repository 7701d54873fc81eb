package fr.relais.core.pathway;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A CarePlan another system wrote (a hospital's discharge plan): not a Relais pathway, nothing is planned from it and
 * Relais never changes it; shown in the patient file as "plan de soins hors parcours Relais". {@code status} and each
 * activity's status are the FHIR codes as written (the screens put them in words); {@code taskIds}: the patient's
 * tasks of another system based on this plan.
 */
public record ForeignCarePlan(UUID id, UUID patientId, String title, String status, LocalDate start, LocalDate end, String author,
                              List<Activity> activities, List<UUID> taskIds) {
    /**
     * The status Relais gives a plan the other system deleted on the server (no FHIR status says it): kept for the
     * patient file, shown "supprimé sur le serveur par un autre système".
     */
    public static final String DELETED_ON_SERVER = "deleted-on-server";

    public ForeignCarePlan {
        activities = List.copyOf(activities);
        taskIds = List.copyOf(taskIds);
    }

    /** One activity of the plan, in words. */
    public record Activity(String description, String status) {
    }
}
