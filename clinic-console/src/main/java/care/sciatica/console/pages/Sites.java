package care.sciatica.console.pages;

import care.sciatica.console.Staff;
import care.sciatica.console.services.Answers;
import care.sciatica.console.services.IntakeApi;
import care.sciatica.console.services.ServiceRefused;
import com.fasterxml.jackson.databind.JsonNode;

/** The site in a page's address must be one of the signed-in person's sites; any other is "not found". */
final class Sites {

    private Sites() {
    }

    static void require(Staff staff, String siteId) {
        if (!staff.maySee(siteId)) {
            throw new ServiceRefused(404, "No site " + siteId + " among yours");
        }
    }

    /** The case as intake shows it, when it is a case of this site; a case of another site is "not found" here. */
    static JsonNode caseAt(IntakeApi intake, String siteId, String caseId) {
        JsonNode found = Answers.read(() -> intake.caseOf(caseId));
        if (!siteId.equals(found.path("siteId").asText())) {
            throw new ServiceRefused(404, "No case " + caseId + " at " + siteId);
        }
        return found;
    }
}
