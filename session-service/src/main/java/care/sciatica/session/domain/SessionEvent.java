package care.sciatica.session.domain;

import care.sciatica.contracts.common.Advice;
import care.sciatica.contracts.common.TreatmentStep;
import care.sciatica.contracts.session.EndReason;
import care.sciatica.contracts.session.EndState;
import java.time.Instant;
import java.util.List;

/**
 * What a command changed in a session. {@link SessionEvents} turns the ones other services need into catalogue events;
 * the rest only change the session's own record.
 */
public sealed interface SessionEvent {

    /** When it happened, as the command said. */
    Instant at();

    /** The explanation so far, after the points just explained. */
    record Explained(Explanation explanation) implements SessionEvent {

        @Override
        public Instant at() {
            return explanation.at();
        }
    }

    /** Consent given, refused or withdrawn, with what had been explained when it was decided. */
    record ConsentDecided(Consent consent, boolean explanationGiven, boolean questionsAnswered)
            implements SessionEvent {

        @Override
        public Instant at() {
            return consent.at();
        }
    }

    /** The patient's pain on the 0–10 scale before or after the treatment. */
    record PainScored(Moment moment, int nrs, Instant at) implements SessionEvent {

        /** Before the first step, or after the treatment. */
        public enum Moment {
            BEFORE, AFTER
        }
    }

    /** A step performed, modified or skipped. */
    record StepRecorded(PerformedStep step) implements SessionEvent {

        @Override
        public Instant at() {
            return step.recordedAt();
        }
    }

    /** The heat taken off; the heat steps it ends are named by their sequence. */
    record HeatRemoved(List<Integer> heatSteps, Instant at) implements SessionEvent {

        public HeatRemoved {
            heatSteps = List.copyOf(heatSteps);
        }
    }

    /** A deviation the session found by itself and recorded, such as heat left on too long; nothing was refused. */
    record DeviationFlagged(FlaggedDeviation deviation) implements SessionEvent {

        @Override
        public Instant at() {
            return deviation.at();
        }
    }

    /** Advice given to the patient, such as the sitting cushion. */
    record AdviceGiven(List<Advice> advice, Instant at) implements SessionEvent {

        public AdviceGiven {
            advice = List.copyOf(advice);
        }
    }

    /** The session ran to the end, with its outcome. */
    record Completed(SessionOutcome outcome, Instant at) implements SessionEvent {
    }

    /** The session stopped before completion: refused, withdrawn or ended early, with what had been done. */
    record EndedEarly(EndState endState, EndReason reason, List<TreatmentStep> stepsPerformed, Integer painBefore,
            Integer painAfter, Instant at) implements SessionEvent {

        public EndedEarly {
            stepsPerformed = List.copyOf(stepsPerformed);
        }
    }
}
