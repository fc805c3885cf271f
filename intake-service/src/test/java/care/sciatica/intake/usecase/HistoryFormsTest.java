package care.sciatica.intake.usecase;

import care.sciatica.contracts.intake.Gait;
import care.sciatica.contracts.intake.Observation;
import care.sciatica.contracts.intake.RedFlagAnswer;
import care.sciatica.contracts.intake.RedFlags;
import care.sciatica.intake.Fixtures;
import care.sciatica.platform.problem.Problem;
import care.sciatica.platform.problem.ProblemException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A part of a history sent on its own is judged by the history schema's part, its fields named as sent. */
class HistoryFormsTest {

    @Test
    void aCompleteRedFlagScreenIsRead() {
        RedFlags redFlags = HistoryForms.readPart("redFlags", Fixtures.history().get("redFlags"), RedFlags.class);

        assertThat(redFlags.saddleNumbness()).isIn((Object[]) RedFlagAnswer.values());
    }

    @Test
    void aMissingAnswerAndAnUnknownOneAreNamedUnderTheirPart() {
        ObjectNode redFlags = (ObjectNode) Fixtures.history().get("redFlags");
        redFlags.remove("saddleNumbness");
        redFlags.put("ivDrugUse", "MAYBE");
        redFlags.put("notes", "none");

        ProblemException refused = catchThrowableOfType(ProblemException.class,
                () -> HistoryForms.readPart("redFlags", redFlags, RedFlags.class));

        assertThat(refused.toProblem().errors()).extracting(Problem.FieldProblem::field, Problem.FieldProblem::reason)
                .contains(org.assertj.core.groups.Tuple.tuple("redFlags.saddleNumbness",
                                "is required: every red-flag question is answered YES, NO or NOT_ASKED"),
                        org.assertj.core.groups.Tuple.tuple("redFlags.ivDrugUse",
                                "unknown value 'MAYBE'; allowed: YES, NO, NOT_ASKED"),
                        org.assertj.core.groups.Tuple.tuple("redFlags.notes", "unknown field"));
    }

    @Test
    void anObservationIsReadByItsOwnPart() {
        ObjectNode observation = (ObjectNode) Fixtures.history().get("observation").deepCopy();
        observation.put("gait", "LIMP");

        assertThat(HistoryForms.readPart("observation", observation, Observation.class).gait()).isEqualTo(Gait.LIMP);

        observation.put("gait", "HOPPING");
        ProblemException refused = catchThrowableOfType(ProblemException.class,
                () -> HistoryForms.readPart("observation", observation, Observation.class));
        assertThat(refused.toProblem().errors()).extracting(Problem.FieldProblem::field)
                .containsExactly("observation.gait");
    }

    @Test
    void aPartThatIsNoObjectIsNamedItself() {
        ProblemException refused = catchThrowableOfType(ProblemException.class,
                () -> HistoryForms.readPart("redFlags", com.fasterxml.jackson.databind.node.TextNode.valueOf("none"),
                        RedFlags.class));

        assertThat(refused.toProblem().errors()).extracting(Problem.FieldProblem::field).containsExactly("redFlags");
    }
}
