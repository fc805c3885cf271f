package care.sciatica.console;

import care.sciatica.console.services.FollowupApi;
import care.sciatica.console.services.IntakeApi;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.stringContainsInOrder;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The front desk's first-visit form, case list and day, rendered as the browser gets them. */
@QuarkusTest
@ConsoleTestResources
class FrontDeskPagesTest {

    @InjectMock
    @RestClient
    IntakeApi intake;

    @InjectMock
    @RestClient
    FollowupApi followup;

    @Test
    @TestSecurity(user = "frontdesk.north", roles = "front-desk")
    @OidcSecurity(claims = @Claim(key = "sites", value = "site-north"))
    void theFirstVisitFormFollowsTheClinicsOrderAndCarriesACsrfToken() {
        given().get("/sites/site-north/intake").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(stringContainsInOrder("Patient", "Onset and mechanism", "Pain", "Previous surgery",
                        "Conditions and medicines", "Red-flag screen", "Observation", "Examination",
                        "Baseline outcomes"))
                .body(containsString("name=\"history.redFlags.saddleNumbness\""))
                .body(containsString("name=\"csrf-token\""));
    }

    @Test
    @TestSecurity(user = "frontdesk.north", roles = "front-desk")
    @OidcSecurity(claims = @Claim(key = "sites", value = "site-north"))
    void aFormWithoutItsCsrfTokenIsRefusedAndNothingIsSent() {
        given().contentType("application/x-www-form-urlencoded").formParam("patient.givenName", "Ada")
                .post("/sites/site-north/intake").then().statusCode(400);
        verify(intake, never()).recordIntake(anyString(), any());
    }

    @Test
    @TestSecurity(user = "frontdesk.north", roles = "front-desk")
    @OidcSecurity(claims = @Claim(key = "sites", value = "site-north"))
    void everyFieldErrorOfTheServiceIsShownBesideItsFieldAndTheFormIsKeptAsTyped() {
        when(intake.recordIntake(anyString(), any())).thenReturn(Response.status(400).type("application/problem+json")
                .entity(Forms.json("{'type':'https://problems.sciatica.care/validation','title':'The request is not"
                        + " valid','status':400,'detail':'2 fields are not valid','errors':["
                        + "{'field':'history.onset.beganOn','reason':'2031-01-01 is in the future; record the date it"
                        + " happened (today or earlier)'},{'field':'history.pain.nrsNow','reason':'must be at most 10'}]}"))
                .build());
        Forms form = Forms.of("/sites/site-north/intake");

        String page = given().cookie("csrf-token", form.cookie()).contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", form.token())
                .formParam("patient.familyName", "Holt <b>")
                .formParam("history.onset.beganOn", "2031-01-01")
                .formParam("history.pain.nrsNow", "11")
                .formParam("history.pain.distribution", "BUTTOCK", "FOOT")
                .post("/sites/site-north/intake").then().statusCode(400).extract().asString();

        assertThat(page).contains("<p class=\"field-error\" id=\"history-onset-beganOn-error\">2031-01-01 is in the"
                + " future; record the date it happened (today or earlier)</p>");
        assertThat(page).contains("id=\"history-pain-nrsNow-error\">must be at most 10</p>");
        assertThat(page).containsPattern("id=\"history-onset-beganOn\" name=\"history.onset.beganOn\" value=\"2031-01-01\"");
        assertThat(page).contains("value=\"Holt &lt;b&gt;\"").doesNotContain("Holt <b>");
        assertThat(page).containsPattern("value=\"BUTTOCK\"\\s+checked");
        assertThat(page).contains("Please check 2 fields");

        ArgumentCaptor<JsonNode> sent = ArgumentCaptor.forClass(JsonNode.class);
        verify(intake).recordIntake(anyString(), sent.capture());
        assertThat(sent.getValue().at("/siteId").asText()).isEqualTo("site-north");
        assertThat(sent.getValue().at("/history/onset/beganOn").asText()).isEqualTo("2031-01-01");
        assertThat(sent.getValue().at("/history/pain/nrsNow").asInt()).isEqualTo(11);
        assertThat(sent.getValue().at("/history/pain/distribution").toString()).isEqualTo("[\"BUTTOCK\",\"FOOT\"]");
        assertThat(sent.getValue().at("/history/conditions/raynauds").asBoolean(true)).isFalse();
    }

