package care.sciatica.session.domain;

import static care.sciatica.contracts.common.TreatmentStep.EXPLANATION_AND_CONSENT;
import static care.sciatica.contracts.common.TreatmentStep.HEAT;
import static care.sciatica.contracts.common.TreatmentStep.MASSAGE_AREA_AND_SPINE;
import static care.sciatica.contracts.common.TreatmentStep.MASSAGE_LEG_UNDER_HEAT;

import care.sciatica.contracts.common.Advice;
import care.sciatica.contracts.common.BodySite;
import care.sciatica.contracts.common.Pressure;
import care.sciatica.contracts.common.TreatmentStep;
import care.sciatica.contracts.session.ConsentDecision;
import care.sciatica.contracts.session.ConsentMethod;
import care.sciatica.contracts.session.DeviationReason;
import care.sciatica.contracts.session.StepOutcome;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * A random plan with commands for it: a therapist walking the plan with random slips and forbidden commands mixed in,
 * a proper start followed by anything, or anything at all. The walks make many sessions reach the steps and the end,
 * where the safety rules matter.
 */
final class SessionScenarios {

    /** A plan and the commands sent to a session opened for it. */
    record Scenario(TreatmentPlan plan, List<SessionCommands> commands) {
    }

    private static final List<SessionCommands> PROPER_START = List.of(
            new SessionCommands.PainBefore(6),
            new SessionCommands.Explain(List.of(ExplanationPoint.values()), true),
            new SessionCommands.DecideConsent(ConsentDecision.GIVEN, ConsentMethod.VERBAL, "st_8H3L5V2P"));

    private SessionScenarios() {
    }

    static Arbitrary<Scenario> scenarios() {
        return SessionArbitraries.plans().flatMap(plan -> Arbitraries.frequencyOf(
                        Tuple.of(3, walk(plan)),
                        Tuple.of(1, SessionArbitraries.commandSequences().map(SessionScenarios::properStartThen)),
                        Tuple.of(1, SessionArbitraries.commandSequences()))
                .map(commands -> new Scenario(plan, commands)));
    }

    /**
     * The plan's steps in order, heat removed after the leg massage, pain after, advice and completion, with noise. In
     * a third of the walks the therapist slips: the affected area is massaged with the heat still on, then the heat is
     * removed and the massage done again.
     */
    private static Arbitrary<List<SessionCommands>> walk(TreatmentPlan plan) {
        return Arbitraries.frequency(Tuple.of(2, true), Tuple.of(1, false)).flatMap(inTime -> walk(plan, inTime));
    }

    private static Arbitrary<List<SessionCommands>> walk(TreatmentPlan plan, boolean heatRemovedInTime) {
        List<Arbitrary<List<SessionCommands>>> parts = new ArrayList<>();
        parts.add(Arbitraries.just(PROPER_START));
        boolean heatRemoved = false;
        for (PlanStep planned : plan.steps()) {
            if (planned.step() == EXPLANATION_AND_CONSENT) {
                continue;
            }
            if (planned.step() == MASSAGE_AREA_AND_SPINE && !heatRemovedInTime) {
                parts.add(stepAsTherapistMightRecordIt(planned).map(List::of));
                parts.add(removeHeat().map(List::of));
                heatRemoved = true;
            }
            parts.add(withNoise(stepAsTherapistMightRecordIt(planned)));
            boolean heatHasDoneItsWork = planned.step() == MASSAGE_LEG_UNDER_HEAT
                    || planned.step() == HEAT && !plan.includes(MASSAGE_LEG_UNDER_HEAT);
            if (heatRemovedInTime && heatHasDoneItsWork) {
                parts.add(withNoise(removeHeat()));
                heatRemoved = true;
            }
        }
        if (!heatRemoved) {
            parts.add(removeHeat().map(List::of));
        }
        parts.add(withNoise(Arbitraries.integers().between(0, 10).map(SessionCommands.PainAfter::new)));
        parts.add(withNoise(Arbitraries.of(Advice.class).list().ofMinSize(1).ofMaxSize(3)
                .map(SessionCommands.GiveAdvice::new)));
        parts.add(Arbitraries.just(List.of(new SessionCommands.Complete())));
        return Combinators.combine(parts).as(lists -> lists.stream().flatMap(List::stream).toList());
    }

    private static Arbitrary<SessionCommands> removeHeat() {
        return Arbitraries.integers().between(-1, 0).map(SessionCommands.RemoveHeat::new);
    }

    /** Mostly right, sometimes modified, skipped, too long or over the ice limit; excluded steps with an override. */
    private static Arbitrary<SessionCommands> stepAsTherapistMightRecordIt(PlanStep planned) {
        TreatmentStep step = planned.step();
        Arbitrary<StepOutcome> outcome = Arbitraries.frequency(Tuple.of(7, StepOutcome.PERFORMED),
                Tuple.of(2, StepOutcome.MODIFIED), Tuple.of(2, StepOutcome.SKIPPED));
        Arbitrary<ClinicalLeadOverride> override = planned.excluded()
                ? Arbitraries.just(new ClinicalLeadOverride("st_C1L2E3A4", "surgeon cleared it")).injectNull(0.3)
                : Arbitraries.just((ClinicalLeadOverride) null);
        return Combinators.combine(outcome, Arbitraries.integers().between(1, 3),
                        Arbitraries.integers().between(1, 25), Arbitraries.of(Pressure.LIGHT, Pressure.MODERATE),
                        override, Arbitraries.of(DeviationReason.class))
                .as((out, cubes, minutes, pressure, lead, reason) -> new SessionCommands.Step(step,
                        lead != null ? StepOutcome.MODIFIED : out,
                        out == StepOutcome.PERFORMED && lead == null ? null : reason,
                        List.of(BodySite.LUMBAR_SPINE), step == TreatmentStep.ICE_MASSAGE ? cubes : null, minutes,
                        pressure, step == HEAT ? 0 : null, null, lead));
    }

    /** The command, with a one-in-four chance of a random command before it. */
    private static Arbitrary<List<SessionCommands>> withNoise(Arbitrary<? extends SessionCommands> command) {
        return Combinators.combine(SessionArbitraries.anyCommand().injectNull(0.75), command)
                .as((noise, meant) -> noise == null ? List.of(meant) : List.of(noise, meant));
    }

    private static List<SessionCommands> properStartThen(List<SessionCommands> commands) {
        List<SessionCommands> all = new ArrayList<>(PROPER_START);
        all.addAll(commands);
        return all;
    }
}
