package care.sciatica.console;

import care.sciatica.console.services.FollowupApi;
import care.sciatica.console.services.IntakeApi;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.specification.RequestSpecification;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The episode of care in the console: the case view's trajectory and the review at an open follow-up visit. */
@QuarkusTest
@ConsoleTestResources
class EpisodePagesTest {

    private static final String CASE = "3e1c5a7b-2d4f-4a6b-8c9d-0e1f2a3b4c5d";
    private static final String CASE_PAGE = "/sites/site-north/cases/" + CASE;
    private static final List<String> RED_FLAGS = List.of("saddleNumbness", "bladderOrBowelDisturbance",
            "bilateralOrProgressiveLegWeakness", "feverOrRecentInfection", "unexplainedWeightLoss", "majorTrauma",
            "ivDrugUse", "immunosuppression");

    @InjectMock
    @RestClient
    IntakeApi intake;

    @InjectMock
    @RestClient
    FollowupApi followup;

    /** A case at its third visit: visit 2 reviewed (version 2), visit 3 open. */
    private void aCaseWithAnOpenThirdVisit() {
        when(intake.caseOf(CASE)).thenAnswer(call -> json(Forms.json("{'caseId':'" + CASE + "','siteId':'site-north',"
                + "'patientRef':'pt_EPISODE1','status':'HISTORY_RECORDED','openedAt':'2026-11-02T09:00:00Z',"
                + "'historyVersions':[{'version':1,'kind':'INTAKE','history':{}},{'version':2,'kind':"
                + "'FOLLOW_UP_REVIEW','visit':2,'history':{}}],'visits':[{'visit':2,'startedAt':'2026-11-16T09:00:00Z',"
                + "'appointmentId':'a2','reviewedHistoryVersion':2},{'visit':3,'startedAt':'2026-11-30T09:00:00Z',"
                + "'appointmentId':'a3','reviewedHistoryVersion':null}]}")));
        when(followup.appointmentsOfCase(CASE)).thenAnswer(call -> json("[]"));
        when(followup.episode(CASE)).thenAnswer(call -> json(Forms.json("{'caseId':'" + CASE + "','siteId':"
                + "'site-north','patientRef':'pt_EPISODE1','status':'OPEN','flaggedForLead':true,'policyVersion':"
                + "'2026.12-1','baseline':{'painNrs':7,'odi':40,'rmdq':12},'openedAt':'2026-11-02T09:00:00Z',"
                + "'visits':[{'visit':1,'startedAt':'2026-11-02T09:00:00Z','scores':null,'planVersion':1,"
                + "'stepsDone':['PALPATION','ICE_MASSAGE'],'session':'COMPLETED','decision':'SCHEDULE'},"
                + "{'visit':2,'startedAt':'2026-11-16T09:00:00Z','appointmentId':'a2','scores':{'painNrs':8,"
                + "'odi':44,'rmdq':null},'reviewedAt':'2026-11-16T09:20:00Z','change':{'painNrs':-1,'odi':-4,"
                + "'rmdq':null,'painNrsReachedMic':false,'odiReachedMic':false,'rmdqReachedMic':false},"
                + "'micReached':false,'planVersion':2,'stepsDone':['HEAT'],'session':'COMPLETED',"
                + "'decision':'LEAD_REVIEW_WORSE_THAN_BASELINE'},{'visit':3,'startedAt':'2026-11-30T09:00:00Z',"
                + "'appointmentId':'a3','scores':null,'change':null,'micReached':null,'planVersion':null,"
                + "'stepsDone':[],'decision':null}],'openTasks':[]}")));
    }

    @Test
    @TestSecurity(user = "frontdesk.north", roles = "front-desk")
    @OidcSecurity(claims = @Claim(key = "sites", value = "site-north"))
    void theCaseViewShowsTheTrajectoryAndOffersTheOpenVisitsReview() {
        aCaseWithAnOpenThirdVisit();

        String page = given().get(CASE_PAGE).then().statusCode(200).extract().asString();

        assertThat(page).contains("id=\"episode-status\">Open</span>");
        assertThat(page).contains("id=\"episode-flagged\">Flagged for the clinical lead</span>");
        assertThat(page).contains("id=\"episode-baseline\">NRS 7 · ODI 40 · RMDQ 12</dd>");
        String second = row(page, 2);
        assertThat(second).contains("<td>8</td><td>44</td><td>—</td>");
        assertThat(second).contains("NRS 1 worse, ODI 4 worse</td>").contains("Not reached");
        assertThat(second).contains("<td>2</td>").contains("<td>Heat</td>");
        assertThat(second).contains("Clinical lead asked to review: scores worse than at the first visit");
        assertThat(row(page, 1)).contains("Baseline").contains("Palpation, Ice massage").contains("Follow-up booked");
        assertThat(row(page, 3)).contains("Not reviewed yet").contains("Not decided yet");
        assertThat(page).contains("href=\"/sites/site-north/cases/" + CASE + "/review\">Record visit 3 review</a>");
        // The section is one of the page's live parts, fetched again on its own when the case changes.
        assertThat(page).contains("data-live-source=\"/sites/site-north/live\"")
                .contains("data-live-get=\"/sites/site-north/cases/" + CASE + "/episode\"");
        String part = given().get(CASE_PAGE + "/episode").then().statusCode(200).extract().asString();
        assertThat(part).contains("id=\"trajectory\"").contains("Record visit 3 review").doesNotContain("<html");
    }

