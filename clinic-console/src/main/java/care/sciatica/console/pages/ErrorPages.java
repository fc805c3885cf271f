package care.sciatica.console.pages;

import care.sciatica.console.services.ServiceRefused;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.ForbiddenException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;

/**
 * What a person sees when they may not go on: an expired session (the services refused the token), a page their
 * role does not open, or a record that is not theirs to see (another site's record is simply "not found").
 */
public class ErrorPages {

    private final Template problemPage;

    public ErrorPages(@Location("problemPage.html") Template problemPage) {
        this.problemPage = problemPage;
    }

    @ServerExceptionMapper
    public Response refused(ServiceRefused refused) {
        if (refused.status() == 401) {
            return Response.seeOther(URI.create("/session-expired")).build();
        }
        if (refused.status() == 403) {
            return forbidden();
        }
        if (refused.status() == 404) {
            return page(404, "Not found", "There is nothing here for you: the record does not exist, or it belongs"
                    + " to a site that is not yours.");
        }
        return page(502, "A service did not answer as expected",
                "Please try again in a moment. If it keeps happening, tell the operations team (" + refused.status()
                        + ").");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException forbidden) {
        return forbidden();
    }

    private Response forbidden() {
        return page(403, "Not for your role", "Your role does not open this page. The start page shows the pages"
                + " you can use.");
    }

    private Response page(int status, String title, String explanation) {
        return Response.status(status).type(MediaType.TEXT_HTML)
                .entity(problemPage.data("title", title).data("explanation", explanation).render()).build();
    }
}
