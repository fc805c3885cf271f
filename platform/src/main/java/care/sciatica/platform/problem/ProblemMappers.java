package care.sciatica.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.ForbiddenException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Turns every refusal into an RFC 9457 {@code application/problem+json} answer that names the field and reason. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException exception) {
        return respond(exception.toProblem());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException exception) {
        List<Problem.FieldProblem> errors = exception.getConstraintViolations().stream()
                .map(violation -> new Problem.FieldProblem(fieldOf(violation), violation.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldProblem::field))
                .toList();
        return respond(ProblemException.invalid(errors).toProblem());
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadableJson(JsonProcessingException exception) {
        return respond(jsonProblem(exception));
    }

    // Quarkus REST has built-in mappers for these Jackson subtypes; ours must be at least as specific to win.
    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException exception) {
        return respond(jsonProblem(exception));
    }

    @ServerExceptionMapper(priority = 1)
    public Response invalidFormat(InvalidFormatException exception) {
        return respond(jsonProblem(exception));
    }

    @ServerExceptionMapper(priority = 1)
    public Response unrecognizedProperty(UnrecognizedPropertyException exception) {
        return respond(jsonProblem(exception));
    }

    @ServerExceptionMapper(priority = 1)
    public Response malformedJson(JsonParseException exception) {
        return respond(jsonProblem(exception));
    }

    /** A role the endpoint does not grant: said as a problem, like every other refusal. */
    @ServerExceptionMapper(priority = 1)
    public Response forbidden(ForbiddenException exception) {
        return respond(new Problem(ProblemTypes.uri("forbidden"), "Forbidden", 403,
                "Your role does not allow this operation", List.of()));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException exception) {
        Response.StatusType status = exception.getResponse().getStatusInfo();
        if (exception.getCause() instanceof JsonProcessingException json) {
            return respond(jsonProblem(json));
        }
        return respond(new Problem(ProblemTypes.uri("http-" + status.getStatusCode()), status.getReasonPhrase(),
                status.getStatusCode(), exception.getMessage(), List.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception exception) {
        LOG.error("Unexpected failure", exception);
        return respond(new Problem(ProblemTypes.uri("internal"), "Internal error", 500,
                "The request could not be completed; it has been logged.", List.of()));
    }

    /** A body Jackson could not read: malformed JSON, an unknown enum value, a wrong type or an unknown field. */
    private static Problem jsonProblem(JsonProcessingException exception) {
        if (exception instanceof JsonParseException) {
            return new Problem(ProblemTypes.uri("malformed-json"), "Malformed JSON", 400,
                    "The body is not valid JSON: " + exception.getOriginalMessage(), List.of());
        }
        if (!(exception instanceof JsonMappingException mapping)) {
            return ProblemException.invalid("$", exception.getOriginalMessage()).toProblem();
        }
        String field = pathOf(mapping);
        String reason;
        if (exception instanceof UnrecognizedPropertyException) {
            reason = "unknown field";
        } else if (exception instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            reason = "unknown value '" + format.getValue() + "'; allowed: " + allowedValues(format.getTargetType());
        } else if (exception instanceof InvalidFormatException format) {
            reason = "cannot read '" + format.getValue() + "' as " + simpleType(format.getTargetType());
        } else if (exception instanceof MismatchedInputException mismatch) {
            reason = "expected " + simpleType(mismatch.getTargetType());
        } else {
            reason = exception.getOriginalMessage();
        }
        return ProblemException.invalid(field, reason).toProblem();
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** The path the caller sent ("history.pain.nrsNow"), or the parameter's name for a query or path parameter. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        String parameter = "$";
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> {
                }
                case PARAMETER -> parameter = node.getName();
                default -> {
                    if (node.getIndex() != null) {
                        field.append('[').append(node.getIndex()).append(']');
                    }
                    if (node.getName() != null) {
                        field.append(field.isEmpty() ? "" : ".").append(node.getName());
                    }
                }
            }
        }
        return field.isEmpty() ? parameter : field.toString();
    }

    static String pathOf(JsonMappingException exception) {
        String path = exception.getPath().stream()
                .map(reference -> reference.getFieldName() != null
                        ? reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        return path.isEmpty() ? "$" : path;
    }

    private static String allowedValues(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "a different value";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isEnum()) {
            return "one of " + allowedValues(type);
        }
        if (List.class.isAssignableFrom(type) || java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object";
    }
}
