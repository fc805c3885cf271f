package care.sciatica.intake;

import care.sciatica.platform.idempotency.IdempotentRequests;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** The HTTP calls the tests make, each POST with its own Idempotency-Key unless one is given. */
public final class Calls {

    private Calls() {
    }

    public static ValidatableResponse post(String path, Object body) {
        return post(path, body, UUID.randomUUID().toString());
    }

    public static ValidatableResponse post(String path, Object body, String idempotencyKey) {
        RequestSpecification request = given().header(IdempotentRequests.HEADER, idempotencyKey);
        if (body != null) {
            request = request.contentType("application/json").body(body.toString());
        }
        return request.post(path).then();
    }

    public static ValidatableResponse get(String path) {
        return given().get(path).then();
    }

    /** Registers Maren-like patient at {@code siteId}, opens a case there and returns the case id. */
    public static String openCase(String siteId, String givenName, String familyName) {
        String patientRef = post("/patients", Fixtures.registration(siteId, Fixtures.patient(givenName, familyName)))
                .statusCode(201).extract().path("patientRef");
        return post("/cases", "{\"patientRef\":\"" + patientRef + "\",\"siteId\":\"" + siteId + "\"}")
                .statusCode(201).extract().path("caseId");
    }

    /** A case at {@code siteId} with history version 1 recorded from {@code history}. */
    public static String recordedCase(String siteId, Object history) {
        String caseId = openCase(siteId, "Ines", "Farrow");
        post("/cases/" + caseId + "/history", "{\"history\":" + history + "}").statusCode(201);
        return caseId;
    }
}
