package care.sciatica.assessment.domain.rules;

import care.sciatica.contracts.common.NerveRoot;
import care.sciatica.contracts.intake.Examination;
import care.sciatica.contracts.intake.History;
import care.sciatica.contracts.intake.MyotomalPower;
import care.sciatica.contracts.intake.ReflexResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Dermatomal, myotomal and reflex signs on the affected side, each with the nerve root it points to (REFERENCE.md §1:
 * L4 medial leg, quadriceps, knee jerk; L5 dorsum of foot and big toe, EHL and dorsiflexion; S1 lateral foot,
 * plantarflexion, ankle jerk). Hip flexion points to no root the clinic distinguishes.
 */
public final class NeurologicalFindings {

    /** One neurological deficit: the root (absent for hip flexion), the history path and what was found. */
    public record Sign(NerveRoot root, String path, String description, Integer grade) {
    }

    private static final String POWER = "examination.myotomalPower.";

    private NeurologicalFindings() {
    }

    /** Every deficit recorded: dermatomal sensory change, power below 5/5, reduced or absent reflex. */
    public static List<Sign> deficits(History history) {
        Examination exam = history.examination();
        List<Sign> signs = new ArrayList<>();
        for (NerveRoot root : exam.dermatomalSensoryChange()) {
            signs.add(new Sign(root, "examination.dermatomalSensoryChange", "sensory change in the " + root
                    + " dermatome (" + dermatome(root) + ")", null));
        }
        MyotomalPower power = exam.myotomalPower();
        if (power != null) {
            weak(signs, null, "hipFlexion", "hip flexion", power.hipFlexion());
            weak(signs, NerveRoot.L4, "kneeExtensionL4", "knee extension", power.kneeExtensionL4());
            weak(signs, NerveRoot.L5, "ankleDorsiflexionL4L5", "ankle dorsiflexion", power.ankleDorsiflexionL4L5());
            weak(signs, NerveRoot.L5, "bigToeExtensionL5", "big toe extension", power.bigToeExtensionL5());
            weak(signs, NerveRoot.S1, "plantarFlexionS1", "plantar flexion", power.plantarFlexionS1());
        }
        if (exam.reflexes() != null) {
            reflex(signs, NerveRoot.L4, "kneeJerkL4", "knee jerk", exam.reflexes().kneeJerkL4());
            reflex(signs, NerveRoot.S1, "ankleJerkS1", "ankle jerk", exam.reflexes().ankleJerkS1());
        }
        return signs;
    }

    public static boolean isNormal(History history) {
        return deficits(history).isEmpty();
    }

    public static Optional<FindingMatch> firstDeficit(History history) {
        return deficits(history).stream().findFirst().map(s -> new FindingMatch(s.path(), s.description()));
    }

    /** The weakest muscle graded at or below {@code grade}, if any. */
    public static Optional<FindingMatch> weakestAtMost(History history, int grade) {
        return deficits(history).stream()
                .filter(s -> s.grade() != null && s.grade() <= grade)
                .min(Comparator.comparing(Sign::grade))
                .map(s -> new FindingMatch(s.path(), s.description()));
    }

    private static void weak(List<Sign> signs, NerveRoot root, String field, String muscle, Integer grade) {
        if (grade != null && grade < 5) {
            signs.add(new Sign(root, POWER + field, muscle + " " + grade + "/5", grade));
        }
    }

    private static void reflex(List<Sign> signs, NerveRoot root, String field, String name, ReflexResult result) {
        if (result == ReflexResult.REDUCED || result == ReflexResult.ABSENT) {
            signs.add(new Sign(root, "examination.reflexes." + field, name + " " + result.name().toLowerCase(), null));
        }
    }

    private static String dermatome(NerveRoot root) {
        return switch (root) {
            case L4 -> "medial leg";
            case L5 -> "dorsum of foot and big toe";
            case S1 -> "lateral foot and sole";
        };
    }
}
