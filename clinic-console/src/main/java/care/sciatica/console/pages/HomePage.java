package care.sciatica.console.pages;

import care.sciatica.console.Staff;
import care.sciatica.console.Viewer;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The start page: the signed-in person's sites, each with the pages their roles open; and the public end pages. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePage {

    private final Staff staff;
    private final Template home;
    private final Template sessionExpired;
    private final Template signedOut;

    public HomePage(Staff staff, @Location("home.html") Template home,
                    @Location("sessionExpired.html") Template sessionExpired,
                    @Location("signedOut.html") Template signedOut) {
        this.staff = staff;
        this.home = home;
        this.sessionExpired = sessionExpired;
        this.signedOut = signedOut;
    }

    @GET
    public TemplateInstance home() {
        String site = staff.sites().isEmpty() ? null : staff.sites().getFirst();
        return home.data("viewer", Viewer.of(staff, site));
    }

    @GET
    @Path("session-expired")
    public TemplateInstance expired() {
        return sessionExpired.instance();
    }

    @GET
    @Path("signed-out")
    public TemplateInstance signedOut() {
        return signedOut.instance();
    }
}
