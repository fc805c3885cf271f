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

/** The assessment service: a case's reasoning, overrides, and the site's assessments (e.g. referrals). */
@RegisterRestClient(configKey = "assessment")
@RegisterProvider(UserToken.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface AssessmentApi {

    @GET
    @Path("/cases/{caseId}/assessment")
    Response assessment(@PathParam("caseId") String caseId);

    @POST
    @Path("/cases/{caseId}/assessment/overrides")
    Response override(@PathParam("caseId") String caseId, @HeaderParam("Idempotency-Key") String key, JsonNode body);

    @GET
    @Path("/assessments")
    Response assessments(@QueryParam("siteId") String siteId, @QueryParam("disposition") String disposition);

    /** The service's audit trail of one case (clinical leads and admins). */
    @GET
    @Path("/audit")
    Response audit(@QueryParam("siteId") String siteId, @QueryParam("caseId") String caseId);
}
