package care.sciatica.console.pages;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.qute.TemplateData;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The first-visit form in the clinic's own order (the patient, then onset and mechanism, pain, previous surgery,
 * conditions and medicines, the red-flag screen, observation, examination, baseline outcomes). Each input is named by
 * the JSON path the intake service names in its refusals ({@code history.onset.beganOn}), so every field error lands
 * beside its field; what was typed is sent as typed, so that the service, not the console, judges it.
 */
public final class IntakeForm {

    @TemplateData
    public enum Kind { TEXT, DATE, NUMBER, CHOICE, CHOICES, YES_NO, FLAG }

    @TemplateData
    /** One input: its path, label, kind, allowed values (for choices) and bounds (for numbers). */
    public record Field(String path, String label, Kind kind, List<String> options, Integer min, Integer max,
                        boolean required) {

        public String id() {
            return path.replace('.', '-');
        }

        public boolean isText() {
            return kind == Kind.TEXT;
        }

        public boolean isDate() {
            return kind == Kind.DATE;
        }

        public boolean isNumber() {
            return kind == Kind.NUMBER;
        }

        public boolean isChoice() {
            return kind == Kind.CHOICE;
        }

        public boolean isChoices() {
            return kind == Kind.CHOICES;
        }

        public boolean isYesNo() {
            return kind == Kind.YES_NO;
        }

        public boolean isFlag() {
            return kind == Kind.FLAG;
        }
    }

    @TemplateData
    public record Section(String title, String hint, List<Field> fields) {
    }

    private static final List<String> BODY_AREAS = List.of("BACK", "BUTTOCK", "THIGH", "BELOW_KNEE", "FOOT");
    private static final List<String> FACTORS = List.of("SITTING", "STANDING", "WALKING", "BENDING", "COUGHING", "LYING");
    private static final List<String> SIDES = List.of("LEFT", "RIGHT", "BOTH");
    private static final List<String> SCREEN = List.of("YES", "NO", "NOT_ASKED");
    private static final List<String> TEST = List.of("POSITIVE", "NEGATIVE", "NOT_TESTED");
    private static final List<String> REFLEX = List.of("NORMAL", "REDUCED", "ABSENT", "NOT_TESTED");

