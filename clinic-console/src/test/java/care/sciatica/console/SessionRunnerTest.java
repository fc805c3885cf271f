package care.sciatica.console;

import care.sciatica.console.services.AssessmentApi;
import care.sciatica.console.services.SessionApi;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The therapist's worklist and session runner, with the session and assessment services stood in for. */
@QuarkusTest
@ConsoleTestResources
class SessionRunnerTest {

    private static final String SESSION = "9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private static final String CASE = "2fdd94b1-b66e-493d-8132-cd5bd4365e3c";

    @InjectMock
    @RestClient
    SessionApi sessions;

    @InjectMock
    @RestClient
    AssessmentApi assessments;

    @BeforeEach
    void aConsentedSessionWithHeatOn() throws Exception {
        // A fresh answer on every call, as the service gives one (the console closes each after reading it).
        String session = Forms.json("{'sessionId':'" + SESSION + "','caseId':'" + CASE
                + "','siteId':'site-north','patientRef':'pt_7Q2M9X4K','state':'IN_PROGRESS','painBefore':6,"
                + "'explanation':{'points':['WHAT_WILL_HAPPEN'],'questionsAnswered':true},"
                + "'consent':{'decision':'GIVEN','method':'VERBAL'},"
                + "'steps':[{'sequence':1,'step':'PALPATION','outcome':'PERFORMED','parameters':{'sites':['LUMBAR_SPINE']}},"
                + "{'sequence':2,'step':'HEAT','outcome':'PERFORMED','parameters':{'heatKind':'WHEAT_BAG',"
                + "'heatAppliedAt':'2026-12-04T10:00:00Z','regions':['LUMBAR_SPINE']}}],'advice':[]}");
        when(sessions.session(SESSION)).thenAnswer(call -> json(session));
        String plan = new String(getClass().getResourceAsStream("/contracts/examples/care.sciatica.assessment.plan-issued.v1.json")
                .readAllBytes(), StandardCharsets.UTF_8);
        JsonNode example = care.sciatica.console.services.Answers.json().readTree(plan);
        JsonNode data = example.has("data") ? example.get("data") : example;
        String assessment = "{\"caseId\":\"" + CASE + "\",\"siteId\":\"site-north\",\"disposition\":\"PLAN\","
                + "\"planVersion\":1,\"rulesVersion\":\"2026.11-1\",\"reasoning\":{\"disposition\":\"PLAN\","
                + "\"origin\":" + data.get("origin") + ",\"suitability\":" + data.get("suitability") + ",\"steps\":"
                + data.get("steps") + ",\"advice\":" + data.path("advice") + "}}";
        when(assessments.assessment(CASE)).thenAnswer(call -> json(assessment));
        this.assessment = assessment;
    }

    private String assessment;

    @Test
    @TestSecurity(user = "therapist.north", roles = "therapist")
    @OidcSecurity(claims = @Claim(key = "sites", value = "site-north"))
    void aLaterVisitsAssessmentNamesItsVisitAndWhatChangedSinceThePreviousPlan() throws Exception {
        var later = (com.fasterxml.jackson.databind.node.ObjectNode) care.sciatica.console.services.Answers.json()
                .readTree(assessment);
        later.put("visit", 2);
        ((com.fasterxml.jackson.databind.node.ObjectNode) later.get("reasoning")).set("changes",
                care.sciatica.console.services.Answers.json().readTree(Forms.json("[{'step':'ICE_MASSAGE',"
                        + "'previousStatus':'INCLUDED','status':'EXCLUDED','reasons':[{'ruleId':'R-ICE-1',"
                        + "'finding':'conditions.raynauds','explanation':'Raynaud phenomenon: no ice'}]}]")));
        when(assessments.assessment(CASE)).thenAnswer(call -> json(later.toString()));

        String page = given().get("/sites/site-north/cases/" + CASE + "/assessment").then().statusCode(200)
                .extract().asString();

        assertThat(page).contains("id=\"assessment-visit\">2</dd>");
        String changes = page.substring(page.indexOf("id=\"plan-changes\""));
        assertThat(changes).contains("<strong>Ice massage</strong>: Included → Excluded")
                .contains("<li>Raynaud phenomenon: no ice</li>");
        assertThat(page).contains("href=\"/sites/site-north/cases/" + CASE + "\">The case and its trajectory</a>");
    }

    @Test
    @TestSecurity(user = "therapist.north", roles = "therapist")
    @OidcSecurity(claims = @Claim(key = "sites", value = "site-north"))
    void aFirstVisitsAssessmentHasNoChangesToShow() {
        String page = given().get("/sites/site-north/cases/" + CASE + "/assessment").then().statusCode(200)
                .extract().asString();
        assertThat(page).doesNotContain("plan-changes").doesNotContain("assessment-visit");
    }

