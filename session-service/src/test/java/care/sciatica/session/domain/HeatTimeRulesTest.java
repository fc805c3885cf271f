package care.sciatica.session.domain;

import static care.sciatica.contracts.common.TreatmentStep.HEAT;
import static care.sciatica.contracts.common.TreatmentStep.MASSAGE_AREA_AND_SPINE;
import static care.sciatica.session.domain.SessionFixtures.assertRefused;
import static care.sciatica.session.domain.SessionFixtures.consented;
import static care.sciatica.session.domain.SessionFixtures.heat;
import static care.sciatica.session.domain.SessionFixtures.minute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import care.sciatica.contracts.common.TreatmentStep;
import care.sciatica.contracts.session.ConsentMethod;
import care.sciatica.contracts.session.DeviationReason;
import care.sciatica.contracts.session.EndReason;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Heat against the clock: heat applied in the future is refused naming the field; heat left on beyond the plan's
 * maximum (20 minutes in these plans) is flagged on the session with its code and reason, never refused; and heat on,
 * overrun or removed late never keeps a session from completing or ending early.
 */
class HeatTimeRulesTest {

    @ParameterizedTest
    @ValueSource(ints = {2, 30, 60 * 24})
    void heatAppliedInTheFutureIsRefusedNamingTheField(int minutesAhead) {
        TreatmentSession session = consented(TreatmentPlans.sacroiliac());

        SessionRuleViolation refused = assertRefused(session, () -> session.performStep(
                StepReport.performed(HEAT, heat(minute(10 + minutesAhead))), minute(10)),
                SessionRule.INVALID_INPUT, "heatAppliedAt " + minute(10 + minutesAhead) + " is in the future");

        assertThat(refused.field()).isEqualTo("parameters.heatAppliedAt");
    }

    @ParameterizedTest
    @ValueSource(ints = {-30, -1, 0})
    void heatAppliedNowOrEarlierIsRecorded(int minutesBefore) {
        TreatmentSession session = consented(TreatmentPlans.sacroiliac());

        session.performStep(StepReport.performed(HEAT, heat(minute(10 + minutesBefore))), minute(10));

        assertThat(session.snapshot().steps()).singleElement()
                .satisfies(step -> assertThat(step.parameters().heatAppliedAt()).isEqualTo(minute(10 + minutesBefore)));
    }

    @Test
    void aDevicesClockALittleAheadIsNotTheFutureAndTheHeatCanStillBeRemoved() {
        TreatmentSession session = consented(TreatmentPlans.sacroiliac());
        Instant aheadBy30Seconds = minute(10).plusSeconds(30);
        session.performStep(StepReport.performed(HEAT, heat(aheadBy30Seconds)), minute(10));

        session.removeHeat(minute(10).plusSeconds(10));

        assertThat(session.snapshot().steps().getFirst().parameters().heatRemovedAt()).isEqualTo(aheadBy30Seconds);
    }

