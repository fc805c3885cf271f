package care.sciatica.console;

import care.sciatica.console.services.AssessmentApi;
import care.sciatica.console.services.FollowupApi;
import care.sciatica.console.services.IntakeApi;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

/** The operations board (counts only, Prometheus optional) and the clinical lead's page. */
@QuarkusTest
@ConsoleTestResources
class OpsAndLeadPagesTest {

    @InjectMock
    @RestClient
    IntakeApi intake;

    @InjectMock
    @RestClient
    FollowupApi followup;

    @InjectMock
    @RestClient
    AssessmentApi assessments;

    @Test
    @TestSecurity(user = "ops.chain", roles = "ops")
    @OidcSecurity(claims = @Claim(key = "sites", value = "site-north"))
    void theBoardDrawsTheSitesCountsAndSaysWhenPrometheusIsNotThere() {
        when(intake.caseCounts(eq("site-north"), anyString(), anyString())).thenAnswer(call -> json(Forms.json(
                "{'siteId':'site-north','byStatus':{'OPEN':2,'HISTORY_RECORDED':5},'total':7}")));
        when(followup.siteDay(eq("site-north"), anyString())).thenAnswer(call -> json(Forms.json(
                "{'siteId':'site-north','appointmentsByState':{'SCHEDULED':3,'CONFIRMED':1},'appointmentsBooked':4,"
                        + "'tasksOpen':2,'tasksOpened':1}")));

        String page = given().get("/ops?site=site-north").then().statusCode(200).extract().asString();

        assertThat(page).contains("Cases opened today: 7, by status");
        assertThat(page).contains("<li>OPEN: 2</li>").contains("<li>HISTORY_RECORDED: 5</li>");
        assertThat(page).contains("<li>SCHEDULED: 3</li>").contains("<li>site-north: 2</li>");
        assertThat(page).contains("data-chart=\"{&quot;");
        assertThat(page).contains("/webjars/chart.js/4.4.1/dist/chart.umd.js");
        assertThat(page).contains("not available: Prometheus is not reachable");
        assertThat(page).contains("data-live-source=\"/sites/site-north/live\"");
    }

    @Test
    @TestSecurity(user = "frontdesk.north", roles = "front-desk")
    @OidcSecurity(claims = @Claim(key = "sites", value = "site-north"))
    void theBoardIsForOperationsOnly() {
        given().get("/ops").then().statusCode(403).body(containsString("Not for your role"));
    }

    @Test
    @TestSecurity(user = "lead.north", roles = {"clinical-lead", "therapist"})
    @OidcSecurity(claims = @Claim(key = "sites", value = "site-north"))
    void theLeadSeesFlaggedTasksAndReferralsMostUrgentFirst() {
        when(followup.tasks("site-north")).thenAnswer(call -> json(Forms.json("[{'taskId':'t1','caseId':"
                + "'c1','siteId':'site-north','patientRef':'pt_FLAGGED1','kind':'CALL_PATIENT','reason':'NO_SHOW',"
                + "'flaggedForLead':true,'status':'OPEN'},{'taskId':'t2','caseId':'c2','siteId':'site-north',"
                + "'patientRef':'pt_ROUTINE1','kind':'BOOK_FOLLOW_UP','reason':'WINDOW','flaggedForLead':false,"
                + "'status':'OPEN'}]")));
        when(assessments.assessments("site-north", "REFERRAL")).thenAnswer(call -> json(Forms.json("{'items':["
                + "{'caseId':'r1','patientRef':'pt_ROUTINE9','urgency':'ROUTINE','disposition':'REFERRAL'},"
                + "{'caseId':'r2','patientRef':'pt_EMERGE9','urgency':'EMERGENCY','disposition':'REFERRAL'}]}")));

        String page = given().get("/sites/site-north/lead").then().statusCode(200).extract().asString();

        String flagged = page.substring(page.indexOf("id=\"flagged\""), page.indexOf("Referrals to arrange"));
        assertThat(flagged).contains("pt_FLAGGED1").doesNotContain("pt_ROUTINE1");
        assertThat(page.indexOf("pt_EMERGE9")).isLessThan(page.indexOf("pt_ROUTINE9"));
    }

    @Test
    @TestSecurity(user = "lead.north", roles = "clinical-lead")
    @OidcSecurity(claims = @Claim(key = "sites", value = "site-north"))
    void theEpisodesReasonsForALeadReviewReadInPlainWordsAndLeadToTheCase() {
        when(followup.tasks("site-north")).thenAnswer(call -> json(Forms.json("[{'taskId':'t1','caseId':'c1',"
                + "'siteId':'site-north','patientRef':'pt_WORSE001','kind':'CLINICAL_LEAD_REVIEW','reason':"
                + "'WORSE_THAN_BASELINE','flaggedForLead':true,'status':'OPEN'},{'taskId':'t2','caseId':'c2',"
                + "'siteId':'site-north','patientRef':'pt_STILL001','kind':'CLINICAL_LEAD_REVIEW','reason':"
                + "'NOT_IMPROVING','flaggedForLead':true,'status':'OPEN'},{'taskId':'t3','caseId':'c3','siteId':"
                + "'site-north','patientRef':'pt_CAPPED01','kind':'CLINICAL_LEAD_REVIEW','reason':"
                + "'VISIT_CAP_REACHED','flaggedForLead':true,'status':'OPEN'}]")));
        when(assessments.assessments("site-north", "REFERRAL")).thenAnswer(call -> json("{\"items\":[]}"));

        String page = given().get("/sites/site-north/lead").then().statusCode(200).extract().asString();

        String flagged = page.substring(page.indexOf("id=\"flagged\""), page.indexOf("Referrals to arrange"));
        assertThat(flagged).contains("<td>Clinical lead review</td><td>Scores worse than at the first visit</td>")
                .contains("<td>No important improvement by now</td>")
                .contains("<td>The visit limit of the site is reached; nothing more is booked until a lead"
                        + " decides</td>")
                .contains("<a href=\"/sites/site-north/cases/c1\">Case and trajectory</a>")
                .contains("<a href=\"/sites/site-north/cases/c3\">Case and trajectory</a>");
        assertThat(page.substring(page.indexOf("id=\"tasks\"")))
                .contains("<a href=\"/sites/site-north/cases/c2\">pt_STILL001</a>");
    }

    private static Response json(String body) {
        return Response.ok(body).type("application/json").build();
    }
}
