package care.sciatica.systemtests;

import care.sciatica.local.RepositoryLayout;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The clinic console in a real Chromium against the packaged console, the four services, the realm's login page,
 * Kafka and PostgreSQL: the front desk records a first visit (and fixes a date in the future), the therapist sees the
 * case arrive on the worklist without reloading and runs the whole session (seeing the protocol refuse a third ice
 * cube and the area massage under heat), the appointment it books shows in the front desk's day, the operations
 * board moves by exactly that case, and the other site's staff never see any of it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {

    private static final ZoneId CLINIC_ZONE = ZoneId.of("Europe/London");
    private static final Path SCREENSHOTS = Path.of("target/screenshots/console");

    private static RunningPlatform platform;
    private static ConsoleBrowser frontDesk;
    private static ConsoleBrowser therapist;
    private static ConsoleBrowser ops;
    private static String caseId;
    private static String familyName;
    private static Map<String, Long> boardBefore;

    @BeforeAll
    static void signIn() throws IOException {
        platform = RunningPlatform.shared();
        if (Files.isDirectory(SCREENSHOTS)) {
            try (var old = Files.list(SCREENSHOTS)) {
                old.forEach(file -> file.toFile().delete());
            }
        }
        therapist = ConsoleBrowser.signedIn(platform.consoleUrl(), "therapist.north", SCREENSHOTS, 768);
        frontDesk = ConsoleBrowser.signedIn(platform.consoleUrl(), "frontdesk.north", SCREENSHOTS);
        ops = ConsoleBrowser.signedIn(platform.consoleUrl(), "ops.chain", SCREENSHOTS);
    }

    /** Every page the steps passed through has no serious or critical accessibility violation (axe-core). */
    @org.junit.jupiter.api.AfterEach
    void everyPageSeenIsAccessible() {
        for (ConsoleBrowser browser : new ConsoleBrowser[] {frontDesk, therapist, ops}) {
            if (browser != null) {
                assertThat(browser.accessibilityProblems()).isEmpty();
            }
        }
    }

    @AfterAll
    static void closeBrowsers() {
        for (ConsoleBrowser browser : new ConsoleBrowser[] {frontDesk, therapist, ops}) {
            if (browser != null) {
                browser.close();
            }
        }
    }

    @Test
    @Order(1)
    void theFrontDeskRecordsAFirstVisitAndFixesADateInTheFuture() throws IOException {
        ops.open("/ops?site=site-north");
        boardBefore = board(ops);
        ops.screenshot("board-before");

        therapist.open("/sites/site-north/worklist");
        therapist.awaitElement("#worklist");
        therapist.awaitElement("[data-live-source][data-live-state='open']");
        therapist.script("window.notReloaded = true;");
        therapist.screenshot("worklist-before");

        frontDesk.open("/sites/site-north/intake");
        frontDesk.awaitElement("form.intake");
        familyName = "Browser-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode intake = firstVisit();
        String future = LocalDate.now(CLINIC_ZONE).plusDays(3).toString();
        ((ObjectNode) intake.at("/history/onset")).put("beganOn", future);
        fill(frontDesk, "", intake);
        frontDesk.screenshot("intake-filled");
        frontDesk.submit("form.intake button[type=submit]");

        WebElement error = frontDesk.awaitElement("[data-field='history.onset.beganOn'] .field-error");
        assertThat(error.getText()).contains(future).contains("in the future");
        assertThat(frontDesk.find("#history-onset-beganOn").getAttribute("aria-invalid")).isEqualTo("true");
        // The form is kept as typed.
        assertThat(frontDesk.find("#patient-familyName").getAttribute("value")).isEqualTo(familyName);
        assertThat(frontDesk.find("#history-onset-beganOn").getAttribute("value")).isEqualTo(future);
        assertThat(frontDesk.find("#history-pain-nrsNow").getAttribute("value")).isEqualTo("6");
        assertThat(frontDesk.text(".error-summary")).contains("history.onset.beganOn");
        frontDesk.screenshot("intake-future-date-refused");

        WebElement beganOn = frontDesk.find("#history-onset-beganOn");
        beganOn.clear();
        beganOn.sendKeys("2026-02-20");
        frontDesk.submit("form.intake button[type=submit]");
        frontDesk.awaitElement("#recorded");
        caseId = frontDesk.text("#case-id");
        assertThat(frontDesk.pageSource()).contains("The first visit is recorded");
        frontDesk.screenshot("intake-recorded");
    }

    @Test
    @Order(2)
    void theTherapistSeesTheCaseArriveAndRunsTheWholeSession() {
        // Without a reload: the live feed tells the page, which fetches its rows again.
        String row = "#worklist tr[data-case='" + caseId + "']";
        therapist.awaitElement(row);
        assertThat(therapist.script("return window.notReloaded === true")).isEqualTo(true);
        // The live feed may fetch the rows again at any moment (each event of the case): read and click what is there.
        await().atMost(ConsoleBrowser.WAIT).ignoreException(StaleElementReferenceException.class)
                .untilAsserted(() -> assertThat(therapist.text(row)).contains("Lumbar"));
        therapist.screenshot("worklist-case-arrived");

        await().atMost(ConsoleBrowser.WAIT).ignoreException(StaleElementReferenceException.class)
                .untilAsserted(() -> therapist.find(row + " a").click());
        therapist.awaitElement("#open-session");
        assertThat(therapist.text("#plan-ice-massage")).contains("Included");
        therapist.screenshot("assessment");
        therapist.submit("#open-session");

        therapist.awaitElement("#pain-before input[name=nrs]").sendKeys("6");
        therapist.submit("#pain-before button");
        for (WebElement point : therapist.all("#explanation input[type=checkbox]")) {
            point.click();
        }
        therapist.submit("#explanation button");
        therapist.awaitElement("#consent button");
        therapist.screenshot("runner-consent");
        therapist.submit("#consent button");
        assertThat(therapist.has("#withdraw")).as("withdrawal one tap away").isTrue();

        therapist.submit("#palpation form.perform button[type=submit]");

        // A third cube, typed: the protocol refuses it with its rule.
        WebElement cubes = therapist.awaitElement("#ice-massage #ice-cubes");
        cubes.clear();
        cubes.sendKeys("3");
        therapist.submit("#ice-massage form.perform button[type=submit]");
        assertThat(therapist.text("#refusal")).contains("ICE_CUBE_LIMIT").contains("two ice cubes");
        assertThat(therapist.has("#ice-massage.refused")).isTrue();
        therapist.screenshot("runner-third-ice-cube-refused");
        // The stepper itself never goes above two.
        therapist.find("#ice-massage [data-cubes='1']").click();
        therapist.find("#ice-massage [data-cubes='1']").click();
        therapist.find("#ice-massage [data-cubes='1']").click();
        assertThat(therapist.find("#ice-cubes").getAttribute("value")).isEqualTo("2");
        therapist.submit("#ice-massage form.perform button[type=submit]");
        assertThat(therapist.has("#ice-massage.done")).isTrue();

        therapist.submit("#heat form.perform button[type=submit]");
        assertThat(therapist.text("#heat-on")).contains("Heat on since");
        await().atMost(ConsoleBrowser.WAIT).until(() -> !therapist.text("#heat-on .timer").equals("0:00"));
        therapist.screenshot("runner-heat-on");
        therapist.submit("#massage-leg-under-heat form.perform button[type=submit]");

        therapist.submit("#massage-area-and-spine form.perform button[type=submit]");
        assertThat(therapist.text("#refusal")).contains("MASSAGE_UNDER_HEAT").contains("remove the heat first");
        therapist.screenshot("runner-area-massage-under-heat-refused");
        therapist.submit("#remove-heat");
        assertThat(therapist.has("#heat-on")).isFalse();
        therapist.submit("#massage-area-and-spine form.perform button[type=submit]");
        assertThat(therapist.has("#massage-area-and-spine.done")).isTrue();

        // The rest of the plan skipped at the patient's wish; excluded steps are shown as unavailable.
        while (therapist.has("li.step:not(.done):not(.unavailable) form.skip")) {
            therapist.submit("li.step:not(.done):not(.unavailable) form.skip button");
        }
        therapist.awaitElement("#pain-after input[name=nrs]").sendKeys("3");
        therapist.submit("#pain-after button");
        therapist.submit("#advice button");
        therapist.screenshot("runner-before-completion");
        therapist.submit("#complete");
        assertThat(therapist.text("#session-state")).isEqualTo("Completed");
        therapist.screenshot("runner-completed");
        therapist.fullPageScreenshot(Path.of("target/screenshots/session-runner.png"));
    }

    @Test
    @Order(3)
    void theBookedAppointmentShowsInTheFrontDesksDay() {
        frontDesk.open("/sites/site-north/cases/" + caseId);
        await().atMost(ConsoleBrowser.WAIT).until(() -> {
            frontDesk.open("/sites/site-north/cases/" + caseId);
            return frontDesk.has("#appointments li");
        });
        frontDesk.screenshot("case-with-appointment");
        frontDesk.submit("#appointments li a");
        WebElement appointment = frontDesk.awaitElement("#appointments tr[data-case='" + caseId + "']");
        // Booked by the follow-up service and not yet confirmed by the patient or a booking system.
        assertThat(appointment.getText()).contains("Proposed").contains("Confirm");
        frontDesk.screenshot("day-with-appointment");
    }

    @Test
    @Order(4)
    void theOperationsBoardMovesByExactlyThatCase() {
        ops.open("/ops?site=site-north");
        Map<String, Long> after = board(ops);
        assertThat(after.get("opened")).isEqualTo(boardBefore.get("opened") + 1);
        assertThat(after.get("HISTORY_RECORDED")).isEqualTo(boardBefore.getOrDefault("HISTORY_RECORDED", 0L) + 1);
        assertThat(ops.text("#chart-latency-intake")).contains("not available");
        assertThat(ops.pageSource()).doesNotContain(familyName).doesNotContain(caseId);
        ops.screenshot("board-after");
        ops.fullPageScreenshot(Path.of("target/screenshots/ops-board.png"));
    }

    @Test
    @Order(5)
    void theOtherSitesStaffNeverSeeIt() {
        try (ConsoleBrowser south = ConsoleBrowser.signedIn(platform.consoleUrl(), "therapist.south", SCREENSHOTS);
             ConsoleBrowser southDesk = ConsoleBrowser.signedIn(platform.consoleUrl(), "frontdesk.south", SCREENSHOTS)) {
            south.open("/sites/site-south/worklist");
            south.awaitElement("#worklist");
            assertThat(south.pageSource()).doesNotContain(caseId);
            south.open("/sites/site-north/worklist");
            assertThat(south.text("h1")).isEqualTo("Not found");
            south.open("/sites/site-south/cases/" + caseId + "/assessment");
            assertThat(south.text("h1")).isEqualTo("Not found");
            south.screenshot("other-site-not-found");

            southDesk.open("/sites/site-south/cases");
            assertThat(southDesk.pageSource()).doesNotContain(caseId).doesNotContain(familyName);
            southDesk.open("/sites/site-south/cases/" + caseId);
            assertThat(southDesk.text("h1")).isEqualTo("Not found");
            southDesk.open("/sites/site-north/cases/" + caseId);
            assertThat(southDesk.text("h1")).isEqualTo("Not found");
            assertThat(southDesk.pageSource()).doesNotContain(familyName);
            southDesk.screenshot("other-site-case-not-found");
            assertThat(south.accessibilityProblems()).isEmpty();
            assertThat(southDesk.accessibilityProblems()).isEmpty();
        }
    }

    @Test
    @Order(6)
    void thePatientComesBackAndTheFrontDeskRecordsTheVisitReviewAndSeesTheTrajectory() {
        ClinicFlows flows = new ClinicFlows(platform, null);
        String appointmentId = ClinicFlows.json(flows.as(platform.tokenFor("frontdesk.north"), "followup-service")
                .get("/cases/" + caseId + "/appointments").then().statusCode(200).extract().asString())
                .get(0).get("appointmentId").asText();
        Instant start = flows.moveIntoThePast(appointmentId);
        String day = start.atZone(CLINIC_ZONE).toLocalDate().toString();

        // The front desk records the attendance on the day's list: visit 2 opens.
        frontDesk.open("/sites/site-north/day?day=" + day);
        frontDesk.awaitElement("tr[data-appointment='" + appointmentId + "']");
        frontDesk.submit("tr[data-appointment='" + appointmentId + "'] form[action$='/attended'] button");
        await().atMost(ConsoleBrowser.WAIT).until(() -> {
            frontDesk.open("/sites/site-north/cases/" + caseId);
            return frontDesk.has("#record-review");
        });
        frontDesk.screenshot("case-with-open-visit");
        click(frontDesk, "#record-review");
        frontDesk.awaitElement("form.intake");

        ObjectNode review = ClinicFlows.json("{}").deepCopy();
        review.putObject("scores").put("painNrs", 3).put("odi", 20);
        review.set("redFlags", ClinicFlows.exampleHistory().get("redFlags"));
        review.putObject("neurologicalChange").put("power", "IMPROVED").put("sensation", "UNCHANGED")
                .put("reflexes", "UNCHANGED");
        fill(frontDesk, "", review);
        frontDesk.screenshot("visit-review-filled");
        frontDesk.submit("form.intake button[type='submit']");

        // Back on the case: the review reached the follow-up service, whose trajectory now has visit 2's scores.
        await().atMost(ConsoleBrowser.WAIT).until(() -> {
            frontDesk.open("/sites/site-north/cases/" + caseId);
            return frontDesk.has("#trajectory tr[data-visit='2']")
                    && frontDesk.text("#trajectory tr[data-visit='2']").contains("Reached");
        });
        // NRS 6 → 3 and ODI 42 → 20 against the demo history's baseline.
        assertThat(frontDesk.text("#trajectory tr[data-visit='2']")).contains("NRS 3 better").contains("ODI 22 better");
        assertThat(frontDesk.has("#record-review")).isFalse();
        frontDesk.screenshot("case-with-trajectory");
        assertThat(frontDesk.accessibilityProblems()).isEmpty();
    }

    /** The board's counts of the cases opened today and by status, read from the text beside each chart. */
    private static Map<String, Long> board(ConsoleBrowser browser) {
        browser.awaitElement("#chart-cases-today");
        Map<String, Long> counts = new java.util.HashMap<>();
        Matcher opened = Pattern.compile("Cases opened today: (\\d+)").matcher(browser.text("#chart-cases-today figcaption"));
        assertThat(opened.find()).isTrue();
        counts.put("opened", Long.parseLong(opened.group(1)));
        for (WebElement row : browser.all("#chart-cases-today .chart-values li")) {
            String[] parts = row.getText().split(": ");
            counts.put(parts[0], Long.parseLong(parts[1]));
        }
        return counts;
    }

    /** The demo first visit (a left L5 radiculopathy) for a new patient, without Raynaud's: the plan keeps ice. */
    private static ObjectNode firstVisit() throws IOException {
        JsonNode demo = ClinicFlows.json(Files.readString(RepositoryLayout.root().resolve("seeds/demo/intake-lumbar.json")));
        ObjectNode intake = ClinicFlows.json("{}").deepCopy();
        ObjectNode patient = intake.putObject("patient");
        patient.put("givenName", "Robin").put("familyName", familyName).put("birthDate", "1980-05-17")
                .put("phone", "07700 900789");
        ObjectNode history = demo.get("history").deepCopy();
        ((ObjectNode) history.get("conditions")).put("raynauds", false);
        intake.set("history", history);
        return intake;
    }

    /** Fills the form's inputs, which are named by the JSON path of the value they hold. */
    private static void fill(ConsoleBrowser browser, String prefix, JsonNode node) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                fill(browser, prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue());
            }
            return;
        }
        if (node.isArray()) {
            for (JsonNode value : node) {
                click(browser, "input[name='" + prefix + "'][value='" + value.asText() + "']");
            }
            return;
        }
        String selector = "[name='" + prefix + "']";
        WebElement input = browser.find(selector);
        String type = input.getAttribute("type");
        if ("checkbox".equals(type)) {
            if (node.asBoolean()) {
                click(browser, selector);
            }
        } else if ("radio".equals(type)) {
            click(browser, "input[name='" + prefix + "'][value='" + node.asText() + "']");
        } else if ("select".equals(input.getTagName())) {
            new org.openqa.selenium.support.ui.Select(input).selectByValue(node.asText());
        } else {
            input.clear();
            input.sendKeys(node.asText());
        }
    }

    private static void click(ConsoleBrowser browser, String selector) {
        WebElement element = browser.find(selector);
        browser.script("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }
}
