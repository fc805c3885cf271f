package care.sciatica.assessment.usecase;

import care.sciatica.assessment.api.AssessmentReasoning;
import care.sciatica.assessment.api.PreviewRequest;
import care.sciatica.assessment.domain.AssessCase;
import care.sciatica.assessment.domain.Assessment;
import care.sciatica.assessment.domain.AssessmentEvents;
import care.sciatica.assessment.domain.AssessmentIds;
import care.sciatica.assessment.domain.rules.RuleSet;
import care.sciatica.contracts.intake.History;
import care.sciatica.contracts.intake.Surgery;
import care.sciatica.platform.problem.Problem;
import care.sciatica.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Assesses posted findings by the rule set in force and shows the reasoning, for training and for the future UI.
 * It touches no database and stages no event: a preview is never a plan.
 */
@ApplicationScoped
public class PreviewAssessment {

    private final RuleSet rules;
    private final Clock clock = Clock.systemUTC();

    public PreviewAssessment(RuleSet rules) {
        this.rules = rules;
    }

    public AssessmentReasoning preview(PreviewRequest request) {
        if (request == null) {
            throw ProblemException.invalid("$", "a body with history and ageYears is required");
        }
        if (request.ageYears() == null || request.ageYears() < 0 || request.ageYears() > 130) {
            throw ProblemException.invalid("ageYears", "is required, 0 to 130");
        }
        History history = HistoryInput.posted("history", request.history());
        LocalDate today = LocalDate.now(clock);
        LocalDate day = request.assessedOn() != null ? request.assessedOn() : today;
        List<Problem.FieldProblem> dates = datesAfter(history, today);
        if (!dates.isEmpty()) {
            throw ProblemException.invalid(dates);
        }
        Assessment assessment = AssessCase.assess(history, request.ageYears(), day, rules);
        // The catalogue mapping is reused so a preview reads exactly like a published plan; the ids are placeholders.
        return AssessmentReasoning.of(AssessmentEvents.of(assessment, AssessmentIds.unsaved(clock.instant())));
    }

    /**
     * The same rule intake applies to a history it records: what happened (the pain's onset, an operation) happened
     * today or earlier, never in the future; a preview does not assess what no intake could record.
     */
    static List<Problem.FieldProblem> datesAfter(History history, LocalDate latest) {
        List<Problem.FieldProblem> problems = new ArrayList<>();
        if (history.onset() != null) {
            after("history.onset.beganOn", history.onset().beganOn(), latest, problems);
        }
        Surgery surgery = history.surgery();
        if (surgery != null) {
            if (surgery.lumbarSpine() != null) {
                after("history.surgery.lumbarSpine.date", surgery.lumbarSpine().date(), latest, problems);
            }
            if (surgery.hipReplacement() != null) {
                after("history.surgery.hipReplacement.date", surgery.hipReplacement().date(), latest, problems);
            }
            if (surgery.kneeReplacement() != null) {
                after("history.surgery.kneeReplacement.date", surgery.kneeReplacement().date(), latest, problems);
            }
        }
        return problems;
    }

    private static void after(String field, LocalDate date, LocalDate latest, List<Problem.FieldProblem> problems) {
        if (date != null && date.isAfter(latest)) {
            problems.add(new Problem.FieldProblem(field, date + " is in the future; a history records what has already happened (today, "
                    + latest + ", or earlier)"));
        }
    }
}
