package care.sciatica.session.domain;

import static org.assertj.core.api.Assertions.assertThat;

import care.sciatica.contracts.assessment.StepStatus;
import care.sciatica.contracts.common.TreatmentStep;
import care.sciatica.contracts.session.ConsentDecision;
import care.sciatica.contracts.session.StepOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Random plans and random sequences of commands, forbidden ones included: no session that results ever holds a step
 * before consent or after a withdrawal, more than two ice cubes at once, the affected area massaged under heat, or an
 * excluded step done or a safety limit exceeded without a clinical lead's override; a refused command leaves the
 * session exactly as it was.
 */
class SessionPropertiesTest {

    @Property(tries = 1000)
    void noSessionEverBreaksTheSafetyRules(@ForAll("scenarios") SessionScenarios.Scenario scenario) {
        TreatmentSession session = SessionFixtures.opened(scenario.plan());
        Instant clock = SessionFixtures.T0;
        int refused = 0;
        for (SessionCommands command : scenario.commands()) {
            clock = clock.plusSeconds(60);
            SessionSnapshot before = session.snapshot();
            try {
                command.sendTo(session, clock);
            } catch (SessionRuleViolation violation) {
                refused++;
                assertThat(session.snapshot()).as("after refused %s", command).isEqualTo(before);
                assertThat(violation.state()).isEqualTo(before.state());
            }
            assertSafe(session.snapshot());
        }
        Statistics.label("final state").collect(session.state())
                .coverage(checker -> {
                    checker.check(SessionState.COMPLETED).percentage(p -> p >= 25);
                    checker.check(SessionState.OPEN).percentage(p -> p <= 20);
                });
        Statistics.label("steps recorded").collect(Math.min(session.snapshot().steps().size(), 5))
                .coverage(checker -> checker.check(5).percentage(p -> p >= 30));
        Statistics.label("some command refused").collect(refused > 0)
                .coverage(checker -> checker.check(true).percentage(p -> p >= 80));
    }

    @Property(tries = 200)
    void aSessionRestoredBeforeEveryCommandBehavesTheSame(@ForAll("scenarios") SessionScenarios.Scenario scenario) {
        TreatmentSession kept = SessionFixtures.opened(scenario.plan());
        SessionSnapshot stored = kept.snapshot();
        Instant clock = SessionFixtures.T0;
        for (SessionCommands command : scenario.commands()) {
            clock = clock.plusSeconds(60);
            TreatmentSession reloaded = TreatmentSession.restore(stored);
            assertThat(outcome(reloaded, command, clock)).isEqualTo(outcome(kept, command, clock));
            stored = reloaded.snapshot();
            assertThat(stored).isEqualTo(kept.snapshot());
        }
    }

    @Provide
    Arbitrary<SessionScenarios.Scenario> scenarios() {
        return SessionScenarios.scenarios();
    }

    private static Object outcome(TreatmentSession session, SessionCommands command, Instant at) {
        try {
            return command.sendTo(session, at);
        } catch (SessionRuleViolation violation) {
            return violation.code() + " " + violation.state() + " " + violation.reason();
        }
    }

    private static void assertSafe(SessionSnapshot snapshot) {
        List<PerformedStep> steps = snapshot.steps();
        if (!steps.isEmpty()) {
            assertThat(snapshot.consent()).as("consent before any step").isNotNull();
            assertThat(snapshot.consent().decision()).isEqualTo(ConsentDecision.GIVEN);
            assertThat(steps).allSatisfy(step -> assertThat(step.recordedAt()).isAfter(snapshot.consent().at()));
        }
        if (snapshot.withdrawal() != null) {
            assertThat(steps).as("nothing after a withdrawal")
                    .allSatisfy(step -> assertThat(step.recordedAt()).isBefore(snapshot.withdrawal().at()));
        }
        if (snapshot.state().isClosed()) {
            assertThat(snapshot.closedAt()).isNotNull();
            assertThat(steps).as("nothing after the session closed")
                    .allSatisfy(step -> assertThat(step.recordedAt()).isBeforeOrEqualTo(snapshot.closedAt()));
        }
        for (PerformedStep step : steps) {
            if (step.parameters().iceCubesAtOnce() != null) {
                assertThat(step.parameters().iceCubesAtOnce()).as("ice cubes at once").isLessThanOrEqualTo(2);
            }
            assertThat(step.deviationReason() == null).isEqualTo(step.outcome() == StepOutcome.PERFORMED);
            if (step.outcome() != StepOutcome.SKIPPED) {
                assertPlannedOrOverridden(snapshot.plan(), step);
                assertWithinSafetyLimitsOrOverridden(snapshot.plan(), step);
                assertNoHeatLeftOn(steps, step);
            }
        }
    }

    private static void assertPlannedOrOverridden(TreatmentPlan plan, PerformedStep step) {
        Optional<PlanStep> planned = plan.steps().stream().filter(entry -> entry.step() == step.step()).findFirst();
        if (planned.isEmpty() || planned.get().status() == StepStatus.EXCLUDED) {
            assertThat(step.step()).as("excluded ice or heat").isNotIn(TreatmentStep.ICE_MASSAGE, TreatmentStep.HEAT);
            assertThat(step.override()).as("override for excluded %s", step.step()).isNotNull();
            assertThat(step.override().by()).isNotBlank();
            assertThat(step.override().reason()).isNotBlank();
        }
    }

    private static void assertWithinSafetyLimitsOrOverridden(TreatmentPlan plan, PerformedStep step) {
        plan.step(step.step()).filter(PlanStep::limitedForSafety).ifPresent(limit -> {
            StepParameters applied = step.parameters();
            boolean beyond = above(applied.iceCubesAtOnce(), limit.maxIceCubes())
                    || above(applied.minutes(), limit.maxMinutes())
                    || applied.pressure() != null && limit.pressure() != null
                    && applied.pressure().compareTo(limit.pressure()) > 0;
            if (beyond) {
                assertThat(step.override()).as("a lead's override beyond the safety limits of %s", step.step())
                        .isNotNull();
                assertThat(step.override().namesLeadAndReason()).isTrue();
            }
        });
    }

    private static boolean above(Integer applied, Integer limit) {
        return applied != null && limit != null && applied > limit;
    }

    private static void assertNoHeatLeftOn(List<PerformedStep> steps, PerformedStep step) {
        if (step.step() != TreatmentStep.MASSAGE_AREA_AND_SPINE) {
            return;
        }
        steps.stream()
                .filter(heat -> heat.step() == TreatmentStep.HEAT && heat.outcome() != StepOutcome.SKIPPED)
                .filter(heat -> heat.sequence() < step.sequence())
                .forEach(heat -> {
                    assertThat(heat.parameters().heatRemovedAt()).as("heat of step %d removed before massage of step"
                            + " %d", heat.sequence(), step.sequence()).isNotNull();
                    assertThat(heat.parameters().heatRemovedAt()).isBeforeOrEqualTo(step.recordedAt());
                });
    }
}