    /** How the heat came off, and whether that was longer than the plan's 20 minutes. */
    static Stream<Arguments> heatTimes() {
        return Stream.of(
                arguments("removed after 20 minutes", (Consumer<TreatmentSession>) s -> s.removeHeat(minute(30)),
                        null),
                arguments("removed after 25 minutes", (Consumer<TreatmentSession>) s -> s.removeHeat(minute(35)),
                        "Heat was on for 25 minutes, the plan allows 20: check the skin for burns"),
                arguments("still on when the session ends early after 40 minutes",
                        (Consumer<TreatmentSession>) s -> s.endEarly(EndReason.PATIENT_UNWELL, minute(50)),
                        "Heat still on after 40 minutes when the session closed, the plan allows 20"),
                arguments("still on when consent is withdrawn after 21 minutes",
                        (Consumer<TreatmentSession>) s -> s.withdrawConsent(ConsentMethod.VERBAL, "st_8H3L5V2P",
                                minute(31)),
                        "Heat still on after 21 minutes when the session closed, the plan allows 20"),
                arguments("ending early within 20 minutes",
                        (Consumer<TreatmentSession>) s -> s.endEarly(EndReason.PATIENT_UNWELL, minute(29)), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("heatTimes")
    void heatLeftOnBeyondThePlansMaximumIsFlaggedNotRefused(String how, Consumer<TreatmentSession> off,
                                                           String reason) {
        TreatmentSession session = SessionFixtures.underHeat(TreatmentPlans.sacroiliac());

        off.accept(session);

        if (reason == null) {
            assertThat(session.snapshot().deviations()).isEmpty();
        } else {
            assertThat(session.snapshot().deviations()).singleElement().satisfies(flag -> {
                assertThat(flag.code()).isEqualTo(FlaggedDeviation.HEAT_LEFT_ON_TOO_LONG);
                assertThat(flag.step()).isEqualTo(HEAT);
                assertThat(flag.stepSequence()).isEqualTo(1);
                assertThat(flag.reason()).startsWith(reason);
            });
        }
    }

    @Test
    void heatRecordedWithItsRemovalIsFlaggedWithTheStepAndOnlyOnce() {
        TreatmentSession session = consented(TreatmentPlans.sacroiliac());

        List<SessionEvent> events = session.performStep(StepReport.performed(HEAT,
                heat(minute(4)).withHeatRemovedAt(minute(34))), minute(35));
        session.performStep(StepReport.skipped(TreatmentStep.MASSAGE_LEG_UNDER_HEAT, DeviationReason.TIME), minute(36));

        assertThat(events).hasSize(2).last().isInstanceOfSatisfying(SessionEvent.DeviationFlagged.class, flagged ->
                assertThat(flagged.deviation().reason()).startsWith("Heat was on for 30 minutes, the plan allows 20"));
        assertThat(session.snapshot().deviations()).hasSize(1);
    }

    @Test
    void heatWithARemovalRecordedInAdvanceCanBeTakenOffEarlier() {
        TreatmentSession session = consented(TreatmentPlans.sacroiliac());
        session.performStep(StepReport.performed(HEAT, heat(minute(10)).withHeatRemovedAt(minute(90))), minute(10));

        session.removeHeat(minute(25));

        assertThat(session.snapshot().steps().getFirst().parameters().heatRemovedAt()).isEqualTo(minute(25));
        assertThat(session.snapshot().deviations()).isEmpty();
    }

    /** Heat in every state a therapist can leave it in: on in time, overrun, removal recorded far ahead. */
    static Stream<Arguments> heatStates() {
        return Stream.of(
                arguments("on for 5 minutes", heat(minute(10)), minute(15)),
                arguments("on for 3 hours", heat(minute(10)), minute(190)),
                arguments("removal recorded 2 hours ahead", heat(minute(10)).withHeatRemovedAt(minute(130)),
                        minute(20)),
                arguments("applied seconds ahead of the clock", heat(minute(10).plusSeconds(40)), minute(10)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("heatStates")
    void withHeatOnTheSessionCanAlwaysBeCompletedOnceTheHeatIsOff(String state, StepParameters heat, Instant now) {
        TreatmentSession session = consented(TreatmentPlans.heatThenAreaMassage());
        session.performStep(StepReport.performed(HEAT, heat), minute(10));
        session.performStep(StepReport.skipped(MASSAGE_AREA_AND_SPINE, DeviationReason.PATIENT_DISCOMFORT), now);
        session.recordPainAfter(3, now);

        assertRefused(session, () -> session.complete(now), SessionRule.HEAT_STILL_APPLIED, "has not been removed");
        session.removeHeat(now);
        session.complete(now.plusSeconds(60));

        assertThat(session.state()).isEqualTo(SessionState.COMPLETED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("heatStates")
    void withHeatOnTheSessionCanAlwaysEndEarly(String state, StepParameters heat, Instant now) {
        TreatmentSession session = consented(TreatmentPlans.heatThenAreaMassage());
        session.performStep(StepReport.performed(HEAT, heat), minute(10));

        session.endEarly(EndReason.ADVERSE_REACTION, now);

        assertThat(session.state()).isEqualTo(SessionState.ENDED_EARLY);
    }

    @Test
    void anOverrunNeverHoldsUpTheMassageOrTheCompletion() {
        TreatmentSession session = SessionFixtures.underHeat(TreatmentPlans.heatThenAreaMassage());

        session.removeHeat(minute(55));
        session.performStep(StepReport.skipped(MASSAGE_AREA_AND_SPINE, DeviationReason.TIME), minute(56));
        session.recordPainAfter(4, minute(57));
        session.complete(minute(58));

        assertThat(session.state()).isEqualTo(SessionState.COMPLETED);
        assertThat(session.snapshot().deviations()).extracting(FlaggedDeviation::reason)
                .containsExactly("Heat was on for 45 minutes, the plan allows 20: check the skin for burns and record"
                        + " what was seen");
    }
}
