package care.sciatica.intake.api;

import care.sciatica.intake.usecase.SiteCases;
import care.sciatica.platform.problem.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A site's cases: the list for its staff, and counts by status for ops (numbers only). */
@Path("/sites/{siteId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sites")
public class SiteResource {

    private final SiteCases siteCases;

    public SiteResource(SiteCases siteCases) {
        this.siteCases = siteCases;
    }

    @GET
    @Path("cases")
    @RolesAllowed({Roles.FRONT_DESK, Roles.THERAPIST, Roles.CLINICAL_LEAD})
    @Operation(summary = "List a site's cases, newest first, a page at a time")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = ApiDocs.INVALID,
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not one of the caller's sites",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Uni<CasePage> list(
            @PathParam("siteId") String siteId,
            @Parameter(description = "OPEN or HISTORY_RECORDED; any when absent",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"OPEN", "HISTORY_RECORDED"}))
            @QueryParam("status") String status,
            @Parameter(description = "First day opened, YYYY-MM-DD (inclusive)",
                    schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("openedFrom") String openedFrom,
            @Parameter(description = "Last day opened, YYYY-MM-DD (inclusive)",
                    schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("openedTo") String openedTo,
            @Parameter(description = "Page number from 0", schema = @Schema(type = SchemaType.INTEGER, minimum = "0"))
            @QueryParam("page") String page,
            @Parameter(description = "Cases per page, 1 to 100 (20 when absent)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
            @QueryParam("size") String size) {
        CaseQuery query = new CaseQuery();
        CaseFilter filter = query.filter(status, openedFrom, openedTo);
        int pageNumber = query.number("page", page, 0, 0, 100_000);
        int pageSize = query.number("size", size, 20, 1, CaseQuery.MAX_PAGE_SIZE);
        query.refuseProblems();
        return siteCases.list(siteId, filter, pageNumber, pageSize);
    }

    @GET
    @Path("case-counts")
    @RolesAllowed({Roles.OPS, Roles.FRONT_DESK, Roles.THERAPIST, Roles.CLINICAL_LEAD})
    @Operation(summary = "Count a site's cases by status",
            description = "Numbers only: no clinical record and no identity, so ops may see them for their sites.")
    @APIResponse(responseCode = "200", description = "The counts, every status present")
    @APIResponse(responseCode = "400", description = ApiDocs.INVALID,
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not one of the caller's sites",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Uni<CaseCounts> counts(
            @PathParam("siteId") String siteId,
            @Parameter(description = "First day opened, YYYY-MM-DD (inclusive)",
                    schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("openedFrom") String openedFrom,
            @Parameter(description = "Last day opened, YYYY-MM-DD (inclusive)",
                    schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("openedTo") String openedTo) {
        CaseQuery query = new CaseQuery();
        CaseFilter filter = query.filter(null, openedFrom, openedTo);
        query.refuseProblems();
        return siteCases.count(siteId, filter);
    }
}
