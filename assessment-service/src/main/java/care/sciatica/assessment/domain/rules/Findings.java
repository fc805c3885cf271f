package care.sciatica.assessment.domain.rules;

import care.sciatica.contracts.common.Side;
import care.sciatica.contracts.intake.Conditions;
import care.sciatica.contracts.intake.Gait;
import care.sciatica.contracts.intake.HipReplacement;
import care.sciatica.contracts.intake.History;
import care.sciatica.contracts.intake.KneeReplacement;
import care.sciatica.contracts.intake.NeurologicalChange;
import care.sciatica.contracts.intake.Observation;
import care.sciatica.contracts.intake.OnsetMechanism;
import care.sciatica.contracts.intake.PainArea;
import care.sciatica.contracts.intake.PainFactor;
import care.sciatica.contracts.intake.Posture;
import care.sciatica.contracts.intake.RedFlagAnswer;
import care.sciatica.contracts.intake.RedFlags;
import care.sciatica.contracts.intake.SignChange;
import care.sciatica.contracts.intake.SitToStand;
import care.sciatica.contracts.intake.SittingTolerance;
import care.sciatica.contracts.intake.SurgicalApproach;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The vocabulary the rules file may use in {@code when}: each name is a finding the code knows how to look for in a
 * case, reported with the history field it comes from. Adding a finding needs code; using it in a rule does not.
 */
public final class Findings {

    /** Looks for one finding in a case. */
    @FunctionalInterface
    public interface Check {
        Optional<FindingMatch> in(CaseFacts facts, Thresholds thresholds);
    }

    private static final Map<String, Check> CHECKS = new LinkedHashMap<>();
    private static final Set<PainArea> LEG_AREAS = EnumSet.of(PainArea.THIGH, PainArea.BELOW_KNEE, PainArea.FOOT);

    static {
        redFlag("saddleNumbness", RedFlags::saddleNumbness);
        redFlag("bladderOrBowelDisturbance", RedFlags::bladderOrBowelDisturbance);
        redFlag("bilateralOrProgressiveLegWeakness", RedFlags::bilateralOrProgressiveLegWeakness);
        redFlag("feverOrRecentInfection", RedFlags::feverOrRecentInfection);
        redFlag("unexplainedWeightLoss", RedFlags::unexplainedWeightLoss);
        redFlag("majorTrauma", RedFlags::majorTrauma);
        redFlag("ivDrugUse", RedFlags::ivDrugUse);
        redFlag("immunosuppression", RedFlags::immunosuppression);
        condition("raynauds", Conditions::raynauds);
        condition("coldUrticaria", Conditions::coldUrticaria);
        condition("impairedSensation", Conditions::impairedSensation);
        condition("circulatoryDisease", Conditions::circulatoryDisease);
        condition("knownDvt", Conditions::knownDvt);
        condition("anticoagulants", Conditions::anticoagulants);
        condition("osteoporosis", Conditions::osteoporosis);
        condition("longTermSteroids", Conditions::longTermSteroids);
        condition("cancerHistory", Conditions::cancerHistory);
        condition("pregnancy", Conditions::pregnancy);
        condition("skinLesionsOverTreatmentArea", Conditions::skinLesionsOverTreatmentArea);
        simple("nightPain", "pain.nightPain", h -> h.pain().nightPain());
        simple("bilateralSciatica", "pain.side", h -> h.pain().side() == Side.BOTH
                && h.pain().distribution().stream().anyMatch(LEG_AREAS::contains));
        simple("fallOrJumpOnset", "onset.mechanism", h -> h.onset().mechanism() == OnsetMechanism.SLIP_OR_FALL
                || h.onset().mechanism() == OnsetMechanism.JUMP_DOWN);
        simple("otherRelevantSurgery", "surgery.otherRelevantSurgery", h -> h.surgery().otherRelevantSurgery());
        simple("sittingAggravates", "pain.aggravatingFactors", h -> h.pain().aggravatingFactors().contains(PainFactor.SITTING));
        simple("sittingToleranceReduced", "observation.sittingTolerance",
                h -> h.observation().sittingTolerance() != SittingTolerance.NORMAL);
        simple("activityAggravates", "pain.aggravatingFactors", h -> h.pain().aggravatingFactors().stream()
                .anyMatch(f -> f == PainFactor.BENDING || f == PainFactor.STANDING || f == PainFactor.WALKING));
        simple("dermatomalSensoryChange", "examination.dermatomalSensoryChange",
                h -> !h.examination().dermatomalSensoryChange().isEmpty());
        CHECKS.put("neuroDeficit", (facts, t) -> NeurologicalFindings.firstDeficit(facts.history()));
        CHECKS.put("severeMotorLoss", (facts, t) ->
                NeurologicalFindings.weakestAtMost(facts.history(), t.severeMotorGradeAtMost().get()));
        CHECKS.put("newPainOverAgeThreshold", (facts, t) ->
                facts.ageYears() > t.newPainAgeOver().get() ? newPain(facts, t) : Optional.empty());
        CHECKS.put("newPainUnderAgeThreshold", (facts, t) ->
                facts.ageYears() < t.newPainAgeUnder().get() ? newPain(facts, t) : Optional.empty());
        CHECKS.put("anticoagulantsHighRisk", (facts, t) -> {
            Conditions c = facts.history().conditions();
            boolean highRisk = c.anticoagulants()
                    && (facts.ageYears() >= t.anticoagulantHighRiskAgeAtLeast().get() || c.longTermSteroids());
            return highRisk ? match("conditions.anticoagulants", "age " + facts.ageYears()
                    + (c.longTermSteroids() ? ", long-term steroids" : "")) : Optional.empty();
        });
        CHECKS.put("neurologicalSignWorse", (facts, t) -> worseSigns(facts.neurologicalChange()));
        CHECKS.put("severeIrritablePain", (facts, t) -> severeIrritability(facts.history().observation()));
        SurgeryFindings.register(CHECKS);
    }

