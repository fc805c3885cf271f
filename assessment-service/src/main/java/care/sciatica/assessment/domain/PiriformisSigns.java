package care.sciatica.assessment.domain;

import care.sciatica.assessment.domain.rules.NeurologicalFindings;
import care.sciatica.assessment.domain.rules.Thresholds;
import care.sciatica.contracts.assessment.Likelihood;
import care.sciatica.contracts.common.Origin;
import care.sciatica.contracts.intake.Examination;
import care.sciatica.contracts.intake.History;
import care.sciatica.contracts.intake.OnsetMechanism;
import care.sciatica.contracts.intake.PainArea;
import care.sciatica.contracts.intake.PainFactor;
import care.sciatica.contracts.intake.SittingTolerance;
import care.sciatica.contracts.intake.TestResult;

import java.util.ArrayList;
import java.util.List;

/**
 * How likely a piriformis / deep gluteal origin is (REFERENCE.md §1 rule 4): FAIR, active piriformis or seated
 * stretch positive with normal neurology; HIGH when buttock pain or notch tenderness and pain on sitting go with it.
 * Prolonged-sitting onset and observed sitting intolerance are context only.
 */
final class PiriformisSigns {

    private PiriformisSigns() {
    }

    static OriginEstimate estimate(History history, Thresholds t) {
        Examination exam = history.examination();
        List<Reason> findingsFor = new ArrayList<>();
        List<Reason> against = new ArrayList<>();
        test(exam.fair(), "PIRIFORMIS_FAIR_POSITIVE", "examination.fair",
                "FAIR test positive (Sn 0.88, Sp 0.83)", findingsFor);
        test(exam.activePiriformis(), "PIRIFORMIS_ACTIVE_TEST_POSITIVE", "examination.activePiriformis",
                "Active piriformis test positive (Sn 0.78, Sp 0.80)", findingsFor);
        test(exam.seatedPiriformisStretch(), "PIRIFORMIS_SEATED_STRETCH_POSITIVE", "examination.seatedPiriformisStretch",
                "Seated piriformis stretch test positive (Sn 0.52, Sp 0.90)", findingsFor);
        boolean testPositive = !findingsFor.isEmpty();
        boolean normalNeurology = NeurologicalFindings.isNormal(history);
        int features = 0;
        if (exam.sciaticNotchTenderness()) {
            findingsFor.add(Reason.of("PIRIFORMIS_NOTCH_TENDERNESS", "examination.sciaticNotchTenderness",
                    "Tender at the greater sciatic notch"));
            features++;
        } else if (history.pain().distribution().contains(PainArea.BUTTOCK)) {
            findingsFor.add(Reason.of("PIRIFORMIS_BUTTOCK_PAIN", "pain.distribution", "Buttock pain"));
            features++;
        }
        if (history.pain().aggravatingFactors().contains(PainFactor.SITTING)) {
            findingsFor.add(Reason.of("PIRIFORMIS_PAIN_ON_SITTING", "pain.aggravatingFactors", "Sitting aggravates the pain"));
            features++;
        }
        if (normalNeurology && testPositive) {
            findingsFor.add(Reason.of("PIRIFORMIS_NORMAL_NEUROLOGY", "examination.dermatomalSensoryChange",
                    "No dermatomal, myotomal or reflex deficit: fits nerve entrapment in the buttock rather than at the root"));
        }
        if (!normalNeurology) {
            var deficit = NeurologicalFindings.firstDeficit(history).orElseThrow();
            against.add(Reason.of("PIRIFORMIS_AGAINST_NEURO_DEFICIT", deficit.path(),
                    "A root deficit (" + deficit.detail() + ") argues against deep gluteal entrapment"));
        }
        if (exam.fair() == TestResult.NEGATIVE) {
            against.add(Reason.of("PIRIFORMIS_FAIR_NEGATIVE", "examination.fair", "FAIR test negative"));
        }
        if (exam.activePiriformis() == TestResult.NEGATIVE && exam.seatedPiriformisStretch() == TestResult.NEGATIVE) {
            against.add(Reason.of("PIRIFORMIS_ACTIVE_SEATED_NEGATIVE", "examination.activePiriformis",
                    "Active piriformis and seated stretch both negative (either positive: Sn 0.91)"));
        }
        findingsFor.addAll(context(history));
        Likelihood likelihood = !testPositive || !normalNeurology ? Likelihood.LOW
                : features >= t.piriformisHighFeatures().get() ? Likelihood.HIGH : Likelihood.MODERATE;
        return new OriginEstimate(Origin.PIRIFORMIS_DEEP_GLUTEAL, likelihood, null, findingsFor, against);
    }

    private static void test(TestResult result, String ruleId, String path, String text, List<Reason> findingsFor) {
        if (result == TestResult.POSITIVE) {
            findingsFor.add(Reason.of(ruleId, path, text));
        }
    }

    private static List<Reason> context(History history) {
        List<Reason> context = new ArrayList<>();
        if (history.onset().mechanism() == OnsetMechanism.GRADUAL_PROLONGED_SITTING) {
            context.add(Reason.of("PIRIFORMIS_CONTEXT_PROLONGED_SITTING", "onset.mechanism",
                    "Pain built up during prolonged sitting (long drive or flight): supporting context only, not proof"));
        }
        if (history.observation().sittingTolerance() != SittingTolerance.NORMAL) {
            context.add(Reason.of("PIRIFORMIS_CONTEXT_SITTING_TOLERANCE", "observation.sittingTolerance",
                    "Observed sitting tolerance " + LumbarSigns.words(history.observation().sittingTolerance().name())
                    + ": supporting context only, not proof"));
        }
        var slr = history.examination().straightLegRaise();
        if (slr != null && !slr.reproducesLegPain()) {
            context.add(Reason.of("PIRIFORMIS_CONTEXT_SLR_NEGATIVE", "examination.straightLegRaise.reproducesLegPain",
                    "Straight leg raise negative: common in deep gluteal entrapment (SLR Sn only 0.15 there)"));
        }
        return context;
    }
}
