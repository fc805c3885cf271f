package care.sciatica.platform.http;

import care.sciatica.platform.problem.Problem;
import care.sciatica.platform.problem.ProblemTypes;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.Map;

/**
 * Declares in every service's OpenAPI document the problem answers the chassis gives on every operation, with the
 * Problem schema, and gives the problem+json content to the 4xx/5xx answers a service describes in words only.
 */
public class ProblemResponses implements OASFilter {

    static final String SCHEMA = "Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        components.addSchema(SCHEMA, problemSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (path.getKey().startsWith("/fhir")) {
                continue;
            }
            Map<PathItem.HttpMethod, Operation> operations = path.getValue().getOperations();
            if (operations == null) {
                continue;
            }
            operations.forEach((method, operation) -> declare(operation,
                    operation.getRequestBody() != null || method == PathItem.HttpMethod.POST
                            || method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.PATCH,
                    path.getKey().contains("{")));
        }
    }

    private static void declare(Operation operation, boolean hasBody, boolean hasPathParameters) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        add(responses, "400", "The request is not valid: a field, parameter or the JSON itself (names the field)");
        add(responses, "401", "No valid bearer token (WWW-Authenticate: Bearer)");
        add(responses, "403", "Your role or site does not allow this");
        if (hasPathParameters) {
            add(responses, "404", "No such record, or it is another site's");
        }
        add(responses, "406", "Only application/json is answered");
        if (hasBody) {
            add(responses, "409", "Conflicts with the current state, or a concurrent change (Retry-After)");
            add(responses, "413", "The body is larger than the service accepts");
            add(responses, "415", "The body must be application/json");
        }
        add(responses, "429", "Too many requests from this client (Retry-After)");
        add(responses, "500", "Unexpected failure; nothing was stored");
        // Answers a service describes in words get the problem content too.
        responses.getAPIResponses().forEach((code, response) -> {
            if ((code.startsWith("4") || code.startsWith("5")) && response.getRef() == null
                    && (response.getContent() == null || response.getContent().getMediaTypes() == null
                    || response.getContent().getMediaTypes().isEmpty())) {
                response.setContent(problemContent());
            }
        });
    }

    private static void add(APIResponses responses, String code, String description) {
        if (!responses.hasAPIResponse(code)) {
            APIResponse response = OASFactory.createAPIResponse().description(description + " (problem+json)")
                    .content(problemContent());
            responses.addAPIResponse(code, response);
        }
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(SCHEMA)));
    }

    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema field = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("JSON path of the field, or the parameter's name"))
                .addProperty("reason", OASFactory.createSchema().addType(Schema.SchemaType.STRING));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details; type is a stable URI under " + ProblemTypes.uri(""))
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri"))
                .addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(301))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(field))
                .addRequired("type").addRequired("title").addRequired("status");
    }
}
