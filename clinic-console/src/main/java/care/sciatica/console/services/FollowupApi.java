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

/** The follow-up service: appointments, a case's episode of care, open tasks and the site's day as counts. */
@RegisterRestClient(configKey = "followup")
@RegisterProvider(UserToken.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface FollowupApi {

    @GET
    @Path("/appointments")
    Response day(@QueryParam("siteId") String siteId, @QueryParam("day") String day);

    @GET
    @Path("/cases/{caseId}/appointments")
    Response appointmentsOfCase(@PathParam("caseId") String caseId);

    /** A case's episode of care: baseline, each visit's scores and change, the policy's decisions (404 until known). */
    @GET
    @Path("/cases/{caseId}/episode")
    Response episode(@PathParam("caseId") String caseId);

    /** A clinical lead's decision on a flagged episode: CONTINUE, CHANGE_PLAN or REFER, with a reason. */
    @POST
    @Path("/cases/{caseId}/episode/lead-decisions")
    Response decide(@PathParam("caseId") String caseId, @HeaderParam("Idempotency-Key") String key, JsonNode body);

    /** {@code confirmation}, {@code reschedule}, {@code cancellation} or {@code attendance}. */
    @POST
    @Path("/appointments/{id}/{change}")
    Response change(@PathParam("id") String appointmentId, @PathParam("change") String change,
                    @HeaderParam("Idempotency-Key") String key, JsonNode body);

    @GET
    @Path("/tasks")
    Response tasks(@QueryParam("siteId") String siteId);

    @GET
    @Path("/ops/sites/{siteId}/days/{day}")
    Response siteDay(@PathParam("siteId") String siteId, @PathParam("day") String day);

    /** The service's audit trail of one case (clinical leads and admins). */
    @GET
    @Path("/audit")
    Response audit(@QueryParam("siteId") String siteId, @QueryParam("caseId") String caseId);
}