    private Findings() {
    }

    public static boolean isKnown(String name) {
        return CHECKS.containsKey(name);
    }

    public static Set<String> names() {
        return CHECKS.keySet();
    }

    /** The finding if present in the case. */
    public static Optional<FindingMatch> look(String name, CaseFacts facts, Thresholds thresholds) {
        Check check = CHECKS.get(name);
        if (check == null) {
            throw new IllegalArgumentException("Unknown finding " + name);
        }
        return check.in(facts, thresholds);
    }

    static Optional<FindingMatch> match(String path, String detail) {
        return Optional.of(new FindingMatch(path, detail));
    }

    static boolean sameSide(Side a, Side b) {
        return a == Side.BOTH || b == Side.BOTH || a == b;
    }

    static long daysBetween(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to);
    }

    private static Optional<FindingMatch> newPain(CaseFacts facts, Thresholds t) {
        LocalDate began = facts.history().onset().beganOn();
        boolean isNew = daysBetween(began, facts.assessedOn()) <= t.newPainWithinDays().get();
        return isNew ? match("ageYears", "age " + facts.ageYears() + ", pain began " + began) : Optional.empty();
    }

    /**
     * The signs a follow-up visit's review found worse than at the previous visit, citing the first of them; none at
     * intake, where there is no previous visit to compare with.
     */
    private static Optional<FindingMatch> worseSigns(NeurologicalChange change) {
        if (change == null || !change.anyWorse()) {
            return Optional.empty();
        }
        Map<String, SignChange> signs = new LinkedHashMap<>();
        signs.put("power", change.power());
        signs.put("sensation", change.sensation());
        signs.put("reflexes", change.reflexes());
        List<String> worse = signs.entrySet().stream().filter(sign -> sign.getValue() == SignChange.WORSE)
                .map(Map.Entry::getKey).toList();
        return match("review.neurologicalChange." + worse.getFirst(), String.join(", ", worse) + " worse");
    }

    /**
     * What was observed on arrival that marks pain as severe and irritable: carried in, only a foetal position
     * tolerated, unable to get up from sitting or unable to sit. Cites the first sign and lists them all.
     */
    private static Optional<FindingMatch> severeIrritability(Observation observed) {
        if (observed == null) {
            return Optional.empty();
        }
        Map<String, String> signs = new LinkedHashMap<>();
        if (observed.gait() == Gait.CARRIED_IN) {
            signs.put("observation.gait", "carried in");
        }
        if (observed.posture() != null && observed.posture().contains(Posture.FOETAL_ONLY)) {
            signs.put("observation.posture", "only a foetal position tolerated");
        }
        if (observed.sitToStand() == SitToStand.UNABLE) {
            signs.put("observation.sitToStand", "cannot stand up from sitting");
        }
        if (observed.sittingTolerance() == SittingTolerance.UNABLE) {
            signs.put("observation.sittingTolerance", "cannot sit");
        }
        return signs.isEmpty() ? Optional.empty()
                : match(signs.keySet().iterator().next(), String.join(", ", signs.values()));
    }

    private static void redFlag(String name, Function<RedFlags, RedFlagAnswer> answer) {
        simple(name, "redFlags." + name, h -> answer.apply(h.redFlags()) == RedFlagAnswer.YES);
    }

    private static void condition(String name, Predicate<Conditions> present) {
        simple(name, "conditions." + name, h -> present.test(h.conditions()));
    }

    private static void simple(String name, String path, Predicate<History> present) {
        CHECKS.put(name, (facts, t) -> present.test(facts.history()) ? match(path, "") : Optional.empty());
    }

    static Optional<FindingMatch> hip(CaseFacts facts, Predicate<HipReplacement> when, String detail) {
        HipReplacement hip = facts.history().surgery().hipReplacement();
        return hip != null && when.test(hip) ? match("surgery.hipReplacement", detail) : Optional.empty();
    }

    static Optional<FindingMatch> knee(CaseFacts facts, Predicate<KneeReplacement> when) {
        KneeReplacement knee = facts.history().surgery().kneeReplacement();
        return knee != null && when.test(knee)
                ? match("surgery.kneeReplacement", knee.side() + " knee, " + knee.date()) : Optional.empty();
    }

    static boolean posteriorPrecautions(SurgicalApproach approach) {
        // An unknown approach gets the strictest (posterior) precautions: the FAIR position is exactly what they forbid.
        return approach == SurgicalApproach.POSTERIOR || approach == SurgicalApproach.UNKNOWN;
    }
}