    @Test
    @TestSecurity(user = "frontdesk.north", roles = "front-desk")
    @OidcSecurity(claims = @Claim(key = "sites", value = "site-north"))
    void aRecordedFirstVisitLeadsToItsCase() {
        when(intake.recordIntake(anyString(), any())).thenReturn(Response.status(201).type("application/json")
                .entity(Forms.json("{'patientRef':'pt_7Q2M9X4K','caseId':'2fdd94b1-b66e-493d-8132-cd5bd4365e3c',"
                        + "'siteId':'site-north','historyVersion':1}")).build());
        Forms form = Forms.of("/sites/site-north/intake");

        given().redirects().follow(false).cookie("csrf-token", form.cookie())
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", form.token())
                .formParam("patient.givenName", "Maren")
                .post("/sites/site-north/intake").then().statusCode(303)
                .header("Location", containsString("/sites/site-north/cases/2fdd94b1-b66e-493d-8132-cd5bd4365e3c"));
    }

    @Test
    @TestSecurity(user = "ops.chain", roles = "ops")
    @OidcSecurity(claims = @Claim(key = "sites", value = "site-north"))
    void aRoleThatMayNotRecordAFirstVisitGetsTheRolePage() {
        given().get("/sites/site-north/intake").then().statusCode(403)
                .body(containsString("Not for your role")).body(not(containsString("form class=\"intake\"")));
    }

    @Test
    @TestSecurity(user = "frontdesk.north", roles = "front-desk")
    @OidcSecurity(claims = @Claim(key = "sites", value = "site-north"))
    void anotherSitesPagesAndRecordsAreNotFound() {
        given().get("/sites/site-south/intake").then().statusCode(404).body(containsString("Not found"));
        // The intake service answers a case of another site as it does every case it does not show: 404.
        when(intake.caseOf("7b0e4a52-9d0c-4f3e-9a59-7c1c3e0f0a11")).thenReturn(Response.status(404)
                .type("application/problem+json").entity(Forms.json("{'status':404,'title':'Not found'}")).build());
        given().get("/sites/site-north/cases/7b0e4a52-9d0c-4f3e-9a59-7c1c3e0f0a11").then().statusCode(404)
                .body(containsString("Not found"));
        // And a case the service shows for another of the caller's sites is not rendered under this one.
        when(intake.caseOf("5c7d8e9f-0a1b-4c2d-8e3f-405162738495")).thenReturn(Response.ok(Forms.json(
                "{'caseId':'5c7d8e9f-0a1b-4c2d-8e3f-405162738495','siteId':'site-south','patientRef':'pt_SOUTH001',"
                        + "'status':'OPEN'}")).type("application/json").build());
        given().get("/sites/site-north/cases/5c7d8e9f-0a1b-4c2d-8e3f-405162738495").then().statusCode(404)
                .body(not(containsString("pt_SOUTH001")));
    }

    @Test
    @TestSecurity(user = "frontdesk.north", roles = "front-desk")
    @OidcSecurity(claims = @Claim(key = "sites", value = "site-north"))
    void theDayListsItsAppointmentsWithTheirChanges() {
        when(followup.day(eq("site-north"), eq("2026-12-07"))).thenReturn(Response.ok(Forms.json(
                "[{'appointmentId':'0d9f7c4e-1111-4a5b-9c8d-0123456789ab','caseId':'2fdd94b1-b66e-493d-8132-cd5bd4365e3c',"
                        + "'siteId':'site-north','patientRef':'pt_7Q2M9X4K','therapistRef':'st_T4N0R7H1',"
                        + "'start':'2026-12-07T10:00:00Z','end':'2026-12-07T10:45:00Z','status':'SCHEDULED',"
                        + "'sequence':1,'reason':'FOLLOW_UP','flaggedForLead':false}]")).type("application/json").build());
        given().get("/sites/site-north/day?day=2026-12-07").then().statusCode(200)
                .body(containsString("10:00–10:45"))
                .body(containsString("pt_7Q2M9X4K"))
                .body(containsString("Scheduled"))
                .body(containsString("/appointments/0d9f7c4e-1111-4a5b-9c8d-0123456789ab/confirmation"))
                .body(containsString("/appointments/0d9f7c4e-1111-4a5b-9c8d-0123456789ab/no-show"));
    }

    private static final String CASE = "2fdd94b1-b66e-493d-8132-cd5bd4365e3c";