    @Test
    @TestSecurity(user = "lead.north", roles = "clinical-lead")
    @OidcSecurity(claims = @Claim(key = "sites", value = "site-north"))
    void aDischargedEpisodeSaysSoAndANotYetKnownOneIsHidden() {
        aCaseWithAnOpenThirdVisit();
        when(followup.episode(CASE)).thenAnswer(call -> json(Forms.json("{'caseId':'" + CASE + "','status':"
                + "'DISCHARGED','flaggedForLead':false,'baseline':{'painNrs':7},'visits':[{'visit':2,'scores':"
                + "{'painNrs':3},'change':{'painNrs':4},'micReached':true,'decision':'DISCHARGE'}]}")));
        String page = given().get(CASE_PAGE).then().statusCode(200).extract().asString();
        assertThat(page).contains("id=\"episode-status\">Discharged</span>").doesNotContain("episode-flagged");
        assertThat(row(page, 2)).contains("NRS 4 better").contains("<strong>Reached</strong>")
                .contains("Discharged: the improvement was reached");
        // A clinical lead reads the trajectory but does not record the review.
        assertThat(page).contains("Visit 3 is open.").doesNotContain("Record visit 3 review");

        when(followup.episode(CASE)).thenAnswer(call -> Response.status(404).type("application/problem+json")
                .entity(Forms.json("{'status':404,'title':'Not found'}")).build());
        given().get(CASE_PAGE).then().statusCode(200).body(containsString("pt_EPISODE1"))
                .body(not(containsString("id=\"episode\""))).body(not(containsString("Episode of care")));
    }

    @Test
    @TestSecurity(user = "therapist.north", roles = "therapist")
    @OidcSecurity(claims = @Claim(key = "sites", value = "site-north"))
    void theReviewFormAsksEveryRedFlagQuestionAgainAndCarriesACsrfToken() {
        aCaseWithAnOpenThirdVisit();
        String form = given().get(CASE_PAGE + "/review").then().statusCode(200).extract().asString();
        assertThat(form).contains("Record visit 3 review of pt_EPISODE1");
        assertThat(form).contains("name=\"csrf-token\"").contains("name=\"visit\" value=\"3\"")
                .containsPattern("name=\"idempotencyKey\" value=\"[0-9a-f-]{36}\"");
        for (String question : RED_FLAGS) {
            assertThat(form).containsPattern("<select id=\"redFlags-" + question + "\" name=\"redFlags." + question
                    + "\" aria-required=\"true\"");
        }
        assertThat(form).contains("Saddle numbness").contains("value=\"NOT_ASKED\"");
        assertThat(form).contains("name=\"scores.painNrs\"").contains("name=\"scores.odi\"")
                .contains("name=\"scores.rmdq\"");
        assertThat(form).contains("name=\"neurologicalChange.power\"").contains("name=\"neurologicalChange.sensation\"")
                .contains("name=\"neurologicalChange.reflexes\"").contains("value=\"WORSE\"");
        assertThat(form).contains("name=\"observation.gait\"").doesNotContain("name=\"history.");
    }

