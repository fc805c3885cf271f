package care.sciatica.intake.api;

import care.sciatica.intake.Calls;
import care.sciatica.intake.Fixtures;
import care.sciatica.intake.IntakeTestResources;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static care.sciatica.intake.Calls.get;
import static care.sciatica.intake.Calls.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@IntakeTestResources
@TestSecurity(user = "therapist.north", roles = "therapist")
@OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
class CaseResourceTest {

    @Inject
    Pool pool;

    @Test
    void aCaseIsOpenedForARegisteredPatientWithItsBookingReferences() {
        String patientRef = post("/patients", Fixtures.registration("site-north", Fixtures.patient("Ruth", "Penhale")))
                .statusCode(201).extract().path("patientRef");

        String caseId = post("/cases", "{\"patientRef\":\"" + patientRef + "\",\"siteId\":\"site-north\","
                + "\"externalRefs\":[{\"system\":\"cliniq\",\"patientId\":\"P-77\",\"appointmentId\":\"A-901\"}]}")
                .statusCode(201)
                .body("patientRef", equalTo(patientRef))
                .body("siteId", equalTo("site-north"))
                .body("status", equalTo("OPEN"))
                .body("openedAt", notNullValue())
                .body("externalRefs[0].system", equalTo("cliniq"))
                .body("externalRefs[0].appointmentId", equalTo("A-901"))
                .extract().path("caseId");

        get("/cases/" + caseId).statusCode(200)
                .body("status", equalTo("OPEN"))
                .body("historyVersions", hasSize(0));
        assertThat(audited(caseId)).contains("case.opened");
    }