    public static final List<Section> SECTIONS = List.of(
            new Section("Patient", "Who the patient is and how to reach them; stays in the intake service.", List.of(
                    text("patient.givenName", "Given name", true),
                    text("patient.familyName", "Family name", true),
                    date("patient.birthDate", "Date of birth", true),
                    text("patient.phone", "Phone", false),
                    text("patient.email", "E-mail", false))),
            new Section("Onset and mechanism", null, List.of(
                    choice("history.onset.mechanism", "How it began", List.of("LIFT_AND_TWIST", "COUGH_OR_SNEEZE",
                            "SLIP_OR_FALL", "JUMP_DOWN", "GRADUAL_PROLONGED_SITTING", "GRADUAL_OTHER", "UNKNOWN")),
                    date("history.onset.beganOn", "Began on", true),
                    choice("history.onset.pattern", "Pattern", List.of("SUDDEN", "BUILT_UP")))),
            new Section("Pain", null, List.of(
                    choice("history.pain.side", "Side", SIDES),
                    choices("history.pain.distribution", "Where it reaches", BODY_AREAS),
                    number("history.pain.nrsNow", "Pain now (NRS 0-10)", 0, 10, true),
                    number("history.pain.nrsWorst", "Pain at worst (NRS 0-10)", 0, 10, true),
                    choices("history.pain.aggravatingFactors", "Made worse by", FACTORS),
                    choices("history.pain.easingFactors", "Eased by", FACTORS),
                    yesNo("history.pain.nightPain", "Pain at night"))),
            new Section("Previous surgery", "Leave a date empty when there was none.", List.of(
                    date("history.surgery.lumbarSpine.date", "Lumbar spine surgery on", false),
                    choice("history.surgery.hipReplacement.side", "Hip replacement: side", SIDES, false),
                    choice("history.surgery.hipReplacement.approach", "Hip replacement: approach",
                            List.of("POSTERIOR", "ANTERIOR", "LATERAL", "UNKNOWN"), false),
                    date("history.surgery.hipReplacement.date", "Hip replacement on", false),
                    choice("history.surgery.kneeReplacement.side", "Knee replacement: side", SIDES, false),
                    date("history.surgery.kneeReplacement.date", "Knee replacement on", false),
                    yesNo("history.surgery.otherRelevantSurgery", "Other relevant surgery"))),
            new Section("Conditions and medicines", "Tick what applies.", List.of(
                    flag("history.conditions.raynauds", "Raynaud's phenomenon"),
                    flag("history.conditions.coldUrticaria", "Cold urticaria"),
                    flag("history.conditions.impairedSensation", "Impaired sensation over the area"),
                    flag("history.conditions.circulatoryDisease", "Circulatory disease"),
                    flag("history.conditions.knownDvt", "Known deep vein thrombosis"),
                    flag("history.conditions.anticoagulants", "Takes anticoagulants"),
                    flag("history.conditions.osteoporosis", "Osteoporosis"),
                    flag("history.conditions.longTermSteroids", "Long-term steroids"),
                    flag("history.conditions.cancerHistory", "History of cancer"),
                    flag("history.conditions.pregnancy", "Pregnancy"),
                    flag("history.conditions.skinLesionsOverTreatmentArea", "Skin lesions over the treatment area"))),
            new Section("Red-flag screen", "Ask every question; a YES can mean referral instead of treatment.", List.of(
                    choice("history.redFlags.saddleNumbness", "Saddle numbness", SCREEN),
                    choice("history.redFlags.bladderOrBowelDisturbance", "Bladder or bowel disturbance", SCREEN),
                    choice("history.redFlags.bilateralOrProgressiveLegWeakness",
                            "Weakness in both legs or getting worse", SCREEN),
                    choice("history.redFlags.feverOrRecentInfection", "Fever or recent infection", SCREEN),
                    choice("history.redFlags.unexplainedWeightLoss", "Unexplained weight loss", SCREEN),
                    choice("history.redFlags.majorTrauma", "Major trauma", SCREEN),
                    choice("history.redFlags.ivDrugUse", "Intravenous drug use", SCREEN),
                    choice("history.redFlags.immunosuppression", "Immunosuppression", SCREEN))),
            new Section("Observation", null, List.of(
                    choice("history.observation.gait", "Gait",
                            List.of("NORMAL", "ANTALGIC", "LIMP", "NEEDED_HELP", "CARRIED_IN")),
                    choices("history.observation.posture", "Posture",
                            List.of("UPRIGHT", "FLEXED", "LATERAL_SHIFT", "FOETAL_ONLY")),
                    choice("history.observation.sitToStand", "Sit to stand",
                            List.of("NORMAL", "SLOW_GUARDED", "NEEDS_HELP", "UNABLE")),
                    choice("history.observation.sittingTolerance", "Sitting tolerance",
                            List.of("NORMAL", "REDUCED", "UNABLE")))),
            new Section("Examination", null, List.of(
                    choice("history.examination.straightLegRaise.sideTested", "Straight leg raise: side tested",
                            SIDES, false),
                    number("history.examination.straightLegRaise.angleDegrees", "Straight leg raise: angle (degrees)",
                            0, 90, false),
                    yesNo("history.examination.straightLegRaise.reproducesLegPain",
                            "Straight leg raise reproduces leg pain", false),
                    choice("history.examination.crossedStraightLegRaise", "Crossed straight leg raise", TEST),
                    choice("history.examination.slump", "Slump", TEST),
                    choices("history.examination.dermatomalSensoryChange", "Dermatomal sensory change",
                            List.of("L4", "L5", "S1")),
                    number("history.examination.myotomalPower.hipFlexion", "Power: hip flexion (0-5)", 0, 5, false),
                    number("history.examination.myotomalPower.kneeExtensionL4", "Power: knee extension L4 (0-5)",
                            0, 5, false),
                    number("history.examination.myotomalPower.ankleDorsiflexionL4L5",
                            "Power: ankle dorsiflexion L4/L5 (0-5)", 0, 5, false),
                    number("history.examination.myotomalPower.bigToeExtensionL5", "Power: big toe extension L5 (0-5)",
                            0, 5, false),
                    number("history.examination.myotomalPower.plantarFlexionS1", "Power: plantar flexion S1 (0-5)",
                            0, 5, false),
                    choice("history.examination.reflexes.kneeJerkL4", "Knee jerk L4", REFLEX),
                    choice("history.examination.reflexes.ankleJerkS1", "Ankle jerk S1", REFLEX),
                    choice("history.examination.centralisation", "Centralisation", List.of("YES", "NO", "NOT_TESTED")),
                    choice("history.examination.laslett.distraction", "Laslett: distraction", TEST),
                    choice("history.examination.laslett.thighThrust", "Laslett: thigh thrust", TEST),
                    choice("history.examination.laslett.compression", "Laslett: compression", TEST),
                    choice("history.examination.laslett.sacralThrust", "Laslett: sacral thrust", TEST),
                    choice("history.examination.laslett.gaenslen", "Laslett: Gaenslen", TEST),
                    choice("history.examination.fair", "FAIR test", TEST),
                    choice("history.examination.activePiriformis", "Active piriformis", TEST),
                    choice("history.examination.seatedPiriformisStretch", "Seated piriformis stretch", TEST),
                    yesNo("history.examination.sciaticNotchTenderness", "Sciatic notch tender"))),
            new Section("Baseline outcomes", null, List.of(
                    number("history.baselineOutcomes.painNrs", "Pain (NRS 0-10)", 0, 10, true),
                    number("history.baselineOutcomes.odi", "Oswestry Disability Index (0-100)", 0, 100, false),
                    number("history.baselineOutcomes.rmdq", "Roland-Morris (0-24)", 0, 24, false))));

    private IntakeForm() {
    }

    /** The history's sections alone (an amendment changes the history, never the patient's identity). */
    public static List<Section> historySections() {
        return SECTIONS.stream().filter(section -> !section.title().equals("Patient")).toList();
    }

