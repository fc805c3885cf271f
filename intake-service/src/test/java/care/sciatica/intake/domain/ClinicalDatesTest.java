package care.sciatica.intake.domain;

import care.sciatica.contracts.EventJson;
import care.sciatica.contracts.intake.History;
import care.sciatica.intake.Fixtures;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClinicalDatesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    private static final LocalDate BORN = LocalDate.of(1981, 6, 14);

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            onset.beganOn               | 2026-03-02 | -
            onset.beganOn               | 2026-03-03 | 2026-03-03 is in the future; record the date it happened (today or earlier)
            onset.beganOn               | 1980-01-01 | is before the patient's birth date
            surgery.lumbarSpine.date    | 2019-05-10 | -
            surgery.lumbarSpine.date    | 2027-01-01 | 2027-01-01 is in the future; record the date it happened (today or earlier)
            surgery.hipReplacement.date | 2026-03-02 | -
            surgery.hipReplacement.date | 2026-12-24 | 2026-12-24 is in the future; record the date it happened (today or earlier)
            surgery.hipReplacement.date | 1981-06-13 | is before the patient's birth date
            surgery.kneeReplacement.date| 1981-06-14 | -
            surgery.kneeReplacement.date| 2026-04-01 | 2026-04-01 is in the future; record the date it happened (today or earlier)
            """)
    void aHistoryDateMustHaveHappenedAndNotBeforeBirth(String field, String date, String refusal) throws IOException {
        List<ClinicalDates.Refusal> refusals = ClinicalDates.ofHistory(historyWith(field, date), BORN, TODAY);

        assertThat(refusals).isEqualTo(refusal == null ? List.of() : List.of(new ClinicalDates.Refusal(field, refusal)));
    }

    @Test
    void withoutABirthDateOnlyTheFutureIsRefused() throws IOException {
        assertThat(ClinicalDates.ofHistory(historyWith("onset.beganOn", "1900-01-01"), null, TODAY)).isEmpty();
        assertThat(ClinicalDates.ofHistory(historyWith("onset.beganOn", "2026-03-09"), null, TODAY))
                .extracting(ClinicalDates.Refusal::field).containsExactly("onset.beganOn");
    }

    @Test
    void everyWrongDateIsNamed() throws IOException {
        ObjectNode json = Fixtures.fullHistory();
        Fixtures.at(json, "/onset").put("beganOn", "2026-05-01");
        Fixtures.at(json, "/surgery/kneeReplacement").put("date", "1970-01-01");

        assertThat(ClinicalDates.ofHistory(EventJson.mapper().treeToValue(json, History.class), BORN, TODAY))
                .extracting(ClinicalDates.Refusal::field)
                .containsExactly("onset.beganOn", "surgery.kneeReplacement.date");
    }

    @ParameterizedTest(name = "born {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            1981-06-14 | -
            2026-03-02 | -
            2026-03-03 | 2026-03-03 is in the future; record the date it happened (today or earlier)
            1906-03-02 | -
            1905-03-01 | gives an age over 120 years; check the year
            """)
    void aBirthDateGivesABelievableAge(LocalDate birthDate, String refusal) {
        assertThat(ClinicalDates.ofBirth("birthDate", birthDate, TODAY))
                .isEqualTo(refusal == null ? List.of() : List.of(new ClinicalDates.Refusal("birthDate", refusal)));
    }

    private static History historyWith(String field, String date) throws IOException {
        ObjectNode json = Fixtures.fullHistory();
        String pointer = "/" + field.replace('.', '/');
        int cut = pointer.lastIndexOf('/');
        Fixtures.at(json, pointer.substring(0, cut)).put(pointer.substring(cut + 1), date);
        return EventJson.mapper().treeToValue(json, History.class);
    }
}
