package care.sciatica.followup.fhir;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import care.sciatica.platform.problem.Problem;
import care.sciatica.platform.problem.ProblemException;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.arc.ManagedContext;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The bridge between HAPI's servlet, which runs each request on a blocking worker thread, and the service's reactive
 * use cases: the work runs on a Vert.x context (as Hibernate Reactive requires) with the caller's request context, and
 * the servlet thread waits for it. A use case's refusal comes back as the HAPI exception of the same status, which
 * the server writes as an OperationOutcome.
 */
public final class FhirCalls {

    private FhirCalls() {
    }

    public static <T> T await(Supplier<Uni<T>> work) {
        ManagedContext requestContext = Arc.container().requestContext();
        InjectableContext.ContextState caller = requestContext.getState();
        try {
            return VertxContextSupport.subscribeAndAwait(() -> {
                // The caller's request-scoped beans (identity, sites) on the Vert.x context that runs the work.
                requestContext.activate(caller);
                return Uni.createFrom().<T>deferred(work::get).eventually(requestContext::deactivate);
            });
        } catch (ProblemException problem) {
            throw translate(problem);
        } catch (BaseServerResponseException answer) {
            throw answer;
        } catch (RuntimeException failure) {
            throw new InternalErrorException("The request could not be completed", failure);
        } catch (Throwable failure) {
            throw new InternalErrorException("The request could not be completed", failure);
        }
    }

    /** The problem answer of the REST API in FHIR's words: the same status, the detail and the fields named. */
    public static BaseServerResponseException translate(ProblemException problem) {
        Problem details = problem.toProblem();
        String message = details.errors() == null || details.errors().isEmpty() ? problem.getMessage()
                : details.errors().stream().map(error -> error.field() + ": " + error.reason())
                .collect(Collectors.joining("; "));
        return switch (details.status()) {
            case 400 -> new InvalidRequestException(message);
            case 403 -> new ForbiddenOperationException(message);
            case 404 -> new ResourceNotFoundException(message);
            case 409 -> new ResourceVersionConflictException(message);
            case 412 -> new PreconditionFailedException(message);
            case 422 -> new UnprocessableEntityException(message);
            default -> new UnclassifiedServerFailureException(details.status(), message);
        };
    }
}
