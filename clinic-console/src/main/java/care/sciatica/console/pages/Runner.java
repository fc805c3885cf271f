package care.sciatica.console.pages;

import care.sciatica.console.services.Answers;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateData;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The session runner's view of a session and its plan: every protocol step in the plan's order with what the plan
 * says of it (included, modified, excluded and why, cautions, limits) and what has been recorded so far, and whether
 * heat is on (the area massage waits for "remove heat").
 */
@TemplateData
public record Runner(Map<String, Object> session, String state, boolean open, boolean consented, boolean explained,
                     Integer painBefore, Integer painAfter, List<Step> steps, List<String> planAdvice,
                     Heat heat, boolean adviceGiven) {

    /** One step of the protocol as the runner shows it. */
    @TemplateData
    public record Step(int order, String step, String label, String status, List<String> reasons,
                       List<String> cautions, Map<String, Object> limits, String recorded, boolean under) {

        public boolean excluded() {
            return "EXCLUDED".equals(status);
        }

        public boolean done() {
            return recorded != null;
        }

        public String id() {
            return step.toLowerCase().replace('_', '-');
        }

        public boolean isPalpation() {
            return "PALPATION".equals(step);
        }

        public boolean isIce() {
            return "ICE_MASSAGE".equals(step);
        }

        public boolean isHeat() {
            return "HEAT".equals(step);
        }

        public boolean isMassage() {
            return step.startsWith("MASSAGE_");
        }

        public boolean isAreaMassage() {
            return "MASSAGE_AREA_AND_SPINE".equals(step);
        }

        public boolean isMobilisation() {
            return step.endsWith("MOBILISATION") || "HIP_TRACTION".equals(step);
        }

        /** The regions the plan names for the step (pre-ticked in its form). */
        @SuppressWarnings("unchecked")
        public List<String> planRegions() {
            Object regions = limits.get("regions");
            return regions instanceof List<?> list ? (List<String>) list : List.of();
        }

        public Object maxMinutes() {
            return limits.get("maxMinutes");
        }

        public Object pressure() {
            return limits.get("pressure");
        }
    }

    /** The heat on the patient now, if any: when it went on and the plan's maximum. */
    @TemplateData
    public record Heat(boolean on, String appliedAt, Object maxMinutes) {
    }

    static final Map<String, String> LABELS = Map.of(
            "EXPLANATION_AND_CONSENT", "Explanation and consent",
            "PALPATION", "Palpation",
            "ICE_MASSAGE", "Ice massage",
            "HEAT", "Heat",
            "MASSAGE_LEG_UNDER_HEAT", "Massage of the leg under heat",
            "MASSAGE_AREA_AND_SPINE", "Massage of the area and spine",
            "HIP_TRACTION", "Hip traction",
            "LUMBAR_MOBILISATION", "Lumbar mobilisation",
            "SIJ_MOBILISATION", "Sacroiliac joint mobilisation");

    static Runner of(JsonNode session, JsonNode assessment) {
        String state = session.path("state").asText();
        boolean open = List.of("OPEN", "CONSENTED", "IN_PROGRESS").contains(state);
        JsonNode reasoning = assessment.path("reasoning");
        List<Step> steps = new ArrayList<>();
        Object heatMax = null;
        for (JsonNode planned : reasoning.path("steps")) {
            String name = planned.path("step").asText();
            if ("EXPLANATION_AND_CONSENT".equals(name)) {
                continue;
            }
            if ("HEAT".equals(name)) {
                heatMax = planned.path("parameters").path("maxMinutes").isMissingNode() ? null
                        : planned.path("parameters").path("maxMinutes").asInt();
            }
            steps.add(new Step(planned.path("order").asInt(), name, LABELS.getOrDefault(name, name),
                    planned.path("status").asText(), explanations(planned.path("reasons")),
                    explanations(planned.path("cautions")), Answers.map(planned.path("parameters")),
                    recorded(session, name), false));
        }
        String heatAppliedAt = null;
        for (JsonNode step : session.path("steps")) {
            JsonNode parameters = step.path("parameters");
            boolean heatApplied = "HEAT".equals(step.path("step").asText())
                    && !"SKIPPED".equals(step.path("outcome").asText());
            if (heatApplied && (parameters.path("heatRemovedAt").isMissingNode()
                    || parameters.path("heatRemovedAt").isNull())) {
                heatAppliedAt = parameters.path("heatAppliedAt").asText(null);
            }
        }
        List<String> planAdvice = new ArrayList<>();
        reasoning.path("advice").forEach(advice -> planAdvice.add(advice.asText()));
        return new Runner(Answers.map(session), state, open,
                !session.path("consent").isMissingNode() && !session.path("consent").isNull()
                        && "GIVEN".equals(session.path("consent").path("decision").asText()),
                !session.path("explanation").isMissingNode() && !session.path("explanation").isNull(),
                intOrNull(session.path("painBefore")), intOrNull(session.path("painAfter")), steps, planAdvice,
                new Heat(heatAppliedAt != null, heatAppliedAt, heatMax),
                session.path("advice").isArray() && !session.path("advice").isEmpty());
    }

    public boolean withdrawable() {
        return open && consented;
    }

    private static String recorded(JsonNode session, String step) {
        String outcome = null;
        for (JsonNode performed : session.path("steps")) {
            if (step.equals(performed.path("step").asText())) {
                outcome = performed.path("outcome").asText();
            }
        }
        return outcome;
    }

    private static List<String> explanations(JsonNode reasons) {
        List<String> texts = new ArrayList<>();
        reasons.forEach(reason -> texts.add(reason.path("explanation").asText()));
        return texts;
    }

    private static Integer intOrNull(JsonNode node) {
        return node.isNumber() ? node.asInt() : null;
    }
}
