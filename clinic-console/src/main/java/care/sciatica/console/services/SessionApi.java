package care.sciatica.console.services;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The session service: the worklist and every command of a running session. */
@RegisterRestClient(configKey = "session")
@RegisterProvider(UserToken.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface SessionApi {

    @GET
    @Path("/worklist")
    Response worklist(@QueryParam("siteId") String siteId);

    @POST
    @Path("/sessions")
    Response open(@HeaderParam("Idempotency-Key") String key, JsonNode body);

    @GET
    @Path("/sessions/{id}")
    Response session(@PathParam("id") String sessionId);

    /** One of the session's commands ({@code explanation}, {@code consent}, {@code steps}, {@code completion}, …). */
    @POST
    @Path("/sessions/{id}/{command}")
    Response command(@PathParam("id") String sessionId, @PathParam("command") String command,
                     @HeaderParam("Idempotency-Key") String key, JsonNode body);

    /** The service's audit trail of one case (clinical leads and admins). */
    @GET
    @Path("/audit")
    Response audit(@QueryParam("siteId") String siteId, @QueryParam("caseId") String caseId);
}
