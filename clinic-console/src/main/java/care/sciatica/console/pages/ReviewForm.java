package care.sciatica.console.pages;

import care.sciatica.contracts.intake.SignChange;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The short review at a follow-up visit: the scores now, the history form's own red-flag screen asked again, how the
 * neurological signs changed, and the observation when it was taken again. Inputs are named by the paths the intake
 * service names in its refusals ({@code scores.painNrs}, {@code redFlags.saddleNumbness}).
 */
public final class ReviewForm {

    private static final List<String> SIGN_CHANGES = Arrays.stream(SignChange.values()).map(Enum::name).toList();

    public static final List<IntakeForm.Section> SECTIONS = List.of(
            new IntakeForm.Section("Outcome scores now", "The same measures as the baseline, asked today.", List.of(
                    IntakeForm.number("scores.painNrs", "Pain now (NRS 0-10)", 0, 10, true),
                    IntakeForm.number("scores.odi", "Oswestry Disability Index (0-100)", 0, 100, false),
                    IntakeForm.number("scores.rmdq", "Roland-Morris (0-24)", 0, 24, false))),
            IntakeForm.historySection("Red-flag screen"),
            new IntakeForm.Section("Neurological change since the last visit", null, List.of(
                    IntakeForm.choice("neurologicalChange.power", "Power", SIGN_CHANGES),
                    IntakeForm.choice("neurologicalChange.sensation", "Sensation", SIGN_CHANGES),
                    IntakeForm.choice("neurologicalChange.reflexes", "Reflexes", SIGN_CHANGES))),
            optional(IntakeForm.historySection("Observation")));

    private ReviewForm() {
    }

    /** The open visit of a case as intake shows it (reviewed by no history version yet), or null. */
    public static Integer openVisit(JsonNode kase) {
        for (JsonNode visit : kase.path("visits")) {
            if (visit.path("reviewedHistoryVersion").isNull() || visit.path("reviewedHistoryVersion").isMissingNode()) {
                return visit.path("visit").asInt();
            }
        }
        return null;
    }

    /** The review request the form describes; the observation only when something of it was filled in. */
    public static ObjectNode request(int visit, Map<String, List<String>> form) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("visit", visit);
        for (String group : List.of("scores", "redFlags", "neurologicalChange", "observation")) {
            root.putObject(group);
        }
        IntakeForm.fill(root, SECTIONS.stream().flatMap(section -> section.fields().stream()).toList(), form);
        boolean observed = false;
        for (JsonNode answer : root.get("observation")) {
            observed |= !answer.isArray() || !answer.isEmpty();
        }
        if (!observed) {
            root.remove("observation");
        }
        return root;
    }

    /** The observation is asked again only when it changed: none of its questions is required here. */
    private static IntakeForm.Section optional(IntakeForm.Section section) {
        return new IntakeForm.Section(section.title() + " (only if taken again)",
                "Leave it empty to keep the observation as recorded.", section.fields().stream()
                .map(f -> new IntakeForm.Field(f.path(), f.label(), f.kind(), f.options(), f.min(), f.max(), false))
                .toList());
    }
}
