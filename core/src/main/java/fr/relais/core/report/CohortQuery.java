package fr.relais.core.report;

import fr.relais.core.error.BadInputException;
import java.time.LocalDate;

/** A cohort: the enrollments of one pathway that overlap [from, to] (days, Paris time). */
public record CohortQuery(String templateId, LocalDate from, LocalDate to, boolean withIdentity) {
    public CohortQuery {
        if (from.isAfter(to)) {
            throw new BadInputException("--from", "report.period", from.toString(), to.toString());
        }
    }
}