    @Test
    @TestSecurity(user = "therapist.north", roles = "therapist")
    @OidcSecurity(claims = @Claim(key = "sites", value = "site-north"))
    void theRunnerWalksThePlanShowingExcludedStepsAsUnavailableAndTheHeatTimer() {
        String page = given().get("/sites/site-north/sessions/" + SESSION).then().statusCode(200).extract().asString();
        assertThat(page).containsSubsequence("id=\"pain-before\"", "id=\"explanation\"", "id=\"consent\"",
                "id=\"palpation\"", "id=\"ice-massage\"", "id=\"heat\"", "id=\"massage-leg-under-heat\"",
                "id=\"massage-area-and-spine\"", "id=\"pain-after\"", "id=\"advice\"", "id=\"completion\"");
        // Raynaud's: ice is visibly unavailable, with the plan's reason, and has no form.
        assertThat(page).containsPattern("class=\"step status-excluded unavailable\" id=\"ice-massage\"");
        assertThat(page).contains("Ice massage excluded: Raynaud&#39;s phenomenon recorded");
        assertThat(page).doesNotContain("id=\"ice-cubes\"");
        // Heat is on: a running timer against the plan's maximum, "remove heat" before the area massage.
        assertThat(page).contains("data-since=\"2026-12-04T10:00:00Z\" data-max-minutes=\"20\"");
        assertThat(page).contains("id=\"remove-heat\"").contains("Heat is still on: remove it first.");
        assertThat(page).contains("id=\"withdraw\"");
    }

    @Test
    @TestSecurity(user = "therapist.north", roles = "therapist")
    @OidcSecurity(claims = @Claim(key = "sites", value = "site-north"))
    void aRefusalOfTheProtocolIsShownWithItsRuleAndExplanation() {
        when(sessions.command(eq(SESSION), eq("steps"), anyString(), any())).thenReturn(Response.status(422)
                .type("application/problem+json").entity(Forms.json("{'type':'https://problems.sciatica.care/session/"
                        + "massage-under-heat','title':'Refused by the protocol\\u0027s rules','status':422,'detail':"
                        + "'The affected area and the spine are not massaged while heat is still applied; remove the"
                        + " heat first (session state IN_PROGRESS)'}")).build());
        Forms form = Forms.of("/sites/site-north/sessions/" + SESSION);

        String page = given().cookie("csrf-token", form.cookie()).contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", form.token()).formParam("step", "MASSAGE_AREA_AND_SPINE")
                .formParam("outcome", "PERFORMED").formParam("areas", "LUMBAR_SPINE", "LEFT_GLUTEAL")
                .formParam("pressure", "MODERATE").formParam("minutes", "10")
                .post("/sites/site-north/sessions/" + SESSION + "/steps").then().statusCode(422).extract().asString();

        assertThat(page).contains("rule <code class=\"rule\">MASSAGE_UNDER_HEAT</code>");
        assertThat(page).contains("remove the heat first (session state IN_PROGRESS)");
        assertThat(page).contains("refused\" id=\"massage-area-and-spine\"");
        ArgumentCaptor<JsonNode> sent = ArgumentCaptor.forClass(JsonNode.class);
        verify(sessions).command(eq(SESSION), eq("steps"), anyString(), sent.capture());
        assertThat(sent.getValue().toString()).isEqualTo("{\"step\":\"MASSAGE_AREA_AND_SPINE\",\"outcome\":\"PERFORMED\","
                + "\"parameters\":{\"regions\":[\"LUMBAR_SPINE\",\"LEFT_GLUTEAL\"],\"minutes\":10,\"pressure\":\"MODERATE\"}}");
    }

    @Test
    @TestSecurity(user = "therapist.north", roles = "therapist")
    @OidcSecurity(claims = @Claim(key = "sites", value = "site-north"))
    void aSessionCommandWithoutItsCsrfTokenIsRefused() {
        given().contentType("application/x-www-form-urlencoded").formParam("method", "VERBAL")
                .post("/sites/site-north/sessions/" + SESSION + "/consent-withdrawal").then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "frontdesk.north", roles = "front-desk")
    @OidcSecurity(claims = @Claim(key = "sites", value = "site-north"))
    void theFrontDeskMayNotOpenTheRunner() {
        given().get("/sites/site-north/sessions/" + SESSION).then().statusCode(403)
                .body(containsString("Not for your role")).body(not(containsString("pt_7Q2M9X4K")));
    }

    @Test
    @TestSecurity(user = "therapist.north", roles = "therapist")
    @OidcSecurity(claims = @Claim(key = "sites", value = "site-north"))
    void theWorklistShowsTheSitesCasesAndListensForChanges() {
        when(sessions.worklist("site-north")).thenReturn(json(Forms.json("[{'caseId':'" + CASE + "','siteId':"
                + "'site-north','patientRef':'pt_7Q2M9X4K','planVersion':1,'primaryOrigin':'LUMBAR',"
                + "'receivedAt':'2026-12-04T09:41:13Z'}]")));
        given().get("/sites/site-north/worklist").then().statusCode(200)
                .body(containsString("data-case=\"" + CASE + "\""))
                .body(containsString("data-live-source=\"/sites/site-north/live\""))
                .body(containsString("data-live-get=\"/sites/site-north/worklist/items\""))
                .body(containsString("Lumbar"));
    }

    @Test
    @TestSecurity(user = "therapist.north", roles = "therapist")
    @OidcSecurity(claims = @Claim(key = "sites", value = "site-north"))
    void aTherapistMayNotOverrideThePlan() {
        Forms form = Forms.of("/sites/site-north/sessions/" + SESSION);
        given().cookie("csrf-token", form.cookie()).contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", form.token()).formParam("step", "ICE_MASSAGE")
                .formParam("status", "INCLUDED").formParam("reason", "the patient asks for it")
                .post("/sites/site-north/cases/" + CASE + "/overrides").then().statusCode(403)
                .body(containsString("Not for your role"));
        verify(assessments, org.mockito.Mockito.never()).override(anyString(), anyString(), any());
    }

    private static Response json(String body) {
        return Response.ok(body).type("application/json").build();
    }
}
