package care.sciatica.session.usecase;

import care.sciatica.session.domain.PerformedStep;
import care.sciatica.session.domain.SessionEvent;
import care.sciatica.session.domain.SessionState;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The audit detail of a session command: what it recorded, as codes only. Pain scores, override reasons and notes are
 * not codes, so they stay in the session's own record.
 */
final class SessionAudit {

    private SessionAudit() {
    }

    static String detail(List<SessionEvent> events, SessionState state) {
        return Stream.concat(events.stream().map(SessionAudit::codes), Stream.of("state=" + state))
                .collect(Collectors.joining("; "));
    }

    private static String codes(SessionEvent event) {
        return switch (event) {
            case SessionEvent.Explained explained -> "explained points=" + explained.explanation().points()
                    + " questionsAnswered=" + explained.explanation().questionsAnswered();
            case SessionEvent.ConsentDecided decided -> "consent decision=" + decided.consent().decision()
                    + " method=" + decided.consent().method();
            case SessionEvent.PainScored scored -> "pain moment=" + scored.moment();
            case SessionEvent.StepRecorded recorded -> step(recorded.step());
            case SessionEvent.HeatRemoved removed -> "heat-removed steps=" + removed.heatSteps();
            case SessionEvent.DeviationFlagged flagged -> "deviation=" + flagged.deviation().code() + " step="
                    + flagged.deviation().step() + " sequence=" + flagged.deviation().stepSequence();
            case SessionEvent.AdviceGiven given -> "advice=" + given.advice();
            case SessionEvent.Completed completed -> "completed stepsPerformed=" + completed.outcome().stepsPerformed()
                    + " stepsSkipped=" + completed.outcome().stepsSkipped().size();
            case SessionEvent.EndedEarly ended -> "ended endState=" + ended.endState() + " reason=" + ended.reason();
        };
    }

    private static String step(PerformedStep step) {
        return "step=" + step.step() + " sequence=" + step.sequence() + " outcome=" + step.outcome()
                + (step.deviationReason() == null ? "" : " deviation=" + step.deviationReason())
                + (step.override() == null ? "" : " clinicalLeadOverride=true");
    }
}