    private void aRecordedCase() {
        when(intake.caseOf(CASE)).thenAnswer(call -> Response.ok(Forms.json("{'caseId':'" + CASE + "','siteId':"
                + "'site-north','patientRef':'pt_7Q2M9X4K','status':'HISTORY_RECORDED','openedAt':"
                + "'2026-12-04T09:00:00Z','historyVersions':[{'version':1,'history':{'onset':{'mechanism':"
                + "'LIFT_AND_TWIST','beganOn':'2026-02-20','pattern':'SUDDEN'},'pain':{'distribution':['BUTTOCK',"
                + "'FOOT'],'nightPain':false},'conditions':{'raynauds':true}}}]}")).type("application/json").build());
        when(followup.appointmentsOfCase(CASE)).thenAnswer(call -> Response.ok("[]").type("application/json").build());
        // The follow-up service has not heard of the case yet: the case view shows no episode.
        when(followup.episode(CASE)).thenAnswer(call -> Response.status(404).type("application/problem+json")
                .entity(Forms.json("{'status':404,'title':'Not found'}")).build());
    }

    @Test
    @TestSecurity(user = "frontdesk.north", roles = "front-desk")
    @OidcSecurity(claims = @Claim(key = "sites", value = "site-north"))
    void anAmendmentStartsFromTheRecordedHistoryAndNeedsAReason() {
        aRecordedCase();
        String form = given().get("/sites/site-north/cases/" + CASE + "/amendment").then().statusCode(200)
                .extract().asString();
        assertThat(form).contains("name=\"supersedesVersion\" value=\"1\"");
        assertThat(form).containsPattern("value=\"LIFT_AND_TWIST\"\\s+selected");
        assertThat(form).containsPattern("id=\"history-onset-beganOn\" name=\"history.onset.beganOn\" value=\"2026-02-20\"");
        assertThat(form).containsPattern("value=\"FOOT\"\\s+checked");
        assertThat(form).containsPattern("name=\"history.conditions.raynauds\" value=\"true\"\\s+checked");
        assertThat(form).doesNotContain("name=\"patient.givenName\"");

        when(intake.amendHistory(eq(CASE), anyString(), any())).thenReturn(Response.status(400)
                .type("application/problem+json").entity(Forms.json("{'title':'The request is not valid','status':400,"
                        + "'errors':[{'field':'amendmentReason','reason':'is required'}]}")).build());
        Forms csrf = Forms.of("/sites/site-north/cases/" + CASE + "/amendment");
        String refused = given().cookie("csrf-token", csrf.cookie()).contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", csrf.token()).formParam("supersedesVersion", "1")
                .formParam("history.onset.beganOn", "2026-02-21")
                .post("/sites/site-north/cases/" + CASE + "/amendment").then().statusCode(400).extract().asString();
        assertThat(refused).contains("id=\"amendmentReason-error\">is required</p>");
        ArgumentCaptor<JsonNode> sent = ArgumentCaptor.forClass(JsonNode.class);
        verify(intake).amendHistory(eq(CASE), anyString(), sent.capture());
        assertThat(sent.getValue().path("supersedesVersion").asInt()).isEqualTo(1);
        assertThat(sent.getValue().at("/history/onset/beganOn").asText()).isEqualTo("2026-02-21");
    }

    @Test
    @TestSecurity(user = "frontdesk.north", roles = "front-desk")
    @OidcSecurity(claims = @Claim(key = "sites", value = "site-north"))
    void erasureWaitsForTheConfirmation() {
        aRecordedCase();
        Forms csrf = Forms.of("/sites/site-north/cases/" + CASE);
        given().redirects().follow(false).cookie("csrf-token", csrf.cookie())
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", csrf.token())
                .post("/sites/site-north/cases/" + CASE + "/erasure").then().statusCode(303)
                .header("Location", containsString("erasure=unconfirmed"));
        verify(intake, never()).erase(anyString(), anyString());

        when(intake.erase(eq("pt_7Q2M9X4K"), anyString())).thenReturn(Response.ok(Forms.json(
                "{'patientRef':'pt_7Q2M9X4K'}")).type("application/json").build());
        given().redirects().follow(false).cookie("csrf-token", csrf.cookie())
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", csrf.token())
                .formParam("confirmed", "yes")
                .post("/sites/site-north/cases/" + CASE + "/erasure").then().statusCode(303)
                .header("Location", containsString("erased=true"));
        verify(intake).erase(eq("pt_7Q2M9X4K"), anyString());
    }
}