    @Test
    @TestSecurity(user = "frontdesk.north", roles = "front-desk")
    @OidcSecurity(claims = @Claim(key = "sites", value = "site-north"))
    void aReviewIsSentToIntakeWithItsJsonAndIdempotencyKeyAndLeadsBackToTheCase() {
        aCaseWithAnOpenThirdVisit();
        when(intake.review(eq(CASE), anyString(), any())).thenReturn(Response.status(201).type("application/json")
                .entity(Forms.json("{'caseId':'" + CASE + "','visit':3,'historyVersion':3,'supersedesVersion':2}"))
                .build());
        Forms csrf = Forms.of(CASE_PAGE + "/review");

        completeReview(csrf).redirects().follow(false).formParam("scores.painNrs", "4")
                .formParam("idempotencyKey", "key-of-this-form")
                .post(CASE_PAGE + "/review").then().statusCode(303)
                .header("Location", containsString(CASE_PAGE + "?reviewed=true"));

        ArgumentCaptor<JsonNode> sent = ArgumentCaptor.forClass(JsonNode.class);
        verify(intake).review(eq(CASE), eq("key-of-this-form"), sent.capture());
        JsonNode body = sent.getValue();
        assertThat(body.path("visit").asInt()).isEqualTo(3);
        assertThat(body.path("scores").toString()).isEqualTo("{\"painNrs\":4,\"odi\":30}");
        assertThat(body.path("redFlags").size()).isEqualTo(RED_FLAGS.size());
        assertThat(body.at("/redFlags/majorTrauma").asText()).isEqualTo("YES");
        assertThat(body.at("/redFlags/saddleNumbness").asText()).isEqualTo("NO");
        assertThat(body.path("neurologicalChange").toString())
                .isEqualTo("{\"power\":\"UNCHANGED\",\"sensation\":\"IMPROVED\",\"reflexes\":\"WORSE\"}");
        // Nothing of the observation was filled in: it is left out, so the recorded one stays.
        assertThat(body.has("observation")).isFalse();
    }

    @Test
    @TestSecurity(user = "frontdesk.north", roles = "front-desk")
    @OidcSecurity(claims = @Claim(key = "sites", value = "site-north"))
    void aFieldTheIntakeServiceRefusedIsShownBesideItsFieldAndTheFormKeepsWhatWasTyped() {
        aCaseWithAnOpenThirdVisit();
        when(intake.review(eq(CASE), anyString(), any())).thenReturn(Response.status(400)
                .type("application/problem+json").entity(Forms.json("{'type':'https://problems.sciatica.care/"
                        + "validation','title':'The request is not valid','status':400,'errors':[{'field':"
                        + "'redFlags.ivDrugUse','reason':'is required; answer YES, NO or NOT_ASKED'},{'field':"
                        + "'scores.painNrs','reason':'must be at most 10'}]}")).build());
        Forms csrf = Forms.of(CASE_PAGE + "/review");

        String page = completeReview(csrf).formParam("scores.painNrs", "11")
                .post(CASE_PAGE + "/review").then().statusCode(400).extract().asString();

        assertThat(page).contains("<p class=\"field-error\" id=\"redFlags-ivDrugUse-error\">is required; answer YES,"
                + " NO or NOT_ASKED</p>");
        assertThat(page).contains("id=\"scores-painNrs-error\">must be at most 10</p>");
        assertThat(page).contains("Please check 2 fields").contains("href=\"#redFlags-ivDrugUse\"");
        assertThat(page).containsPattern("value=\"YES\"\\s+selected");
        assertThat(page).contains("name=\"csrf-token\"");
    }

    @Test
    @TestSecurity(user = "frontdesk.north", roles = "front-desk")
    @OidcSecurity(claims = @Claim(key = "sites", value = "site-north"))
    void aVisitThatIsNotOpenIsSaidPlainly() {
        aCaseWithAnOpenThirdVisit();
        when(intake.review(eq(CASE), anyString(), any())).thenReturn(Response.status(409)
                .type("application/problem+json").entity(Forms.json("{'type':'https://problems.sciatica.care/"
                        + "visit-not-open','title':'Conflict','status':409,'detail':'Visit 3 is not open for review;"
                        + " the open visit is none'}")).build());
        Forms csrf = Forms.of(CASE_PAGE + "/review");

        String page = completeReview(csrf).formParam("scores.painNrs", "4").post(CASE_PAGE + "/review").then()
                .statusCode(409).extract().asString();

        assertThat(page).contains("id=\"visit-refusal\">Visit 3 is not open for review: record the patient's"
                + " attendance first");
        assertThat(page).contains("rule <code class=\"rule\">VISIT_NOT_OPEN</code>");
        assertThat(page).contains("Visit 3 is not open for review; the open visit is none");
    }

