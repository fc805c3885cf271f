package care.sciatica.intake.api;

import care.sciatica.contracts.Topics;
import care.sciatica.intake.Fixtures;
import care.sciatica.intake.IntakeTestResources;
import care.sciatica.local.TopicReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static care.sciatica.intake.Calls.get;
import static care.sciatica.intake.Calls.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@IntakeTestResources
@TestSecurity(user = "frontdesk.north", roles = "front-desk")
@OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
class PatientResourceTest {

    private final TopicReader kafka = TopicReader.ofTestBroker();

    @Inject
    Pool pool;

    @Test
    void aPatientIsRegisteredAndReadBack() {
        String patientRef = post("/patients", Fixtures.registration("site-north", Fixtures.patient("Loveday", "Trelawny")))
                .statusCode(201)
                .body("patientRef", matchesPattern("pt_[0-9A-Z]{8}"))
                .body("siteId", equalTo("site-north"))
                .body("registeredAt", notNullValue())
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("givenName")))
                .extract().path("patientRef");

        get("/patients/" + patientRef).statusCode(200)
                .body("patient.patientRef", equalTo(patientRef))
                .body("patient.givenName", equalTo("Loveday"))
                .body("patient.familyName", equalTo("Trelawny"))
                .body("patient.birthDate", equalTo("1981-06-14"))
                .body("patient.phone", equalTo("07700 900123"))
                .body("patient.email", equalTo("loveday.trelawny@example.org"))
                .body("patient.registeredSiteId", equalTo("site-north"))
                .body("patient.erasedAt", nullValue())
                .body("cases", hasSize(0));
    }

    @Test
    void aRepeatedRegistrationWithTheSameKeyIsTheSamePatient() {
        String key = UUID.randomUUID().toString();
        ObjectNode request = Fixtures.registration("site-north", Fixtures.patient("Petroc", "Angove"));
        String first = post("/patients", request, key).statusCode(201).extract().path("patientRef");
        Map<String, Long> before = Fixtures.rows(pool);

        post("/patients", request, key).statusCode(201).body("patientRef", equalTo(first));

        assertThat(Fixtures.rows(pool)).isEqualTo(before);
    }

    @Test
    void theExportHoldsTheIdentityEveryCaseAndEveryHistoryVersion() {
        JsonPath intake = intakeFor("Senara", "Chenoweth");
        String patientRef = intake.getString("patientRef");
        String caseId = intake.getString("caseId");
        post("/cases/" + caseId + "/history/amendments", Fixtures.amendment(1, "NEW_FINDINGS", Fixtures.fullHistory()))
                .statusCode(201);
        String secondCase = post("/cases", "{\"patientRef\":\"" + patientRef + "\",\"siteId\":\"site-north\"}")
                .statusCode(201).extract().path("caseId");

        get("/patients/" + patientRef + "/export").statusCode(200)
                .body("exportedAt", notNullValue())
                .body("patient.givenName", equalTo("Senara"))
                .body("patient.familyName", equalTo("Chenoweth"))
                .body("patient.birthDate", equalTo("1981-06-14"))
                .body("patient.email", equalTo("senara.chenoweth@example.org"))
                .body("cases.caseId", equalTo(List.of(caseId, secondCase)))
                .body("cases[0].externalRefs[0].system", equalTo("bookwise"))
                .body("cases[0].historyVersions.version", equalTo(List.of(1, 2)))
                .body("cases[0].historyVersions[1].amendmentReason", equalTo("NEW_FINDINGS"))
                .body("cases[0].historyVersions[1].history.surgery.hipReplacement.approach", equalTo("POSTERIOR"))
                .body("cases[1].status", equalTo("OPEN"))
                .body("cases[1].historyVersions", hasSize(0));
        assertThat(audits("patient.exported", patientRef)).isEqualTo(1);
    }

    @Test
    void erasureForgetsTheIdentityKeepsTheClinicalRecordAndSendsNothing() {
        JsonPath intake = intakeFor("Zennor", "Polglase");
        String patientRef = intake.getString("patientRef");
        String caseId = intake.getString("caseId");
        kafka.awaitKeyed(Topics.INTAKE_EVENTS, caseId, 1);
        long events = outboxRows();

        String erasedAt = post("/patients/" + patientRef + "/erasure", null).statusCode(200)
                .body("patientRef", equalTo(patientRef))
                .body("erasedAt", notNullValue())
                .body("casesKept", equalTo(1))
                .extract().path("erasedAt");

        Row row = pool.preparedQuery("SELECT given_name, family_name, birth_date, phone, email, erased_at "
                + "FROM patient WHERE patient_ref = $1").execute(Tuple.of(patientRef)).await().indefinitely()
                .iterator().next();
        for (int column = 0; column < 5; column++) {
            assertThat(row.getValue(column)).as("column %d", column).isNull();
        }
        assertThat(row.getValue(5)).isNotNull();
        get("/patients/" + patientRef).statusCode(200)
                .body("patient.givenName", nullValue())
                .body("patient.birthDate", nullValue())
                .body("patient.email", nullValue())
                .body("patient.erasedAt", equalTo(erasedAt))
                .body("cases[0].caseId", equalTo(caseId));
        get("/cases/" + caseId).statusCode(200)
                .body("patientRef", equalTo(patientRef))
                .body("historyVersions[0].history.conditions.raynauds", equalTo(true));
        assertThat(outboxRows()).isEqualTo(events);
        assertThat(kafka.awaitKeyed(Topics.INTAKE_EVENTS, caseId, 1)).hasSize(1);
        assertThat(audits("patient.erased", patientRef)).isEqualTo(1);
        assertThat(pool.query("SELECT response FROM idempotency_key").execute().await().indefinitely())
                .extracting(r -> r.getString(0)).noneMatch(response -> response.contains("Zennor"));

        post("/patients/" + patientRef + "/erasure", null).statusCode(200).body("erasedAt", equalTo(erasedAt));
        assertThat(audits("patient.erased", patientRef)).isEqualTo(1);
    }

    @Test
    void anErasedPatientsHistoryCanStillBeCorrectedButNoNewCaseOpened() {
        JsonPath intake = intakeFor("Wenna", "Jewell");
        String patientRef = intake.getString("patientRef");
        post("/patients/" + patientRef + "/erasure", null).statusCode(200);

        post("/cases/" + intake.getString("caseId") + "/history/amendments",
                Fixtures.amendment(1, "CORRECTION", Fixtures.history())).statusCode(201);
        get("/cases/" + intake.getString("caseId")).statusCode(200)
                .body("historyVersions[1].ageYears", equalTo(intake.getInt("ageYears")));
        post("/cases", "{\"patientRef\":\"" + patientRef + "\",\"siteId\":\"site-north\"}")
                .statusCode(409).body("type", containsString("patient-erased"));
    }

    @Test
    void aRepeatedErasureWithTheSameKeyAnswersTheSame() {
        String patientRef = intakeFor("Austell", "Kitto").getString("patientRef");
        String key = UUID.randomUUID().toString();
        String first = post("/patients/" + patientRef + "/erasure", null, key).statusCode(200).extract().asString();
        Map<String, Long> before = Fixtures.rows(pool);

        String second = post("/patients/" + patientRef + "/erasure", null, key).statusCode(200).extract().asString();

        assertThat(second).isEqualTo(first);
        assertThat(Fixtures.rows(pool)).isEqualTo(before);
    }

    @Test
    @TestSecurity(user = "frontdesk.south", roles = "front-desk")
    @OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-south\"]", type = ClaimType.JSON_ARRAY))
    void anotherSitesPatientIsUnknown() {
        String northPatient = Fixtures.patientAt(pool, "site-north");
        Map<String, Long> before = Fixtures.rows(pool);

        get("/patients/" + northPatient).statusCode(404).contentType("application/problem+json");
        get("/patients/" + northPatient + "/export").statusCode(404);
        post("/patients/" + northPatient + "/erasure", null).statusCode(404);
        post("/cases", "{\"patientRef\":\"" + northPatient + "\",\"siteId\":\"site-south\"}").statusCode(404);

        assertThat(Fixtures.rows(pool)).isEqualTo(before);
    }

    @Test
    @TestSecurity(user = "lead.north", roles = "clinical-lead")
    @OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
    void aClinicalLeadReadsAndExportsButDoesNotRegisterOrErase() {
        String patientRef = Fixtures.patientAt(pool, "site-north");

        get("/patients/" + patientRef).statusCode(200);
        get("/patients/" + patientRef + "/export").statusCode(200);
        post("/patients/" + patientRef + "/erasure", null).statusCode(403);
        post("/patients", Fixtures.registration("site-north", Fixtures.patient("Ada", "Quill"))).statusCode(403);
    }

    @Test
    @TestSecurity(user = "ops.chain", roles = "ops")
    @OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
    void opsSeesNoPatient() {
        String patientRef = Fixtures.patientAt(pool, "site-north");

        get("/patients/" + patientRef).statusCode(403);
        get("/patients/" + patientRef + "/export").statusCode(403);
    }

    private JsonPath intakeFor(String givenName, String familyName) {
        ObjectNode request = Fixtures.intake("site-north");
        request.set("patient", Fixtures.patient(givenName, familyName));
        JsonPath recorded = new JsonPath(post("/intakes", request).statusCode(201).extract().asString());
        int ageYears = get("/cases/" + recorded.getString("caseId")).statusCode(200)
                .extract().path("historyVersions[0].ageYears");
        return new JsonPath("{\"patientRef\":\"" + recorded.getString("patientRef") + "\",\"caseId\":\""
                + recorded.getString("caseId") + "\",\"ageYears\":" + ageYears + "}");
    }

    private long outboxRows() {
        return pool.query("SELECT count(*) FROM outbox").execute().await().indefinitely().iterator().next().getLong(0);
    }

    private long audits(String action, String patientRef) {
        return pool.preparedQuery("SELECT count(*) FROM audit_entry WHERE action = $1 AND subject_id = $2")
                .execute(Tuple.of(action, patientRef)).await().indefinitely().iterator().next().getLong(0);
    }
}
