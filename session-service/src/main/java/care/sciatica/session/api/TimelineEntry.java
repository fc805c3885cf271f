package care.sciatica.session.api;

import care.sciatica.contracts.common.Advice;
import care.sciatica.contracts.common.Origin;
import care.sciatica.contracts.common.TreatmentStep;
import care.sciatica.contracts.session.ConsentDecision;
import care.sciatica.contracts.session.ConsentMethod;
import care.sciatica.contracts.session.DeviationReason;
import care.sciatica.contracts.session.EndReason;
import care.sciatica.contracts.session.EndState;
import care.sciatica.contracts.session.StepOutcome;
import care.sciatica.session.domain.ExplanationPoint;
import care.sciatica.session.domain.PerformedStep;
import care.sciatica.session.domain.SessionEvent;
import care.sciatica.session.domain.SessionOutcome;
import care.sciatica.session.domain.StepParameters;
import care.sciatica.session.usecase.SessionJournal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** One line of a session's timeline: what was recorded, when, and by whom, with the details of that kind of record. */
public record TimelineEntry(
        @Schema(description = "1-based place in the timeline") int position,
        Kind kind,
        Instant at,
        @Schema(description = "The staff member who recorded it (their login subject)") String recordedBy,
        @Schema(oneOf = {Opened.class, Explanation.class, Consent.class, Pain.class, Step.class, HeatRemoval.class,
                Deviation.class, AdviceGiven.class, Completed.class, Ended.class}) Detail detail) {

    /** What kind of record the entry is; the detail's shape follows from it. */
    public enum Kind {
        OPENED, EXPLANATION, CONSENT, PAIN_BEFORE, PAIN_AFTER, STEP, HEAT_REMOVAL, DEVIATION, ADVICE, COMPLETED, ENDED
    }

    /** The details of one kind of record. */
    public sealed interface Detail permits Opened, Explanation, Consent, Pain, Step, HeatRemoval, Deviation,
            AdviceGiven, Completed, Ended {
    }

    public record Opened(int planVersion, Origin primaryOrigin) implements Detail {
    }

    /** The points explained so far, and whether the patient's questions were answered. */
    public record Explanation(List<ExplanationPoint> pointsExplained, boolean questionsAnswered) implements Detail {
    }

    public record Consent(ConsentDecision decision, ConsentMethod method, boolean explanationGiven,
                          boolean questionsAnswered) implements Detail {
    }

    public record Pain(int nrs) implements Detail {
    }

    /** A step as done, modified or skipped, with what was applied and any deviation or clinical lead's override. */
    public record Step(int sequence, TreatmentStep step, StepOutcome outcome, StepParameters parameters,
                       DeviationReason deviationReason, String overriddenBy, String overrideReason) implements Detail {
    }

    /** The heat taken off; the heat steps it ended, by their sequence. */
    public record HeatRemoval(List<Integer> heatSteps) implements Detail {
    }

    /** A deviation the session flagged by itself (e.g. HEAT_LEFT_ON_TOO_LONG), on which step, and why. */
    public record Deviation(String code, int stepSequence, TreatmentStep step, String reason) implements Detail {
    }

    public record AdviceGiven(List<Advice> advice) implements Detail {
    }

    public record Completed(int painBefore, int painAfter, int painChange, List<TreatmentStep> stepsPerformed,
                            List<SessionOutcome.Skipped> stepsSkipped, List<Advice> adviceGiven) implements Detail {
    }

    public record Ended(EndState endState, EndReason reason, List<TreatmentStep> stepsPerformed) implements Detail {
    }

    static List<TimelineEntry> of(List<SessionJournal.Entry> entries) {
        return java.util.stream.IntStream.range(0, entries.size())
                .mapToObj(index -> of(index + 1, entries.get(index)))
                .toList();
    }

    private static TimelineEntry of(int position, SessionJournal.Entry entry) {
        String by = entry.recordedBy();
        Instant at = entry.recordedAt();
        return switch (entry.what()) {
            case SessionJournal.Opened opened -> new TimelineEntry(position, Kind.OPENED, at, by,
                    new Opened(opened.planVersion(), opened.primaryOrigin()));
            case SessionEvent.Explained explained -> new TimelineEntry(position, Kind.EXPLANATION, at, by,
                    new Explanation(explained.explanation().points(), explained.explanation().questionsAnswered()));
            case SessionEvent.ConsentDecided decided -> new TimelineEntry(position, Kind.CONSENT, at, by,
                    new Consent(decided.consent().decision(), decided.consent().method(), decided.explanationGiven(),
                            decided.questionsAnswered()));
            case SessionEvent.PainScored scored -> new TimelineEntry(position,
                    scored.moment() == SessionEvent.PainScored.Moment.BEFORE ? Kind.PAIN_BEFORE : Kind.PAIN_AFTER,
                    at, by, new Pain(scored.nrs()));
            case SessionEvent.StepRecorded recorded -> new TimelineEntry(position, Kind.STEP, at, by,
                    step(recorded.step()));
            case SessionEvent.HeatRemoved removed -> new TimelineEntry(position, Kind.HEAT_REMOVAL, at, by,
                    new HeatRemoval(removed.heatSteps()));
            case SessionEvent.DeviationFlagged flagged -> new TimelineEntry(position, Kind.DEVIATION, at, by,
                    new Deviation(flagged.deviation().code(), flagged.deviation().stepSequence(),
                            flagged.deviation().step(), flagged.deviation().reason()));
            case SessionEvent.AdviceGiven given -> new TimelineEntry(position, Kind.ADVICE, at, by,
                    new AdviceGiven(given.advice()));
            case SessionEvent.Completed completed -> new TimelineEntry(position, Kind.COMPLETED, at, by,
                    completed(completed.outcome()));
            case SessionEvent.EndedEarly ended -> new TimelineEntry(position, Kind.ENDED, at, by,
                    new Ended(ended.endState(), ended.reason(), ended.stepsPerformed()));
            default -> throw new IllegalStateException("Not a timeline entry: " + entry.what().getClass());
        };
    }

    private static Step step(PerformedStep step) {
        return new Step(step.sequence(), step.step(), step.outcome(), step.parameters(), step.deviationReason(),
                step.override() == null ? null : step.override().by(),
                step.override() == null ? null : step.override().reason());
    }

    private static Completed completed(SessionOutcome outcome) {
        return new Completed(outcome.painBefore(), outcome.painAfter(), outcome.painChange(), outcome.stepsPerformed(),
                outcome.stepsSkipped(), outcome.adviceGiven());
    }
}
