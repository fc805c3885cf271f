package care.sciatica.session.domain;

import static care.sciatica.contracts.common.TreatmentStep.EXPLANATION_AND_CONSENT;

import care.sciatica.contracts.assessment.StepStatus;
import care.sciatica.contracts.common.Advice;
import care.sciatica.contracts.common.BodySite;
import care.sciatica.contracts.common.Origin;
import care.sciatica.contracts.common.Pressure;
import care.sciatica.contracts.common.TreatmentStep;
import care.sciatica.contracts.session.ConsentDecision;
import care.sciatica.contracts.session.ConsentMethod;
import care.sciatica.contracts.session.DeviationReason;
import care.sciatica.contracts.session.EndReason;
import care.sciatica.contracts.session.StepOutcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random plans and random command sequences, biased so that many sessions get far enough to be interesting (consent
 * given, steps recorded) while still sending every kind of forbidden command.
 */
final class SessionArbitraries {

    private static final List<TreatmentStep> PROTOCOL = Arrays.stream(TreatmentStep.values())
            .filter(step -> step != EXPLANATION_AND_CONSENT)
            .toList();

    private SessionArbitraries() {
    }

    /** Plans with each protocol step included, modified, excluded or missing, with or without limits. */
    static Arbitrary<TreatmentPlan> plans() {
        Arbitrary<StepStatus> status = Arbitraries.frequency(
                Tuple.of(5, StepStatus.INCLUDED), Tuple.of(2, StepStatus.MODIFIED), Tuple.of(3, StepStatus.EXCLUDED));
        Arbitrary<List<PlanStep>> steps = Combinators.combine(
                status.injectNull(0.1).list().ofSize(PROTOCOL.size()),
                Arbitraries.of(1, 2).injectNull(0.5).list().ofSize(PROTOCOL.size()),
                Arbitraries.integers().between(3, 30).injectNull(0.5).list().ofSize(PROTOCOL.size()),
                Arbitraries.of(Pressure.class).injectNull(0.6).list().ofSize(PROTOCOL.size()))
                .as((statuses, cubes, minutes, pressures) -> {
                    List<PlanStep> planned = new ArrayList<>(List.of(PlanStep.included(1, EXPLANATION_AND_CONSENT)));
                    for (int i = 0; i < PROTOCOL.size(); i++) {
                        if (statuses.get(i) != null) {
                            planned.add(new PlanStep(i + 2, PROTOCOL.get(i), statuses.get(i), cubes.get(i),
                                    minutes.get(i), pressures.get(i)));
                        }
                    }
                    return planned;
                })
                // edge cases would fill whole plans with absent steps far more often than the one in ten intended
                .withoutEdgeCases();
        return Combinators.combine(Arbitraries.integers().between(1, 3), Arbitraries.integers().between(1, 4),
                        Arbitraries.of(Origin.class), steps)
                .as(TreatmentPlan::new);
    }

    static Arbitrary<List<SessionCommands>> commandSequences() {
        return anyCommand().list().ofMinSize(5).ofMaxSize(40);
    }

    /** Any command with arbitrary values, forbidden ones included. */
    static Arbitrary<SessionCommands> anyCommand() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, explain()),
                Tuple.of(3, consent()),
                Tuple.of(1, withdraw()),
                Tuple.of(3, Arbitraries.integers().between(-2, 12).map(SessionCommands.PainBefore::new)),
                Tuple.of(2, Arbitraries.integers().between(-2, 12).map(SessionCommands.PainAfter::new)),
                Tuple.of(16, step()),
                Tuple.of(3, Arbitraries.integers().between(-15, 5).map(SessionCommands.RemoveHeat::new)),
                Tuple.of(1, Arbitraries.of(Advice.class).injectNull(0.05).list().ofMaxSize(3)
                        .map(SessionCommands.GiveAdvice::new)),
                Tuple.of(3, Arbitraries.just(new SessionCommands.Complete())),
                Tuple.of(1, Arbitraries.of(EndReason.class).injectNull(0.1).map(SessionCommands.EndEarly::new)));
    }

    private static Arbitrary<SessionCommands> explain() {
        Arbitrary<List<ExplanationPoint>> points = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(List.of(ExplanationPoint.values()))),
                Tuple.of(1, Arbitraries.of(ExplanationPoint.class).list().ofMaxSize(4)));
        return Combinators.combine(points, Arbitraries.frequency(Tuple.of(4, true), Tuple.of(1, false)))
                .as(SessionCommands.Explain::new);
    }

    private static Arbitrary<SessionCommands> consent() {
        return Combinators.combine(
                Arbitraries.frequency(Tuple.of(8, ConsentDecision.GIVEN), Tuple.of(1, ConsentDecision.REFUSED),
                        Tuple.of(1, ConsentDecision.WITHDRAWN)),
                Arbitraries.of(ConsentMethod.class).injectNull(0.05),
                staff())
                .as(SessionCommands.DecideConsent::new);
    }

    private static Arbitrary<SessionCommands> withdraw() {
        return Combinators.combine(Arbitraries.of(ConsentMethod.class).injectNull(0.1), staff())
                .as(SessionCommands.Withdraw::new);
    }

    /** Any step with any values: mostly plausible, often forbidden, sometimes malformed. */
    private static Arbitrary<SessionCommands> step() {
        Arbitrary<StepOutcome> outcome = Arbitraries.frequency(Tuple.of(6, StepOutcome.PERFORMED),
                Tuple.of(3, StepOutcome.MODIFIED), Tuple.of(2, StepOutcome.SKIPPED));
        Arbitrary<ClinicalLeadOverride> override = Arbitraries.frequency(
                Tuple.of(3, new ClinicalLeadOverride("st_C1L2E3A4", "surgeon cleared it")),
                Tuple.of(1, new ClinicalLeadOverride("st_C1L2E3A4", " ")),
                Tuple.of(1, new ClinicalLeadOverride(null, "no lead named"))).injectNull(0.5);
        Arbitrary<Integer> cubes = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.integers().between(1, 2)),
                Tuple.of(2, Arbitraries.integers().between(3, 4)), Tuple.of(1, Arbitraries.just(0))).injectNull(0.4);
        Arbitrary<Integer> minutes = Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.integers().between(0, 30)),
                Tuple.of(1, Arbitraries.of(-1, 61, 65))).injectNull(0.5);
        return Combinators.combine(
                        Arbitraries.of(TreatmentStep.class),
                        outcome.injectNull(0.02),
                        Arbitraries.of(DeviationReason.class),
                        Arbitraries.frequency(Tuple.of(9, true), Tuple.of(1, false)),
                        Arbitraries.of(BodySite.class).list().ofMaxSize(3),
                        cubes,
                        minutes,
                        Arbitraries.of(Pressure.class).injectNull(0.5))
                .flatAs((step, out, reason, reasonFits, sites, ice, length, pressure) -> Combinators.combine(
                                Arbitraries.integers().between(-5, 2).injectNull(0.15),
                                Arbitraries.integers().between(-3, 10).injectNull(0.8),
                                override)
                        .as((appliedOffset, removedOffset, lead) -> new SessionCommands.Step(step, out,
                                (out == StepOutcome.PERFORMED) == reasonFits ? null : reason, sites, ice, length,
                                pressure, appliedOffset, removedOffset, lead)));
    }

    private static Arbitrary<String> staff() {
        return Arbitraries.frequency(Tuple.of(8, "st_8H3L5V2P"), Tuple.of(1, " ")).injectNull(0.1);
    }
}
