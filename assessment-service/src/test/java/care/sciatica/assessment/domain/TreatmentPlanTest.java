package care.sciatica.assessment.domain;

import care.sciatica.contracts.assessment.StepStatus;
import care.sciatica.contracts.common.Advice;
import care.sciatica.contracts.common.BodySite;
import care.sciatica.contracts.common.HeatKind;
import care.sciatica.contracts.common.Pressure;
import care.sciatica.contracts.common.Side;
import care.sciatica.contracts.common.TreatmentStep;
import care.sciatica.contracts.intake.PainFactor;
import care.sciatica.contracts.intake.SittingTolerance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static care.sciatica.contracts.common.TreatmentStep.HIP_TRACTION;
import static care.sciatica.contracts.common.TreatmentStep.LUMBAR_MOBILISATION;
import static care.sciatica.contracts.common.TreatmentStep.SIJ_MOBILISATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The plan's shape: protocol order, default parameters per side, mobilisation by origin, advice and follow-up. */
class TreatmentPlanTest {

    @Test
    void stepsFollowTheProtocolWithItsDefaultsOnTheAffectedSide() {
        TreatmentPlan plan = TestRules.plan(HistoryBuilder.everyStepIndicated().with(h -> h.side = Side.RIGHT));

        assertThat(plan.steps()).extracting(PlannedStep::step).containsExactly(TreatmentStep.values());
        StepParameters ice = plan.step(TreatmentStep.ICE_MASSAGE).parameters();
        assertThat(ice.maxIceCubes()).isEqualTo(2);
        assertThat(ice.maxMinutes()).isEqualTo(10);
        StepParameters heat = plan.step(TreatmentStep.HEAT).parameters();
        assertThat(heat.heatKind()).isEqualTo(HeatKind.WHEAT_BAG);
        assertThat(heat.maxMinutes()).isEqualTo(20);
        assertThat(plan.step(TreatmentStep.MASSAGE_LEG_UNDER_HEAT).parameters().regions())
                .containsExactly(BodySite.RIGHT_POSTERIOR_THIGH, BodySite.RIGHT_CALF);
        assertThat(plan.step(TreatmentStep.MASSAGE_AREA_AND_SPINE).parameters().pressure()).isEqualTo(Pressure.MODERATE);
        assertThat(plan.step(HIP_TRACTION).parameters().regions()).containsExactly(BodySite.RIGHT_HIP);
        assertThat(plan.rulesVersion()).isEqualTo("2026.12-2");
    }

    static Stream<Arguments> indications() {
        return Stream.of(
                arguments("undetermined: no mobilisation", (Consumer<HistoryBuilder>) h -> { },
                        List.of(HIP_TRACTION, LUMBAR_MOBILISATION, SIJ_MOBILISATION), List.of()),
                arguments("lumbar: lumbar mobilisation only", OriginClassificationTest.CLEAR_L5,
                        List.of(HIP_TRACTION, SIJ_MOBILISATION), List.of(LUMBAR_MOBILISATION)),
                arguments("sacroiliac: hip traction and SIJ", OriginClassificationTest.SIJ_CLUSTER
                                .andThen(h -> h.centralisation = care.sciatica.contracts.intake.CentralisationResult.NO),
                        List.of(LUMBAR_MOBILISATION), List.of(HIP_TRACTION, SIJ_MOBILISATION)),
                arguments("piriformis: hip traction only", OriginClassificationTest.PIRIFORMIS,
                        List.of(LUMBAR_MOBILISATION, SIJ_MOBILISATION), List.of(HIP_TRACTION)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("indications")
    void mobilisationOnlyWhereTheOriginCallsForIt(String name, Consumer<HistoryBuilder> findings,
                                                  List<TreatmentStep> excluded, List<TreatmentStep> planned) {
        TreatmentPlan plan = TestRules.plan(HistoryBuilder.unremarkable().with(findings));

        for (TreatmentStep step : excluded) {
            PlannedStep mobilisation = plan.step(step);
            assertThat(mobilisation.status()).isEqualTo(StepStatus.EXCLUDED);
            assertThat(mobilisation.reasons()).singleElement().satisfies(reason -> {
                assertThat(reason.ruleId()).endsWith("_NOT_INDICATED");
                assertThat(reason.finding()).startsWith("examination.");
                assertThat(reason.explanation()).contains("excluded");
            });
        }
        planned.forEach(step -> assertThat(plan.step(step).status()).isNotEqualTo(StepStatus.EXCLUDED));
    }

    @Test
    void aMobilisationTheOriginDoesNotCallForIsNotAModification() {
        TreatmentPlan plan = TestRules.plan(HistoryBuilder.unremarkable());

        assertThat(plan.suitability().decision()).isEqualTo(care.sciatica.contracts.assessment.SuitabilityDecision.TREAT);
    }

    @Test
    void aCushionWhenSittingHurtsAndExerciseAlways() {
        assertThat(TestRules.plan(HistoryBuilder.unremarkable().with(h -> h.aggravating.add(PainFactor.SITTING))).advice())
                .contains(Advice.SITTING_CUSHION, Advice.EXERCISE);
        assertThat(TestRules.plan(HistoryBuilder.unremarkable().with(h -> h.sittingTolerance = SittingTolerance.REDUCED)).advice())
                .contains(Advice.SITTING_CUSHION);
        assertThat(TestRules.plan(HistoryBuilder.unremarkable()).advice())
                .contains(Advice.EXERCISE).doesNotContain(Advice.SITTING_CUSHION, Advice.ACTIVITY_MODIFICATION);
    }

    @Test
    void heatAtHomeOnlyWhenTheHeatStepIsSafeUnchanged() {
        assertThat(TestRules.plan(HistoryBuilder.unremarkable()).advice()).contains(Advice.HEAT_AT_HOME);
        assertThat(TestRules.plan(HistoryBuilder.unremarkable().with(h -> h.impairedSensation = true)).advice())
                .doesNotContain(Advice.HEAT_AT_HOME);
    }

    @Test
    void followUpByOriginAndSoonerWhenTheOriginIsUnclearOrThePlanModified() {
        assertThat(TestRules.plan(HistoryBuilder.unremarkable().with(OriginClassificationTest.CLEAR_L5)).followUpIntervalDays())
                .isEqualTo(4);
        assertThat(TestRules.plan(HistoryBuilder.unremarkable().with(OriginClassificationTest.PIRIFORMIS)).followUpIntervalDays())
                .isEqualTo(7);
        assertThat(TestRules.plan(HistoryBuilder.unremarkable()).followUpIntervalDays()).isEqualTo(3);
        assertThat(TestRules.plan(HistoryBuilder.unremarkable().with(OriginClassificationTest.PIRIFORMIS.andThen(h -> h.raynauds = true)))
                .followUpIntervalDays()).isEqualTo(5);
    }

    @Test
    void painOnBothSidesWithoutLegPainTreatsBothSides() {
        TreatmentPlan plan = TestRules.plan(HistoryBuilder.unremarkable().with(h -> {
            h.side = Side.BOTH;
            h.distribution = new java.util.ArrayList<>(List.of(care.sciatica.contracts.intake.PainArea.BUTTOCK));
        }));

        assertThat(plan.step(TreatmentStep.PALPATION).parameters().regions())
                .contains(BodySite.LEFT_GLUTEAL, BodySite.RIGHT_GLUTEAL, BodySite.LUMBAR_SPINE);
    }
}
