package fr.relais.teamserver;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * HAPI's storage hooks for {@link ChangeNotifications}: a record created, updated or deleted tells its teams' laptops,
 * once the database transaction has committed (a laptop told before the commit would pull and miss the change).
 */
@Interceptor
final class ChangeHook {
    private final TeamTag tag;
    private final ChangeNotifications notifications;

    ChangeHook(TeamTag tag, ChangeNotifications notifications) {
        this.tag = tag;
        this.notifications = notifications;
    }

    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
    public void created(IBaseResource resource) {
        afterCommit(tag.teamsOf(resource));
    }

    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
    public void updated(IBaseResource previous, IBaseResource resource) {
        Set<String> teams = tag.teamsOf(resource);
        teams.addAll(tag.teamsOf(previous)); // a record moved out of a team: that team's laptops learn it too
        afterCommit(teams);
    }

    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED)
    public void deleted(IBaseResource resource) {
        afterCommit(tag.teamsOf(resource));
    }

    private void afterCommit(Set<String> teams) {
        if (teams.isEmpty()) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    notifications.changed(teams);
                }
            });
        } else {
            notifications.changed(teams);
        }
    }
}
