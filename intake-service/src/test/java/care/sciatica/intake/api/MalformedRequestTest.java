package care.sciatica.intake.api;

import care.sciatica.contracts.EventJson;
import care.sciatica.intake.Calls;
import care.sciatica.intake.Fixtures;
import care.sciatica.intake.IntakeTestResources;
import care.sciatica.platform.idempotency.IdempotentRequests;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every malformed request a front desk or a booking system could send is refused with a 4xx problem+json answer that
 * names the field (or the body) and what is wrong, never a 5xx, and nothing is stored: no row, no outbox event.
 */
@QuarkusTest
@IntakeTestResources
@TestSecurity(user = "frontdesk.north", roles = "front-desk")
@OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
class MalformedRequestTest {

    private static final String JSON = "application/json";
    private static final String TOMORROW = LocalDate.now().plusDays(2).toString();
    private static String openCase;
    private static String recordedCase;

    @Inject
    Pool pool;

    /** One request, and the refusal it must get: status, and the field and words that name the problem. */
    record Malformed(String method, String path, String contentType, String body, Map<String, String> headers,
                     int status, String field, String names) {
    }

    @BeforeEach
    void casesToWriteTo() {
        if (openCase == null) {
            openCase = Calls.openCase("site-north", "Wenna", "Trask");
            recordedCase = Calls.recordedCase("site-north", Fixtures.history());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedRequests")
    void isRefusedNamingTheProblemAndNothingIsStored(String description, Malformed request) {
        Map<String, Long> before = Fixtures.rows(pool);

        Response response = send(request);

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(request.status());
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = readBody(response);
        assertThat(problem.path("status").asInt()).isEqualTo(request.status());
        if (request.field() != null) {
            assertThat(problem.path("errors").findValuesAsText("field")).as(problem.toString())
                    .contains(request.field());
            assertThat(reasonFor(problem, request.field())).as(problem.toString()).contains(request.names());
        } else {
            assertThat(problem.path("title").asText() + " " + problem.path("detail").asText()).as(problem.toString())
                    .contains(request.names());
        }
        assertThat(Fixtures.rows(pool)).isEqualTo(before);
    }

    static Stream<Arguments> malformedRequests() {
        return Stream.of(
                // The body as a whole
                row("bad JSON: a missing comma", intakes("{\"siteId\": \"site-north\" \"patient\": {}}", 400, null,
                        "not valid JSON")),
                row("bad JSON: a bare word", intakes("{\"siteId\": site-north}", 400, null, "not valid JSON")),
                row("bad JSON: cut off", intakes("{\"siteId\": \"site-north\", \"patient\": {", 400, "patient",
                        "Unexpected end-of-input")),
                row("empty body", intakes("", 400, null, "a JSON body is required")),
                row("a list instead of an object", intakes("[1, 2]", 400, "$", "expected an object")),
                row("text/plain content", new Malformed("POST", "/intakes", "text/plain",
                        Fixtures.intake("site-north").toString(), Map.of(), 415, null, "Unsupported Media Type")),
                row("XML content", new Malformed("POST", "/intakes", "application/xml", "<intake/>", Map.of(),
                        415, null, "Unsupported Media Type")),
                row("unknown top-level field", intake(r -> r.put("nhsNumber", "485 777 3456"), 400, "nhsNumber",
                        "unknown field")),
                row("oversized Idempotency-Key", new Malformed("POST", "/intakes", JSON,
                        Fixtures.intake("site-north").toString(),
                        Map.of(IdempotentRequests.HEADER, "k".repeat(201)), 400, "Idempotency-Key",
                        "must be 1 to 200 characters")),
                // Site and patient
                row("missing siteId", intake(r -> r.remove("siteId"), 400, "siteId", "is required")),
                row("malformed siteId", intake(r -> r.put("siteId", "North Clinic"), 400, "siteId",
                        "must be a site id such as site-north")),
                row("another site's id", intake(r -> r.put("siteId", "site-south"), 403, null, "site-south")),
                row("missing patient", intake(r -> r.remove("patient"), 400, "patient", "is required")),
                row("patient as text", intake(r -> r.put("patient", "Maren Holt"), 400, "patient",
                        "expected an object")),
                row("blank given name", patient(p -> p.put("givenName", " "), "patient.givenName", "is required")),
                row("oversized given name", patient(p -> p.put("givenName", "M".repeat(101)), "patient.givenName",
                        "must be at most 100 characters")),
                row("oversized family name", patient(p -> p.put("familyName", "H".repeat(5000)),
                        "patient.familyName", "must be at most 100 characters")),
                row("given name as a number", patient(p -> p.putArray("givenName").add(1), "patient.givenName",
                        "expected a string")),
                row("malformed e-mail", patient(p -> p.put("email", "maren at example.org"), "patient.email",
                        "is not an e-mail address")),
                row("phone with letters", patient(p -> p.put("phone", "call me"), "patient.phone",
                        "may hold only digits")),
                row("oversized phone", patient(p -> p.put("phone", "0".repeat(41)), "patient.phone",
                        "must be at most 40 characters")),
                row("birth date day-first", patient(p -> p.put("birthDate", "14/06/1981"), "patient.birthDate",
                        "'14/06/1981' is not a date; write it as YYYY-MM-DD")),
                row("birth date as a number", patient(p -> p.put("birthDate", 19810614), "patient.birthDate",
                        "is not a date")),
                row("birth date in the future", patient(p -> p.put("birthDate", TOMORROW), "patient.birthDate",
                        "is in the future")),
                row("birth date 130 years ago", patient(p -> p.put("birthDate", "1890-01-01"), "patient.birthDate",
                        "gives an age over 120 years")),
                row("booking refs not a list", intake(r -> r.put("externalRefs", "884213"), 400, "externalRefs",
                        "expected a list")),
                row("booking system name with a space", intake(r -> Fixtures.at(r, "/externalRefs/0")
                        .put("system", "Book Wise"), 400, "externalRefs[0].system", "short lower-case system name")),
                row("oversized booking patient id", intake(r -> Fixtures.at(r, "/externalRefs/0")
                        .put("patientId", "9".repeat(65)), 400, "externalRefs[0].patientId", "at most 64")),
                // The history
                row("missing history", intake(r -> r.remove("history"), 400, "history", "is required")),
                row("history as free text", intake(r -> r.put("history", "sore back since Tuesday"), 400, "history",
                        "expected an object; got 'sore back since Tuesday'")),
                row("unknown pain side", history("/pain", h -> h.put("side", "MIDDLE"), "history.pain.side",
                        "unknown value 'MIDDLE'; allowed: LEFT, RIGHT, BOTH")),
                row("unknown onset mechanism", history("/onset", h -> h.put("mechanism", "CAR_CRASH"),
                        "history.onset.mechanism", "unknown value 'CAR_CRASH'; allowed: LIFT_AND_TWIST")),
                row("unknown pain area", history("/pain", h -> h.putArray("distribution").add("KNEE"),
                        "history.pain.distribution[0]", "unknown value 'KNEE'; allowed: BACK, BUTTOCK")),
                row("NRS now above 10", history("/pain", h -> h.put("nrsNow", 11), "history.pain.nrsNow",
                        "must be at most 10; got 11")),
                row("NRS worst below 0", history("/pain", h -> h.put("nrsWorst", -1), "history.pain.nrsWorst",
                        "must be at least 0; got -1")),
                row("NRS as a word", history("/pain", h -> h.put("nrsNow", "six"), "history.pain.nrsNow",
                        "expected a whole number; got 'six'")),
                row("baseline NRS as a fraction", history("/baselineOutcomes", h -> h.put("painNrs", 7.5),
                        "history.baselineOutcomes.painNrs", "expected a whole number; got 7.5")),
                row("ODI above 100", history("/baselineOutcomes", h -> h.put("odi", 140),
                        "history.baselineOutcomes.odi", "must be at most 100")),
                row("power grade 6", history("/examination/myotomalPower", h -> h.put("hipFlexion", 6),
                        "history.examination.myotomalPower.hipFlexion", "must be at most 5; got 6")),
                row("power grade -2", history("/examination/myotomalPower", h -> h.put("plantarFlexionS1", -2),
                        "history.examination.myotomalPower.plantarFlexionS1", "must be at least 0; got -2")),
                row("SLR angle 120", history("/examination/straightLegRaise", h -> h.put("angleDegrees", 120),
                        "history.examination.straightLegRaise.angleDegrees", "must be at most 90")),
                row("red-flag item missing", history("/redFlags", h -> h.remove("saddleNumbness"),
                        "history.redFlags.saddleNumbness", "every red-flag question is answered YES, NO or NOT_ASKED")),
                row("red-flag screen empty", history("/redFlags", ObjectNode::removeAll,
                        "history.redFlags.bladderOrBowelDisturbance", "is required")),
                row("red-flag answer MAYBE", history("/redFlags", h -> h.put("ivDrugUse", "MAYBE"),
                        "history.redFlags.ivDrugUse", "unknown value 'MAYBE'; allowed: YES, NO, NOT_ASKED")),
                row("condition as yes", history("/conditions", h -> h.put("raynauds", "yes"),
                        "history.conditions.raynauds", "expected true or false; got 'yes'")),
                row("condition missing", history("/conditions", h -> h.remove("anticoagulants"),
                        "history.conditions.anticoagulants", "is required")),
                row("no pain area", history("/pain", h -> h.putArray("distribution"), "history.pain.distribution",
                        "must list at least 1 value")),
                row("factor listed twice", history("/pain", h -> h.putArray("aggravatingFactors").add("SITTING")
                        .add("SITTING"), "history.pain.aggravatingFactors", "the same value more than once")),
                row("free-text note in the history", history("/pain", h -> h.put("notes", "worse on Mondays"),
                        "history.pain.notes", "unknown field")),
                row("onset on 30 February", history("/onset", h -> h.put("beganOn", "2026-02-30"),
                        "history.onset.beganOn", "'2026-02-30' is not a date")),
                row("onset in the future", history("/onset", h -> h.put("beganOn", TOMORROW),
                        "history.onset.beganOn", "is in the future")),
                row("hip replacement in the future", history("/surgery", h -> h.putObject("hipReplacement")
                        .put("side", "LEFT").put("approach", "POSTERIOR").put("date", TOMORROW),
                        "history.surgery.hipReplacement.date", "is in the future")),
                row("unknown surgical approach", history("/surgery", h -> h.putObject("hipReplacement")
                        .put("side", "LEFT").put("approach", "SIDEWAYS").put("date", "2020-01-01"),
                        "history.surgery.hipReplacement.approach", "allowed: POSTERIOR, ANTERIOR, LATERAL, UNKNOWN")),
                row("knee replacement before birth", history("/surgery", h -> h.putObject("kneeReplacement")
                        .put("side", "LEFT").put("date", "1970-01-01"),
                        "history.surgery.kneeReplacement.date", "before the patient's birth date")),
                // The other writes
                row("registration with a future birth date", new Malformed("POST", "/patients", JSON,
                        Fixtures.registration("site-north", (ObjectNode) Fixtures.patient("Ada", "Quill")
                                .put("birthDate", TOMORROW)).toString(), Map.of(), 400, "patient.birthDate",
                        "is in the future")),
                row("registration without a site", new Malformed("POST", "/patients", JSON,
                        "{\"patient\":" + Fixtures.patient("Ada", "Quill") + "}", Map.of(), 400, "siteId",
                        "is required")),
                row("case for a malformed patientRef", new Malformed("POST", "/cases", JSON,
                        "{\"patientRef\":\"12345\",\"siteId\":\"site-north\"}", Map.of(), 400, "patientRef",
                        "must be a patient reference")),
                row("history with an unknown gait", new Malformed("POST", "/cases/{open}/history", JSON,
                        historyBody(h -> Fixtures.at(h, "/observation").put("gait", "HOPPING")), Map.of(), 400,
                        "history.observation.gait", "unknown value 'HOPPING'; allowed: NORMAL, ANTALGIC")),
                row("history without its wrapper", new Malformed("POST", "/cases/{open}/history", JSON,
                        Fixtures.history().toString(), Map.of(), 400, "onset", "unknown field")),
                row("amendment for an unknown reason", new Malformed("POST", "/cases/{recorded}/history/amendments",
                        JSON, Fixtures.amendment(1, "TYPO", Fixtures.history()).toString(), Map.of(), 400,
                        "amendmentReason", "unknown value 'TYPO'; allowed: CORRECTION, NEW_FINDINGS, REEXAMINATION")),
                row("amendment without the version it supersedes", new Malformed("POST",
                        "/cases/{recorded}/history/amendments", JSON,
                        "{\"amendmentReason\":\"CORRECTION\",\"history\":" + Fixtures.history() + "}", Map.of(), 400,
                        "supersedesVersion", "is required")),
                row("amendment superseding version 'one'", new Malformed("POST",
                        "/cases/{recorded}/history/amendments", JSON,
                        "{\"supersedesVersion\":\"one\",\"amendmentReason\":\"CORRECTION\",\"history\":"
                                + Fixtures.history() + "}", Map.of(), 400, "supersedesVersion", "a number")),
                row("booking ref with an empty appointment id", new Malformed("POST", "/cases/{open}/external-refs",
                        JSON, "{\"system\":\"bookwise\",\"patientId\":\"884213\",\"appointmentId\":\"\"}", Map.of(),
                        400, "appointmentId", "must be 1 to 64 characters")),
                // The case list's query
                row("list by an unknown status", list("status=CLOSED", "status",
                        "unknown value 'CLOSED'; allowed: OPEN, HISTORY_RECORDED")),
                row("list 1000 to a page", list("size=1000", "size", "must be a whole number from 1 to 100")),
                row("list from 'yesterday'", list("openedFrom=yesterday", "openedFrom", "is not a date")),
                row("list to before from", list("openedFrom=2026-03-01&openedTo=2026-02-01", "openedTo",
                        "is before openedFrom")));
    }

    private Response send(Malformed request) {
        RequestSpecification spec = given().headers(request.headers());
        if (request.contentType() != null) {
            spec = spec.contentType(request.contentType()).body(request.body());
        }
        String path = request.path().replace("{open}", openCase).replace("{recorded}", recordedCase);
        return request.method().equals("GET") ? spec.get(path) : spec.post(path);
    }

    private static Arguments row(String description, Malformed request) {
        return Arguments.of(description, request);
    }

    private static Malformed intakes(String body, int status, String field, String names) {
        return new Malformed("POST", "/intakes", JSON, body, Map.of(IdempotentRequests.HEADER,
                UUID.randomUUID().toString()), status, field, names);
    }

    private static Malformed intake(Consumer<ObjectNode> change, int status, String field, String names) {
        return intakes(Fixtures.intake("site-north", change), status, field, names);
    }

    private static Malformed patient(Consumer<ObjectNode> change, String field, String names) {
        return intake(request -> change.accept(Fixtures.at(request, "/patient")), 400, field, names);
    }

    private static Malformed history(String pointer, Consumer<ObjectNode> change, String field, String names) {
        return intake(request -> change.accept(Fixtures.at(request, "/history" + pointer)), 400, field, names);
    }

    private static String historyBody(Consumer<ObjectNode> change) {
        ObjectNode history = Fixtures.history();
        change.accept(history);
        return "{\"history\":" + history + "}";
    }

    private static Malformed list(String query, String field, String names) {
        return new Malformed("GET", "/sites/site-north/cases?" + query, null, null, Map.of(), 400, field, names);
    }

    private static JsonNode readBody(Response response) {
        try {
            return EventJson.mapper().readTree(response.asString());
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + response.asString(), e);
        }
    }

    private static String reasonFor(JsonNode problem, String field) {
        for (JsonNode error : problem.path("errors")) {
            if (error.path("field").asText().equals(field)) {
                return error.path("reason").asText();
            }
        }
        return "";
    }
}
