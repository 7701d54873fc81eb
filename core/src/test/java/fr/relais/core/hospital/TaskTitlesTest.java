package fr.relais.core.hospital;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The worklist items' titles kept for the ADT listener: each hospital and day keeps its own words. */
class TaskTitlesTest {
    private final TaskTitles titles = new TaskTitles(HospitalTasks.BUNDLE);

    @Test
    void admissionsFromTwoHospitalsOnTwoDaysEachNameTheirOwnHospitalAndDay() {
        TaskTitles.Title rennes = titles.of("hospital.task.admission", "CHU-RENNES", "16/03/2027");
        TaskTitles.Title brest = titles.of("hospital.task.admission", "CHU-BREST", "16/03/2027");
        TaskTitles.Title rennesNextDay = titles.of("hospital.task.admission", "CHU-RENNES", "17/03/2027");

        assertThat(rennes.fr()).isEqualTo("Hospitalisation signalée par CHU-RENNES le 16/03/2027 : les soins à domicile sont suspendus");
        assertThat(rennes.en()).isEqualTo("Hospital admission reported by CHU-RENNES on 16/03/2027: home care is paused");
        assertThat(brest.fr()).isEqualTo("Hospitalisation signalée par CHU-BREST le 16/03/2027 : les soins à domicile sont suspendus");
        assertThat(rennesNextDay.fr()).isEqualTo("Hospitalisation signalée par CHU-RENNES le 17/03/2027 : les soins à domicile sont suspendus");
        assertThat(titles.of("hospital.task.discharge", "CHU-RENNES", "16/03/2027").fr())
                .isEqualTo("Sortie d'hospitalisation (CHU-RENNES) le 16/03/2027 : décider de la reprise du suivi");
        assertThat(titles.of("hospital.task.admission", "CHU-RENNES", "16/03/2027")).isEqualTo(rennes);
    }

    @Test
    void aYearOfDailyAdmissionsFromManyHospitalsStillNamesEachOneRightOnceTheKeptTitlesAreForgotten() {
        for (int day = 0; day < TaskTitles.KEPT + 10; day++) {
            String date = String.format("%02d/%02d/2027", day % 28 + 1, day / 28 % 12 + 1);
            String facility = "CH-" + day;
            assertThat(titles.of("hospital.task.call", facility, date).fr())
                    .isEqualTo("Appel de suivi après la sortie d'hospitalisation (" + facility + ") du " + date);
        }
        assertThat(titles.of("hospital.task.call", "CH-0", "01/01/2027").en())
                .isEqualTo("Follow-up call after the hospital discharge (CH-0) of 01/01/2027");
    }
}
