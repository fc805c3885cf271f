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

/** The intake service as the signed-in user calls it (their access token is added to every call). */
@RegisterRestClient(configKey = "intake")
@RegisterProvider(UserToken.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface IntakeApi {

    @POST
    @Path("/intakes")
    Response recordIntake(@HeaderParam("Idempotency-Key") String key, JsonNode intake);

    @GET
    @Path("/sites/{siteId}/cases")
    Response cases(@PathParam("siteId") String siteId, @QueryParam("status") String status,
                   @QueryParam("openedFrom") String openedFrom, @QueryParam("openedTo") String openedTo,
                   @QueryParam("page") Integer page);

    @GET
    @Path("/sites/{siteId}/case-counts")
    Response caseCounts(@PathParam("siteId") String siteId, @QueryParam("openedFrom") String openedFrom,
                        @QueryParam("openedTo") String openedTo);

    @GET
    @Path("/cases/{caseId}")
    Response caseOf(@PathParam("caseId") String caseId);

    @GET
    @Path("/patients/{patientRef}")
    Response patient(@PathParam("patientRef") String patientRef);

    @POST
    @Path("/cases/{caseId}/history/amendments")
    Response amendHistory(@PathParam("caseId") String caseId, @HeaderParam("Idempotency-Key") String key,
                          JsonNode amendment);

    /** The review at the case's open follow-up visit, recorded as a new history version. */
    @POST
    @Path("/cases/{caseId}/reviews")
    Response review(@PathParam("caseId") String caseId, @HeaderParam("Idempotency-Key") String key, JsonNode review);

    @GET
    @Path("/patients/{patientRef}/export")
    Response export(@PathParam("patientRef") String patientRef);

    @POST
    @Path("/patients/{patientRef}/erasure")
    Response erase(@PathParam("patientRef") String patientRef, @HeaderParam("Idempotency-Key") String key);

    /** The service's audit trail of one case (clinical leads and admins). */
    @GET
    @Path("/audit")
    Response audit(@QueryParam("siteId") String siteId, @QueryParam("caseId") String caseId);
}