    @Test
    void theHistoryIsRecordedOnceAndTheCaseShowsIt() {
        String caseId = Calls.openCase("site-north", "Tamsin", "Roskilly");
        String body = "{\"history\":" + Fixtures.history() + "}";

        post("/cases/" + caseId + "/history", body).statusCode(201)
                .body("caseId", equalTo(caseId))
                .body("historyVersion", equalTo(1))
                .body("supersedesVersion", nullValue())
                .body("recordedAt", notNullValue());

        get("/cases/" + caseId).statusCode(200)
                .body("status", equalTo("HISTORY_RECORDED"))
                .body("historyVersions", hasSize(1))
                .body("historyVersions[0].ageYears", equalTo(ageOf("1981-06-14")))
                .body("historyVersions[0].history.redFlags.ivDrugUse", equalTo("NOT_ASKED"));
        post("/cases/" + caseId + "/history", body).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("amendment"));
        assertThat(outboxRows(caseId)).isEqualTo(1);
        assertThat(audited(caseId)).contains("history.recorded");
    }

    @Test
    void anAmendmentKeepsEveryVersionAndSaysWhatItSupersedesAndWhy() {
        String caseId = Calls.recordedCase("site-north", Fixtures.history());
        ObjectNode corrected = Fixtures.history();
        Fixtures.at(corrected, "/pain").put("side", "RIGHT");

        post("/cases/" + caseId + "/history/amendments", Fixtures.amendment(1, "CORRECTION", corrected))
                .statusCode(201)
                .body("historyVersion", equalTo(2))
                .body("supersedesVersion", equalTo(1))
                .body("amendmentReason", equalTo("CORRECTION"));
        ObjectNode reexamined = corrected.deepCopy();
        Fixtures.at(reexamined, "/examination").put("slump", "NEGATIVE");
        post("/cases/" + caseId + "/history/amendments", Fixtures.amendment(2, "REEXAMINATION", reexamined))
                .statusCode(201).body("historyVersion", equalTo(3));

        get("/cases/" + caseId).statusCode(200)
                .body("historyVersions.version", equalTo(java.util.List.of(1, 2, 3)))
                .body("historyVersions[0].history.pain.side", equalTo("LEFT"))
                .body("historyVersions[1].supersedesVersion", equalTo(1))
                .body("historyVersions[1].amendmentReason", equalTo("CORRECTION"))
                .body("historyVersions[1].history.pain.side", equalTo("RIGHT"))
                .body("historyVersions[2].amendmentReason", equalTo("REEXAMINATION"))
                .body("historyVersions[2].history.examination.slump", equalTo("NEGATIVE"));
        assertThat(outboxRows(caseId)).isEqualTo(3);
        assertThat(audited(caseId)).contains("history.amended");
    }

    @Test
    void anAmendmentOfAnOutdatedVersionIsRefusedAndNothingIsStored() {
        String caseId = Calls.recordedCase("site-north", Fixtures.history());
        post("/cases/" + caseId + "/history/amendments", Fixtures.amendment(1, "CORRECTION", Fixtures.history()))
                .statusCode(201);
        Map<String, Long> before = Fixtures.rows(pool);

        post("/cases/" + caseId + "/history/amendments", Fixtures.amendment(1, "NEW_FINDINGS", Fixtures.history()))
                .statusCode(409).contentType("application/problem+json")
                .body("type", containsString("history-version-superseded"))
                .body("detail", containsString("Version 2 is the case's latest history"));

        assertThat(Fixtures.rows(pool)).isEqualTo(before);
    }

    @Test
    void aCaseWithoutAHistoryCannotBeAmended() {
        String caseId = Calls.openCase("site-north", "Morwenna", "Hicks");

        post("/cases/" + caseId + "/history/amendments", Fixtures.amendment(1, "CORRECTION", Fixtures.history()))
                .statusCode(409).body("type", containsString("history-not-recorded"));
    }

    @Test
    void aFutureOnsetOrOperationDateIsRefusedWithTheFieldAndNothingIsStored() {
        String caseId = Calls.openCase("site-north", "Kerensa", "Nance");
        String nextWeek = LocalDate.now().plusDays(7).toString();
        ObjectNode history = Fixtures.history();
        Fixtures.at(history, "/onset").put("beganOn", nextWeek);
        Fixtures.at(history, "/surgery").putObject("lumbarSpine").put("date", nextWeek);
        Map<String, Long> before = Fixtures.rows(pool);

        post("/cases/" + caseId + "/history", "{\"history\":" + history + "}")
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("history.onset.beganOn"))
                .body("errors.field", hasItem("history.surgery.lumbarSpine.date"))
                .body("errors.reason", hasItem(nextWeek + " is in the future; record the date it happened (today or "
                        + "earlier)"));

        assertThat(Fixtures.rows(pool)).isEqualTo(before);
        get("/cases/" + caseId).statusCode(200).body("status", equalTo("OPEN"));
    }

    @Test
    void aBookingReferenceIsAttachedOnceAndTravelsWithTheCase() {
        String caseId = Calls.recordedCase("site-north", Fixtures.history());
        String ref = "{\"system\":\"bookwise\",\"patientId\":\"884213\",\"appointmentId\":\"5521999\"}";

        post("/cases/" + caseId + "/external-refs", ref).statusCode(200)
                .body("caseId", equalTo(caseId))
                .body("externalRefs", hasSize(1))
                .body("externalRefs[0].appointmentId", equalTo("5521999"));
        post("/cases/" + caseId + "/external-refs", ref).statusCode(200).body("externalRefs", hasSize(1));

        get("/cases/" + caseId).statusCode(200).body("externalRefs[0].patientId", equalTo("884213"));
        assertThat(audited(caseId)).containsOnlyOnce("case.external-ref-attached");
    }

    @Test
    void everyWriteRepeatedWithItsKeyAnswersTheSameAndStoresNothingNew() {
        String patientRef = post("/patients", Fixtures.registration("site-north", Fixtures.patient("Jory", "Pascoe")))
                .statusCode(201).extract().path("patientRef");
        String open = "{\"patientRef\":\"" + patientRef + "\",\"siteId\":\"site-north\"}";
        String caseId = repeated("/cases", open, 201).getString("caseId");
        repeated("/cases/" + caseId + "/history", "{\"history\":" + Fixtures.history() + "}", 201);
        repeated("/cases/" + caseId + "/history/amendments",
                Fixtures.amendment(1, "NEW_FINDINGS", Fixtures.fullHistory()).toString(), 201);
        repeated("/cases/" + caseId + "/external-refs", "{\"system\":\"bookwise\",\"patientId\":\"1\"}", 200);

        get("/cases/" + caseId).statusCode(200).body("historyVersions", hasSize(2));
    }

    @Test
    void anotherSitesCaseIsUnknown() {
        String caseId = Calls.openCase("site-north", "Demelza", "Uren");
        String otherSite = Fixtures.caseAt(pool, "site-south", "OPEN");

        get("/cases/" + otherSite).statusCode(404).contentType("application/problem+json");
        post("/cases/" + otherSite + "/history", "{\"history\":" + Fixtures.history() + "}").statusCode(404);
        post("/cases/" + otherSite + "/external-refs", "{\"system\":\"bookwise\",\"patientId\":\"1\"}")
                .statusCode(404);
        get("/cases/" + UUID.randomUUID()).statusCode(404);
        get("/cases/" + caseId).statusCode(200);
    }

    @Test
    @TestSecurity(user = "lead.north", roles = "clinical-lead")
    @OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
    void aClinicalLeadReadsButDoesNotWrite() {
        String caseId = Fixtures.caseAt(pool, "site-north", "OPEN");

        get("/cases/" + caseId).statusCode(200).body("caseId", equalTo(caseId));
        post("/cases/" + caseId + "/history/amendments", Fixtures.amendment(1, "CORRECTION", Fixtures.history()))
                .statusCode(403);
    }

    @Test
    @TestSecurity(user = "ops.chain", roles = "ops")
    @OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
    void opsSeesNoCase() {
        get("/cases/" + Fixtures.caseAt(pool, "site-north", "OPEN")).statusCode(403);
    }

    private io.restassured.path.json.JsonPath repeated(String path, String body, int status) {
        String key = UUID.randomUUID().toString();
        String first = post(path, body, key).statusCode(status).extract().asString();
        Map<String, Long> before = Fixtures.rows(pool);
        String second = post(path, body, key).statusCode(status).extract().asString();
        assertThat(second).as(path).isEqualTo(first);
        assertThat(Fixtures.rows(pool)).as(path).isEqualTo(before);
        return new io.restassured.path.json.JsonPath(first);
    }

    private long outboxRows(String caseId) {
        return pool.preparedQuery("SELECT count(*) FROM outbox WHERE message_key = $1").execute(Tuple.of(caseId))
                .await().indefinitely().iterator().next().getLong(0);
    }

    private String audited(String caseId) {
        StringBuilder actions = new StringBuilder();
        pool.preparedQuery("SELECT action FROM audit_entry WHERE case_id = $1 ORDER BY id")
                .execute(Tuple.of(UUID.fromString(caseId))).await().indefinitely()
                .forEach(row -> actions.append(row.getString(0)).append(' '));
        return actions.toString();
    }

    private static int ageOf(String birthDate) {
        return java.time.Period.between(LocalDate.parse(birthDate), LocalDate.now()).getYears();
    }
}
