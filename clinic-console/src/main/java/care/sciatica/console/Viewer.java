package care.sciatica.console;

import io.quarkus.qute.TemplateData;

import java.util.List;

/** What a page needs to know about the signed-in person: name, sites, the site in view, and which menus to offer. */
@TemplateData
public record Viewer(String name, List<String> sites, String site, boolean frontDesk, boolean therapist, boolean lead,
                     boolean ops) {

    public static Viewer of(Staff staff, String site) {
        return new Viewer(staff.name(), staff.sites(), site, staff.isFrontDesk(), staff.isTherapist(), staff.isLead(),
                staff.isOps());
    }

    public boolean manySites() {
        return sites.size() > 1;
    }
}