    @Test
    @TestSecurity(user = "lead.north", roles = {"clinical-lead", "therapist"})
    @OidcSecurity(claims = @Claim(key = "sites", value = "site-north"))
    void theClinicalLeadDecidesOnAFlaggedEpisodeFromTheCaseView() {
        aCaseWithAnOpenThirdVisit();
        when(followup.decide(eq(CASE), anyString(), any())).thenReturn(Response.ok().type("application/json")
                .entity(Forms.json("{'caseId':'" + CASE + "','status':'OPEN','flaggedForLead':false}")).build());
        Forms csrf = Forms.of(CASE_PAGE);
        given().get(CASE_PAGE).then().statusCode(200)
                .body(containsString("id=\"lead-decision\""))
                .body(containsString("value=\"CHANGE_PLAN\""));

        given().cookie("csrf-token", csrf.cookie()).contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", csrf.token()).formParam("decision", "CONTINUE")
                .formParam("reason", "Flare after gardening").formParam("idempotencyKey", "lead-form-key")
                .redirects().follow(false).post(CASE_PAGE + "/episode/lead-decision").then().statusCode(303)
                .header("Location", containsString(CASE_PAGE + "?decided=true"));

        ArgumentCaptor<JsonNode> sent = ArgumentCaptor.forClass(JsonNode.class);
        verify(followup).decide(eq(CASE), eq("lead-form-key"), sent.capture());
        assertThat(sent.getValue().toString()).isEqualTo("{\"decision\":\"CONTINUE\",\"reason\":\"Flare after gardening\"}");
    }

    @Test
    @TestSecurity(user = "lead.north", roles = {"clinical-lead", "therapist"})
    @OidcSecurity(claims = @Claim(key = "sites", value = "site-north"))
    void aDecisionTheFollowUpServiceRefusesIsShownWithItsRule() {
        aCaseWithAnOpenThirdVisit();
        when(followup.decide(eq(CASE), anyString(), any())).thenReturn(Response.status(409)
                .type("application/problem+json").entity(Forms.json("{'type':'https://sciatica.care/problems/"
                        + "episode/no-lead-review','title':'Conflict','status':409,'detail':'No clinical lead review"
                        + " of episode is waiting'}")).build());
        Forms csrf = Forms.of(CASE_PAGE);

        String page = given().cookie("csrf-token", csrf.cookie()).contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", csrf.token()).formParam("decision", "REFER").formParam("reason", "x")
                .post(CASE_PAGE + "/episode/lead-decision").then().statusCode(409).extract().asString();

        assertThat(page).contains("The decision was not recorded").contains("No clinical lead review of episode is waiting");
    }

    @Test
    @TestSecurity(user = "frontdesk.north", roles = "front-desk")
    @OidcSecurity(claims = @Claim(key = "sites", value = "site-north"))
    void theFrontDeskIsNotOfferedTheLeadsDecision() {
        aCaseWithAnOpenThirdVisit();
        given().get(CASE_PAGE).then().statusCode(200).body(not(containsString("id=\"lead-decision\"")));
    }

    @Test
    @TestSecurity(user = "frontdesk.north", roles = "front-desk")
    @OidcSecurity(claims = @Claim(key = "sites", value = "site-north"))
    void aReviewWithoutItsCsrfTokenIsRefusedAndNothingIsSent() {
        given().contentType("application/x-www-form-urlencoded").formParam("visit", "3")
                .post(CASE_PAGE + "/review").then().statusCode(400);
        verify(intake, never()).review(anyString(), anyString(), any());
    }

    @Test
    @TestSecurity(user = "ops.chain", roles = "ops")
    @OidcSecurity(claims = @Claim(key = "sites", value = "site-north"))
    void anOpsUserCannotSeeTheReviewForm() {
        aCaseWithAnOpenThirdVisit();
        given().get(CASE_PAGE + "/review").then().statusCode(403)
                .body(containsString("Not for your role")).body(not(containsString("redFlags.saddleNumbness")));
        given().get(CASE_PAGE).then().statusCode(403).body(not(containsString("Record visit")));
    }

    /** A review with every question but the pain answered: ODI 30, major trauma now YES, sensation improved. */
    private static RequestSpecification completeReview(Forms csrf) {
        RequestSpecification request = given().cookie("csrf-token", csrf.cookie())
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", csrf.token())
                .formParam("visit", "3").formParam("scores.odi", "30").formParam("scores.rmdq", "")
                .formParams(Map.of("neurologicalChange.power", "UNCHANGED", "neurologicalChange.sensation",
                        "IMPROVED", "neurologicalChange.reflexes", "WORSE"));
        for (String question : RED_FLAGS) {
            request.formParam("redFlags." + question, question.equals("majorTrauma") ? "YES" : "NO");
        }
        return request;
    }

    /** The trajectory's row of one visit. */
    private static String row(String page, int visit) {
        int start = page.indexOf("<tr data-visit=\"" + visit + "\">");
        assertThat(start).as("row of visit %d", visit).isNotNegative();
        return page.substring(start, page.indexOf("</tr>", start));
    }

    private static Response json(String body) {
        return Response.ok(body).type("application/json").build();
    }
}
