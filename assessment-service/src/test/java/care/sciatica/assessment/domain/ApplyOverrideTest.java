package care.sciatica.assessment.domain;

import care.sciatica.contracts.assessment.Likelihood;
import care.sciatica.contracts.assessment.StepStatus;
import care.sciatica.contracts.assessment.SuitabilityDecision;
import care.sciatica.contracts.common.Origin;
import care.sciatica.contracts.common.Pressure;
import care.sciatica.contracts.common.TreatmentStep;
import care.sciatica.contracts.intake.RedFlagAnswer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A clinical lead's override: reason required, recorded as CLINICAL_LEAD_OVERRIDE, never lifting a referral. */
class ApplyOverrideTest {

    @Test
    void includingAnExcludedStepKeepsTheExclusionAsACaution() {
        HistoryBuilder history = HistoryBuilder.everyStepIndicated().with(h -> h.raynauds = true);
        TreatmentPlan plan = TestRules.plan(history);

        TreatmentPlan overridden = (TreatmentPlan) ApplyOverride.apply(plan, new LeadOverride.OfStep(
                TreatmentStep.ICE_MASSAGE, StepStatus.INCLUDED, null, "Mild Raynaud's, hands only; patient tolerates ice"),
                history.facts(), TestRules.real());

        PlannedStep ice = overridden.step(TreatmentStep.ICE_MASSAGE);
        assertThat(ice.status()).isEqualTo(StepStatus.INCLUDED);
        assertThat(ice.parameters().maxIceCubes()).isEqualTo(2);
        assertThat(ice.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.ruleId()).isEqualTo("CLINICAL_LEAD_OVERRIDE");
            assertThat(reason.finding()).isEqualTo("clinicalLeadOverride.iceMassage");
            // The lead's own words stay in the service: the plan (and its event) carries the fixed rule text.
            assertThat(reason.explanation()).isEqualTo(LeadOverride.EXPLANATION);
        });
        assertThat(ice.cautions()).anySatisfy(caution -> {
            assertThat(caution.ruleId()).isEqualTo("ICE_EXCLUDED_RAYNAUDS");
            assertThat(caution.finding()).isEqualTo("conditions.raynauds");
            assertThat(caution.explanation()).startsWith("Set aside by a clinical lead: Ice massage excluded");
        });
        assertThat(overridden.overrides()).hasSize(1);
    }

    @Test
    void anOriginOverrideReplansTheMobilisationItIndicates() {
        HistoryBuilder history = HistoryBuilder.unremarkable();
        TreatmentPlan plan = TestRules.plan(history);
        assertThat(plan.step(TreatmentStep.SIJ_MOBILISATION).status()).isEqualTo(StepStatus.EXCLUDED);

        TreatmentPlan overridden = (TreatmentPlan) ApplyOverride.apply(plan,
                new LeadOverride.OfOrigin(Origin.SACROILIAC, "Diagnostic block positive"), history.facts(), TestRules.real());

        assertThat(overridden.origin().primary()).isEqualTo(Origin.SACROILIAC);
        assertThat(overridden.origin().estimateOf(Origin.SACROILIAC).likelihood()).isEqualTo(Likelihood.HIGH);
        assertThat(overridden.origin().estimateOf(Origin.SACROILIAC).findingsFor().getFirst().ruleId())
                .isEqualTo("CLINICAL_LEAD_OVERRIDE");
        assertThat(overridden.step(TreatmentStep.SIJ_MOBILISATION).status()).isEqualTo(StepStatus.INCLUDED);
    }

    @Test
    void overridesAccumulateAndAModifiedStepTakesTheLeadsParameters() {
        HistoryBuilder history = HistoryBuilder.everyStepIndicated();
        Assessment plan = TestRules.plan(history);
        plan = ApplyOverride.apply(plan, new LeadOverride.OfStep(TreatmentStep.MASSAGE_AREA_AND_SPINE, StepStatus.MODIFIED,
                new StepParameters(null, null, null, Pressure.LIGHT, null), "Patient prefers light touch"), history.facts(), TestRules.real());
        plan = ApplyOverride.apply(plan, new LeadOverride.OfSuitability(SuitabilityDecision.TREAT, "Preference only, not a contraindication"),
                history.facts(), TestRules.real());

        TreatmentPlan result = (TreatmentPlan) plan;
        assertThat(result.step(TreatmentStep.MASSAGE_AREA_AND_SPINE).status()).isEqualTo(StepStatus.MODIFIED);
        assertThat(result.step(TreatmentStep.MASSAGE_AREA_AND_SPINE).parameters().pressure()).isEqualTo(Pressure.LIGHT);
        assertThat(result.suitability().decision()).isEqualTo(SuitabilityDecision.TREAT);
        assertThat(result.suitability().reasons()).extracting(Reason::finding).contains("clinicalLeadOverride.suitability");
        assertThat(result.overrides()).hasSize(2);
    }

    @Test
    void excludingAStepMakesTheCaseTreatWithModifications() {
        HistoryBuilder history = HistoryBuilder.everyStepIndicated();
        TreatmentPlan result = (TreatmentPlan) ApplyOverride.apply(TestRules.plan(history), new LeadOverride.OfStep(
                TreatmentStep.HIP_TRACTION, StepStatus.EXCLUDED, null, "Surgeon has not cleared traction"),
                history.facts(), TestRules.real());

        assertThat(result.step(TreatmentStep.HIP_TRACTION).status()).isEqualTo(StepStatus.EXCLUDED);
        assertThat(result.suitability().decision()).isEqualTo(SuitabilityDecision.TREAT_WITH_MODIFICATIONS);
    }

    @Test
    void replayingRecordedOverridesOverAnAmendedHistoryReproducesThem() {
        HistoryBuilder amended = HistoryBuilder.everyStepIndicated().with(h -> h.raynauds = true);
        LeadOverride ice = new LeadOverride.OfStep(TreatmentStep.ICE_MASSAGE, StepStatus.INCLUDED, null, "Hands only");

        TreatmentPlan replayed = (TreatmentPlan) ApplyOverride.replay(amended.facts(), TestRules.real(), java.util.List.of(ice));

        assertThat(replayed.step(TreatmentStep.ICE_MASSAGE).status()).isEqualTo(StepStatus.INCLUDED);
        assertThat(replayed.step(TreatmentStep.ICE_MASSAGE).reasons()).extracting(Reason::ruleId)
                .containsExactly("CLINICAL_LEAD_OVERRIDE");
        assertThat(replayed.overrides()).containsExactly(ice);
    }

    @Test
    void aReplayedOverrideNeverLiftsARedFlagThatAnAmendmentAdded() {
        HistoryBuilder amended = HistoryBuilder.unremarkable().with(h -> h.saddleNumbness = RedFlagAnswer.YES);

        Assessment replayed = ApplyOverride.replay(amended.facts(), TestRules.real(), java.util.List.of(
                new LeadOverride.OfSuitability(SuitabilityDecision.TREAT, "Known patient")));

        assertThat(replayed).isInstanceOf(Referral.class);
    }

    @Test
    void aReferralCannotBeOverriddenIntoAPlan() {
        HistoryBuilder history = HistoryBuilder.unremarkable().with(h -> h.saddleNumbness = RedFlagAnswer.YES);
        Assessment referral = TestRules.assess(history);

        assertThatThrownBy(() -> ApplyOverride.apply(referral,
                new LeadOverride.OfSuitability(SuitabilityDecision.TREAT, "I know this patient"), history.facts(), TestRules.real()))
                .isInstanceOf(OverrideRefusedException.class)
                .hasMessageContaining("amend the history");
    }

    @Test
    void anOverrideNeedsAReason() {
        assertThatThrownBy(() -> new LeadOverride.OfOrigin(Origin.LUMBAR, "  "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason");
        assertThatThrownBy(() -> new LeadOverride.OfStep(TreatmentStep.HEAT, StepStatus.INCLUDED, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void notEvenALeadMayAllowMoreThanTwoIceCubes() {
        assertThatThrownBy(() -> new StepParameters(3, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ice cubes");
    }
}
