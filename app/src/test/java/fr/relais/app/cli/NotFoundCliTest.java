package fr.relais.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Issue 25: an id that names nothing is refused with the record's own name in the reader's language, its gender and
 * article included ("aucune tâche"), never the engine's English word slotted into a French sentence.
 */
class NotFoundCliTest extends CliFixture {
    private static final String NOBODY = "00000000-0000-0000-0000-000000000000";

    @Test
    void aNurseAskingForAPatientOrATaskThatDoesNotExistIsToldSoInFrenchWithTheRightArticle() {
        addPatient("MARTIN", "Claire", "F", "1950-03-14", "P1");

        CliRun patient = run("patient", "show", NOBODY);
        CliRun byIpp = run("patient", "show", "P404");
        CliRun task = run("task", "complete", NOBODY, "--outcome", "ras");

        assertThat(patient.code()).isEqualTo(2);
        assertThat(patient.err()).contains("aucun patient ne porte l'identifiant « " + NOBODY + " »")
                .doesNotContain("introuvable", "notFound", "NotFoundException");
        assertThat(byIpp.code()).isEqualTo(2);
        assertThat(byIpp.err()).contains("aucun patient ne porte l'identifiant ni l'IPP « P404 »");
        assertThat(task.code()).isEqualTo(2);
        assertThat(task.err()).contains("aucune tâche ne porte l'identifiant « " + NOBODY + " »")
                .doesNotContain(" task ", "notFound", "NotFoundException");
        assertThat(run("--format", "json", "patient", "list").json()).as("nothing written").hasSize(1);
    }

    @Test
    void anEnglishReaderIsToldInEnglishWhichKindOfRecordIsMissing() {
        CliRun patient = run("--lang", "en", "patient", "show", NOBODY);
        CliRun task = run("--lang", "en", "task", "complete", NOBODY, "--outcome", "ras");

        assertThat(patient.code()).isEqualTo(2);
        assertThat(patient.err()).contains("no patient has the id \"" + NOBODY + "\"").doesNotContain("aucun");
        assertThat(task.code()).isEqualTo(2);
        assertThat(task.err()).contains("no task has the id \"" + NOBODY + "\"").doesNotContain("tâche");
    }
}
