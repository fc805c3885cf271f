package care.sciatica.platform.problem;

import care.sciatica.platform.failure.Outage;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.sqlclient.DatabaseException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/** Turns every refusal into an RFC 9457 {@code application/problem+json} answer that names the field and reason. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException exception) {
        Problem problem = exception.toProblem();
        Response.ResponseBuilder answer = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (exception.retryAfter() != null) {
            answer.header("Retry-After", exception.retryAfter());
        }
        return answer.build();
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

    /** No identity where the endpoint needs one; the challenge header stays, the body says it as a problem. */
    @ServerExceptionMapper(priority = 1)
    public Response unauthorized(UnauthorizedException exception) {
        return unauthorizedAnswer("Bearer", "A valid bearer token is required");
    }

    @ServerExceptionMapper(priority = 1)
    public Response authenticationFailed(AuthenticationFailedException exception) {
        return unauthorizedAnswer("Bearer error=\"invalid_token\"", "The bearer token is not valid");
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException exception) {
        Response.StatusType status = exception.getResponse().getStatusInfo();
        if (exception.getCause() instanceof JsonProcessingException json) {
            return respond(jsonProblem(json));
        }
        int code = status.getStatusCode();
        Response.ResponseBuilder answer = Response.status(code).type(Problem.MEDIA_TYPE)
                .entity(Problem.ofStatus(code, frameworkDetail(code, exception)));
        // What the framework said in headers stays: Allow on a 405, the challenge on a 401, Retry-After.
        for (String header : List.of("Allow", "WWW-Authenticate", "Retry-After")) {
            Object value = exception.getResponse().getHeaders().getFirst(header);
            if (value != null) {
                answer.header(header, value);
            }
        }
        return answer.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception exception) {
        Response known = concurrencyOrStorage(exception);
        if (known != null) {
            return known;
        }
        LOG.error("Unexpected failure", exception);
        return respond(new Problem(ProblemTypes.uri("internal"), "Internal error", 500,
                "The request could not be completed; it has been logged.", List.of()));
    }

    /**
     * Failures that are not bugs though nothing mapped them on the way: the database unreachable for a moment (503,
     * retry), two requests changed one record at the same moment (the loser is told to read again and retry), a lock
     * not granted in time, a value the database refuses.
     * Nothing was written in each case: the transaction rolled back.
     */
    static Response concurrencyOrStorage(Throwable failure) {
        if (Outage.isCauseOf(failure)) {
            return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "2")
                    .entity(Problem.ofStatus(503, "The database cannot be reached at the moment; nothing was stored."
                            + " Retry shortly."))
                    .build();
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return conflictAnswer("concurrent-change", "The record was changed by another request at the same"
                        + " moment; nothing was stored. Read it again and retry.");
            }
            if (cause instanceof TimeoutException || cause instanceof io.smallrye.mutiny.TimeoutException) {
                return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "1")
                        .entity(Problem.ofStatus(503, "The request took too long and was abandoned; retry later"))
                        .build();
            }
            String sqlState = sqlStateOf(cause);
            if (sqlState != null) {
                switch (sqlState) {
                    case "23505", "40001", "40P01" -> {
                        return conflictAnswer("concurrent-change", "Another request stored the same record at the"
                                + " same moment; nothing was stored. Read it again and retry.");
                    }
                    case "55P03" -> {
                        return conflictAnswer("in-progress", "The same record is being changed by another request;"
                                + " retry shortly.");
                    }
                    case "22021", "22P05" -> {
                        return respond(ProblemException.invalid("$", "contains characters that cannot be stored")
                                .toProblem());
                    }
                    case "22001" -> {
                        return respond(ProblemException.invalid("$", "a value is longer than allowed").toProblem());
                    }
                    default -> {
                    }
                }
            }
        }
        return null;
    }

    /** The SQLSTATE of a database failure, as the reactive client or Hibernate (a JDBC-style cause) carries it. */
    public static String sqlStateOf(Throwable failure) {
        if (failure instanceof DatabaseException database) {
            return database.getSqlState();
        }
        if (failure instanceof SQLException sql) {
            return sql.getSQLState();
        }
        return null;
    }

    private static Response conflictAnswer(String slug, String detail) {
        return Response.status(409).type(Problem.MEDIA_TYPE).header("Retry-After", "1")
                .entity(new Problem(ProblemTypes.uri(slug), "Conflict", 409, detail, List.of())).build();
    }

    static Response unauthorizedAnswer(String challenge, String detail) {
        return Response.status(401).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", challenge)
                .entity(Problem.ofStatus(401, detail)).build();
    }

    /** The framework's own words for a status, without echoing the request (its messages may quote the path). */
    private static String frameworkDetail(int status, WebApplicationException exception) {
        return switch (status) {
            case 400 -> exception.getCause() != null
                    ? "A path, query or header parameter is not valid: " + exception.getCause().getMessage()
                    : "The request is not valid";
            case 404 -> "No resource at this path";
            case 405 -> "This resource does not accept this method; see Allow";
            case 406 -> "This resource answers application/json (or application/problem+json) only";
            case 413 -> "The body is larger than this service accepts";
            case 415 -> "This resource reads application/json bodies only";
            default -> exception.getMessage();
        };
    }

    /** A body Jackson could not read: malformed JSON, an unknown enum value, a wrong type or an unknown field. */
    private static Problem jsonProblem(JsonProcessingException exception) {
        if (exception instanceof JsonParseException) {
            return new Problem(ProblemTypes.uri("malformed-json"), "Malformed JSON", 400,
                    "The body is not valid JSON: " + exception.getOriginalMessage(), List.of());
        }
        if (exception.getOriginalMessage() != null && exception.getOriginalMessage().startsWith("Trailing token")) {
            return new Problem(ProblemTypes.uri("malformed-json"), "Malformed JSON", 400,
                    "The body must be exactly one JSON document; something follows it", List.of());
        }
        if (!(exception instanceof JsonMappingException mapping)) {
            return ProblemException.invalid("$", exception.getOriginalMessage()).toProblem();
        }
        String field = pathOf(mapping);
        String reason;
        if (exception instanceof UnrecognizedPropertyException) {
            reason = "unknown field";
        } else if (exception instanceof StrictJson.RefusedText) {
            reason = exception.getOriginalMessage();
        } else if (exception instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            reason = "unknown value '" + TextChecks.excerpt(format.getValue()) + "'; allowed: " + allowedValues(format.getTargetType());
        } else if (exception instanceof InvalidFormatException format) {
            reason = "cannot read '" + TextChecks.excerpt(format.getValue()) + "' as " + simpleType(format.getTargetType());
        } else if (exception instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                && mismatch.getTargetType().isEnum()) {
            reason = "expected one of " + allowedValues(mismatch.getTargetType()) + " (by name)";
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
