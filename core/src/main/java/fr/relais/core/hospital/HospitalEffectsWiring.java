package fr.relais.core.hospital;

import fr.relais.core.careteam.CareTeamService;
import fr.relais.core.pathway.EnrollmentRepository;
import fr.relais.core.pathway.TemplateRepository;
import fr.relais.core.replication.Outbox;
import fr.relais.core.task.TaskRepository;

/** The parts of the pathways and tasks that hospital events act on, handed over together by the composition root. */
public record HospitalEffectsWiring(EnrollmentRepository enrollments, TemplateRepository templates, TaskRepository tasks,
                                    CareTeamService careTeam, Outbox outbox) {
}
