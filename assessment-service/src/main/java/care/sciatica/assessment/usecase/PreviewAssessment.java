package care.sciatica.assessment.usecase;

import care.sciatica.assessment.api.AssessmentReasoning;
import care.sciatica.assessment.api.PreviewRequest;
import care.sciatica.assessment.domain.AssessCase;
import care.sciatica.assessment.domain.Assessment;
import care.sciatica.assessment.domain.AssessmentEvents;
import care.sciatica.assessment.domain.AssessmentIds;
import care.sciatica.assessment.domain.rules.RuleSet;
import care.sciatica.contracts.intake.History;
import care.sciatica.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;

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
        LocalDate day = request.assessedOn() != null ? request.assessedOn() : LocalDate.now(clock);
        Assessment assessment = AssessCase.assess(history, request.ageYears(), day, rules);
        // The catalogue mapping is reused so a preview reads exactly like a published plan; the ids are placeholders.
        return AssessmentReasoning.of(AssessmentEvents.of(assessment, AssessmentIds.unsaved(clock.instant())));
    }
}