    /** A recorded history as the form's values, so that an amendment starts from what is recorded. */
    public static Values valuesOf(com.fasterxml.jackson.databind.JsonNode history) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        flatten("history", history, values);
        return new Values(values);
    }

    private static void flatten(String path, com.fasterxml.jackson.databind.JsonNode node,
                                Map<String, List<String>> values) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> flatten(path + "." + field.getKey(), field.getValue(), values));
        } else if (node.isArray()) {
            List<String> items = new java.util.ArrayList<>();
            node.forEach(item -> items.add(item.asText()));
            values.put(path, items);
        } else if (!node.isNull()) {
            values.put(path, List.of(node.asText()));
        }
    }

    /** Every path of the form, in order (tests and the browser check use it). */
    public static List<Field> fields() {
        return SECTIONS.stream().flatMap(section -> section.fields().stream()).toList();
    }

    /**
     * The intake request the form describes: typed values where they parse (numbers, yes/no), the raw text where they
     * do not (so the service names the field), optional groups only when something in them was filled in.
     */
    public static ObjectNode request(String siteId, Map<String, List<String>> form) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("siteId", siteId);
        root.putObject("patient");
        ObjectNode history = root.putObject("history");
        for (String group : List.of("onset", "pain", "surgery", "conditions", "redFlags", "observation",
                "examination", "baselineOutcomes")) {
            history.putObject(group);
        }
        // Required groups whose own fields may all be left out (e.g. power not tested).
        ObjectNode examination = (ObjectNode) history.get("examination");
        for (String group : List.of("myotomalPower", "reflexes", "laslett")) {
            examination.putObject(group);
        }
        fill(root, fields(), form);
        return root;
    }

    /** Puts each field's typed value at its path under {@code root} (the review form shares this with the intake's). */
    static void fill(ObjectNode root, List<Field> fields, Map<String, List<String>> form) {
        for (Field field : fields) {
            List<String> values = form.getOrDefault(field.path(), List.of()).stream()
                    .filter(value -> value != null && !value.isBlank()).toList();
            switch (field.kind()) {
                case CHOICES -> put(root, field, values, false);
                case FLAG -> put(root, field, List.of(values.isEmpty() ? "false" : "true"), true);
                default -> {
                    if (!values.isEmpty()) {
                        put(root, field, values, field.kind() == Kind.YES_NO);
                    }
                }
            }
        }
    }

    /** The section of the history form with this title, its paths taken from under {@code history.}. */
    static Section historySection(String title) {
        Section section = SECTIONS.stream().filter(s -> s.title().equals(title)).findFirst().orElseThrow();
        return new Section(section.title(), section.hint(), section.fields().stream()
                .map(f -> new Field(f.path().substring("history.".length()), f.label(), f.kind(), f.options(),
                        f.min(), f.max(), f.required()))
                .toList());
    }

    /** What the form holds, as the page reads it back (to keep it as typed after a refusal). */
    @TemplateData
    public record Values(Map<String, List<String>> values) {

        public static Values empty() {
            return new Values(new LinkedHashMap<>());
        }

        public String value(String path) {
            List<String> list = values.getOrDefault(path, List.of());
            return list.isEmpty() ? "" : list.getFirst();
        }

        public boolean has(String path, String option) {
            return values.getOrDefault(path, List.of()).contains(option);
        }
    }

    private static void put(ObjectNode root, Field field, List<String> values, boolean yesNo) {
        String[] parts = field.path().split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.has(parts[i]) ? (ObjectNode) node.get(parts[i]) : node.putObject(parts[i]);
        }
        String name = parts[parts.length - 1];
        if (field.kind() == Kind.CHOICES) {
            var array = node.putArray(name);
            values.forEach(array::add);
            return;
        }
        String value = values.getFirst().trim();
        if (yesNo) {
            node.put(name, "true".equals(value));
        } else if (field.kind() == Kind.NUMBER && value.matches("-?\\d{1,9}")) {
            node.put(name, Integer.parseInt(value));
        } else {
            node.put(name, value);
        }
    }

    private static Field text(String path, String label, boolean required) {
        return new Field(path, label, Kind.TEXT, List.of(), null, null, required);
    }

    private static Field date(String path, String label, boolean required) {
        return new Field(path, label, Kind.DATE, List.of(), null, null, required);
    }

    static Field number(String path, String label, int min, int max, boolean required) {
        return new Field(path, label, Kind.NUMBER, List.of(), min, max, required);
    }

    static Field choice(String path, String label, List<String> options) {
        return choice(path, label, options, true);
    }

    private static Field choice(String path, String label, List<String> options, boolean required) {
        return new Field(path, label, Kind.CHOICE, options, null, null, required);
    }

    private static Field choices(String path, String label, List<String> options) {
        return new Field(path, label, Kind.CHOICES, options, null, null, false);
    }

    private static Field yesNo(String path, String label) {
        return yesNo(path, label, true);
    }

    private static Field yesNo(String path, String label, boolean required) {
        return new Field(path, label, Kind.YES_NO, List.of("true", "false"), null, null, required);
    }

    private static Field flag(String path, String label) {
        return new Field(path, label, Kind.FLAG, List.of(), null, null, false);
    }
}
