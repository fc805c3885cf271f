package care.sciatica.assessment.domain;

import care.sciatica.assessment.domain.rules.NeurologicalFindings;
import care.sciatica.assessment.domain.rules.NeurologicalFindings.Sign;
import care.sciatica.assessment.domain.rules.Thresholds;
import care.sciatica.contracts.assessment.Likelihood;
import care.sciatica.contracts.common.NerveRoot;
import care.sciatica.contracts.common.Origin;
import care.sciatica.contracts.intake.CentralisationResult;
import care.sciatica.contracts.intake.Examination;
import care.sciatica.contracts.intake.History;
import care.sciatica.contracts.intake.OnsetMechanism;
import care.sciatica.contracts.intake.PainFactor;
import care.sciatica.contracts.intake.Posture;
import care.sciatica.contracts.intake.StraightLegRaise;
import care.sciatica.contracts.intake.TestResult;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How likely a lumbar (radicular) origin is, and at which root. Key signs (REFERENCE.md §1 rule 2): a neurological
 * deficit, crossed SLR, centralisation; supporting signs: SLR reproducing leg pain, slump. Onset and observation are
 * context only and never change the likelihood.
 */
final class LumbarSigns {

    private LumbarSigns() {
    }

    static OriginEstimate estimate(History history, Thresholds t) {
        Examination exam = history.examination();
        List<Reason> key = new ArrayList<>();
        List<Reason> supporting = new ArrayList<>();
        List<Reason> against = new ArrayList<>();
        List<Sign> deficits = NeurologicalFindings.deficits(history);
        for (Sign sign : deficits) {
            key.add(Reason.of(deficitRuleId(sign), sign.path(), capitalise(sign.description())
                    + (sign.root() == null ? ": a lumbar root deficit" : ": points to the " + sign.root() + " root")));
        }
        if (exam.crossedStraightLegRaise() == TestResult.POSITIVE) {
            key.add(Reason.of("LUMBAR_CROSSED_SLR", "examination.crossedStraightLegRaise",
                    "Crossed straight leg raise positive: rules in a lumbar disc origin (Sp 0.90)"));
        }
        boolean centralised = exam.centralisation() == CentralisationResult.YES;
        if (centralised) {
            key.add(Reason.of("LUMBAR_CENTRALISATION", "examination.centralisation",
                    "Pain centralised on repeated movements: points to a discogenic (lumbar) origin"));
        }
        StraightLegRaise slr = exam.straightLegRaise();
        if (slr != null && slr.reproducesLegPain()) {
            supporting.add(Reason.of("LUMBAR_SLR_LEG_PAIN", "examination.straightLegRaise.reproducesLegPain",
                    "Straight leg raise reproduced leg pain" + (slr.angleDegrees() == null ? "" : " at "
                    + slr.angleDegrees() + " degrees") + ": sensitive (Sn 0.91) but not specific"));
        } else if (slr != null) {
            against.add(Reason.of("LUMBAR_SLR_NEGATIVE", "examination.straightLegRaise.reproducesLegPain",
                    "Straight leg raise did not reproduce leg pain: a sensitive test, argues against a disc origin"));
        }
        if (exam.slump() == TestResult.POSITIVE) {
            supporting.add(Reason.of("LUMBAR_SLUMP_POSITIVE", "examination.slump", "Slump test positive"));
        } else if (exam.slump() == TestResult.NEGATIVE) {
            against.add(Reason.of("LUMBAR_SLUMP_NEGATIVE", "examination.slump", "Slump test negative"));
        }
        if (deficits.isEmpty() && neurologyExamined(exam)) {
            against.add(Reason.of("LUMBAR_NEURO_NORMAL", "examination.myotomalPower",
                    "No dermatomal, myotomal or reflex deficit"));
        }
        NerveRoot level = level(deficits);
        // Two or more signs at the same root are a combination, which the reference says raises specificity.
        int concordance = level != null && deficits.stream().filter(s -> s.root() == level).count() >= 2 ? 1 : 0;
        int keySigns = (deficits.isEmpty() ? 0 : 1) + (key.size() - deficits.size());
        int allSigns = keySigns + supporting.size() + concordance;
        Likelihood likelihood = keySigns >= t.lumbarHighKeySigns().get() && allSigns >= t.lumbarHighAllSigns().get()
                ? Likelihood.HIGH
                : keySigns >= 1 || supporting.size() >= t.lumbarModerateSupportingSigns().get()
                ? Likelihood.MODERATE : Likelihood.LOW;
        List<Reason> findingsFor = new ArrayList<>(key);
        findingsFor.addAll(supporting);
        findingsFor.addAll(context(history));
        return new OriginEstimate(Origin.LUMBAR, likelihood, level, findingsFor, against);
    }

    /** The root most deficit signs point to; none when they disagree equally or none has a root. */
    private static NerveRoot level(List<Sign> deficits) {
        Map<NerveRoot, Integer> counts = new EnumMap<>(NerveRoot.class);
        deficits.stream().filter(s -> s.root() != null).forEach(s -> counts.merge(s.root(), 1, Integer::sum));
        int best = counts.values().stream().max(Integer::compare).orElse(0);
        List<NerveRoot> leaders = counts.entrySet().stream().filter(e -> e.getValue() == best).map(Map.Entry::getKey).toList();
        return leaders.size() == 1 ? leaders.getFirst() : null;
    }

    private static List<Reason> context(History history) {
        List<Reason> context = new ArrayList<>();
        OnsetMechanism mechanism = history.onset().mechanism();
        if (mechanism == OnsetMechanism.LIFT_AND_TWIST || mechanism == OnsetMechanism.COUGH_OR_SNEEZE) {
            context.add(Reason.of("LUMBAR_CONTEXT_ONSET", "onset.mechanism", "Onset " + words(mechanism.name())
                    + ": typical of a disc, supporting context only, not proof"));
        }
        if (history.pain().aggravatingFactors().contains(PainFactor.COUGHING)) {
            context.add(Reason.of("LUMBAR_CONTEXT_COUGH", "pain.aggravatingFactors",
                    "Coughing aggravates the pain: supporting context only, not proof"));
        }
        if (history.observation().posture().contains(Posture.LATERAL_SHIFT)) {
            context.add(Reason.of("LUMBAR_CONTEXT_LATERAL_SHIFT", "observation.posture",
                    "Lateral shift observed: supporting context only, not proof"));
        }
        return context;
    }

    private static boolean neurologyExamined(Examination exam) {
        var power = exam.myotomalPower();
        boolean powerTested = power != null && (power.hipFlexion() != null || power.kneeExtensionL4() != null
                || power.ankleDorsiflexionL4L5() != null || power.bigToeExtensionL5() != null || power.plantarFlexionS1() != null);
        return powerTested;
    }

    private static String deficitRuleId(Sign sign) {
        String kind = sign.path().contains("dermatomal") ? "DERMATOME" : sign.path().contains("reflexes") ? "REFLEX" : "MYOTOME";
        return sign.root() == null ? "LUMBAR_HIP_FLEXION_WEAKNESS" : "LUMBAR_" + sign.root() + "_" + kind;
    }

    static String words(String enumName) {
        return enumName.toLowerCase().replace('_', ' ');
    }

    private static String capitalise(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
