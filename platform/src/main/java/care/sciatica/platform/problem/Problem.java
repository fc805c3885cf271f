package care.sciatica.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** An RFC 9457 problem details body, with the fields a caller can act on. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldProblem> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One field that was refused, named by its JSON path, with the reason. */
    public record FieldProblem(String field, String reason) {
    }
}
