package care.sciatica.console.pages;

import care.sciatica.console.Staff;
import care.sciatica.console.services.ServiceRefused;

/** The site in a page's address must be one of the signed-in person's sites; any other is "not found". */
final class Sites {

    private Sites() {
    }

    static void require(Staff staff, String siteId) {
        if (!staff.maySee(siteId)) {
            throw new ServiceRefused(404, "No site " + siteId + " among yours");
        }
    }
}
