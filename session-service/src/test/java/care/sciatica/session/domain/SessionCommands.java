package care.sciatica.session.domain;

import care.sciatica.contracts.common.Advice;
import care.sciatica.contracts.common.BodySite;
import care.sciatica.contracts.common.HeatKind;
import care.sciatica.contracts.common.Pressure;
import care.sciatica.contracts.common.TreatmentStep;
import care.sciatica.contracts.session.ConsentDecision;
import care.sciatica.contracts.session.ConsentMethod;
import care.sciatica.contracts.session.DeviationReason;
import care.sciatica.contracts.session.EndReason;
import care.sciatica.contracts.session.StepOutcome;
import care.sciatica.contracts.session.Technique;
import java.time.Instant;
import java.util.List;

/**
 * Every command a therapist can send, as data the property tests generate with arbitrary (also forbidden) values;
 * times inside a command are offsets in minutes from the moment it is sent.
 */
sealed interface SessionCommands {

    List<SessionEvent> sendTo(TreatmentSession session, Instant at);

    record Explain(List<ExplanationPoint> points, boolean questionsAnswered) implements SessionCommands {
        public List<SessionEvent> sendTo(TreatmentSession session, Instant at) {
            return session.recordExplanation(points, questionsAnswered, at);
        }
    }

    record DecideConsent(ConsentDecision decision, ConsentMethod method, String by) implements SessionCommands {
        public List<SessionEvent> sendTo(TreatmentSession session, Instant at) {
            return session.recordConsent(decision, method, by, at);
        }
    }

    record Withdraw(ConsentMethod method, String by) implements SessionCommands {
        public List<SessionEvent> sendTo(TreatmentSession session, Instant at) {
            return session.withdrawConsent(method, by, at);
        }
    }

    record PainBefore(int nrs) implements SessionCommands {
        public List<SessionEvent> sendTo(TreatmentSession session, Instant at) {
            return session.recordPainBefore(nrs, at);
        }
    }

    record PainAfter(int nrs) implements SessionCommands {
        public List<SessionEvent> sendTo(TreatmentSession session, Instant at) {
            return session.recordPainAfter(nrs, at);
        }
    }

    record Step(TreatmentStep step, StepOutcome outcome, DeviationReason reason, List<BodySite> sites, Integer cubes,
            Integer minutes, Pressure pressure, Integer heatAppliedOffset, Integer heatRemovedOffset,
            ClinicalLeadOverride override) implements SessionCommands {
        public List<SessionEvent> sendTo(TreatmentSession session, Instant at) {
            StepParameters applied = new StepParameters(sites, cubes, minutes, HeatKind.WHEAT_BAG,
                    minutesAfter(at, heatAppliedOffset), minutesAfter(at, heatRemovedOffset), sites, pressure,
                    Technique.EFFLEURAGE);
            return session.performStep(new StepReport(step, applied, outcome, reason, override), at);
        }
    }

    record RemoveHeat(int minutesFromNow) implements SessionCommands {
        public List<SessionEvent> sendTo(TreatmentSession session, Instant at) {
            return session.removeHeat(minutesAfter(at, minutesFromNow));
        }
    }

    record GiveAdvice(List<Advice> advice) implements SessionCommands {
        public List<SessionEvent> sendTo(TreatmentSession session, Instant at) {
            return session.recordAdvice(advice, at);
        }
    }

    record Complete() implements SessionCommands {
        public List<SessionEvent> sendTo(TreatmentSession session, Instant at) {
            return session.complete(at);
        }
    }

    record EndEarly(EndReason reason) implements SessionCommands {
        public List<SessionEvent> sendTo(TreatmentSession session, Instant at) {
            return session.endEarly(reason, at);
        }
    }

    private static Instant minutesAfter(Instant at, Integer minutes) {
        return minutes == null ? null : at.plusSeconds(60L * minutes);
    }
}
