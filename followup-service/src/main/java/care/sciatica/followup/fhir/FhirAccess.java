package care.sciatica.followup.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import care.sciatica.platform.security.SiteScope;
import io.quarkus.security.identity.SecurityIdentity;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.instance.model.api.IBaseOperationOutcome;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;

import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The FHIR server's rules around every request: who may do what (the same roles as the REST API: every clinic role
 * reads, the booking system and the front desk change appointments), a report of the search parameters a lenient
 * search left out, narratives on error outcomes, and the CapabilityStatement's statements on versioning and security.
 */
public class FhirAccess {

    static final Set<String> READERS = Set.of("booking-system", "front-desk", "ops", "therapist", "clinical-lead", "admin");
    static final Set<String> WRITERS = Set.of("booking-system", "front-desk");
    private static final String ASKED = FhirAccess.class.getName() + ".asked";

    private final SecurityIdentity identity;
    private final SiteScope siteScope;
    private final FhirNarratives narratives;

    FhirAccess(SecurityIdentity identity, SiteScope siteScope, FhirNarratives narratives) {
        this.identity = identity;
        this.siteScope = siteScope;
        this.narratives = narratives;
    }

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
    public void authorize(RequestDetails request, RestOperationTypeEnum operation) {
        if (identity.isAnonymous()) {
            throw new AuthenticationException("A bearer token is required");
        }
        Set<String> allowed = operation == RestOperationTypeEnum.UPDATE ? WRITERS : READERS;
        if (allowed.stream().noneMatch(identity::hasRole)) {
            throw new ForbiddenOperationException("The caller's roles do not allow " + operation.getCode());
        }
        // Read the caller's sites here, on the request's own thread, before any work moves to a Vert.x context.
        siteScope.listable(null);
    }

    /** Remembers the parameters as asked, before a lenient search drops those it does not know. */
    @Hook(value = Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLER_SELECTED, order = -100)
    public void rememberAsked(RequestDetails request) {
        request.getUserData().put(ASKED, new TreeSet<>(request.getParameters().keySet()));
    }

    /**
     * Every entry of a searchset says it matched, and the searchset says which parameters it did not use, in an
     * OperationOutcome entry (search mode outcome).
     */
    @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
    public void reportIgnored(RequestDetails request, ResponseDetails response) {
        if (!(response.getResponseResource() instanceof Bundle bundle) || bundle.getType() != Bundle.BundleType.SEARCHSET) {
            return;
        }
        bundle.getEntry().stream().filter(entry -> !entry.getSearch().hasMode())
                .forEach(entry -> entry.getSearch().setMode(Bundle.SearchEntryMode.MATCH));
        if (!(request.getUserData().get(ASKED) instanceof Set<?> asked)) {
            return;
        }
        Set<String> ignored = new TreeSet<>();
        asked.forEach(name -> ignored.add(name.toString()));
        ignored.removeAll(request.getParameters().keySet());
        if (ignored.isEmpty()) {
            return;
        }
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.WARNING)
                .setCode(OperationOutcome.IssueType.NOTSUPPORTED)
                .setDiagnostics("Search parameters not supported, so not used: " + String.join(", ", ignored)
                        + " (send Prefer: handling=strict to have them refused)");
        String id = UUID.randomUUID().toString();
        outcome.setId(id);
        bundle.addEntry().setFullUrl("urn:uuid:" + id).setResource(narratives.described(outcome))
                .getSearch().setMode(Bundle.SearchEntryMode.OUTCOME);
    }

    @Hook(Pointcut.SERVER_OUTGOING_FAILURE_OPERATIONOUTCOME)
    public void describeFailure(RequestDetails request, IBaseOperationOutcome outcome) {
        if (outcome instanceof OperationOutcome r4) {
            narratives.described(r4);
        }
    }

    /**
     * What HAPI derives from the providers, completed with what it cannot know: versioned updates, security; and
     * without the OperationDefinition entry HAPI adds for operations, as the server has none.
     */
    @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
    public void completeCapabilities(IBaseConformance generated) {
        if (!(generated instanceof CapabilityStatement statement)) {
            return;
        }
        statement.getRest().forEach(rest -> {
            if (!rest.hasOperation()) {
                rest.getResource().removeIf(resource -> "OperationDefinition".equals(resource.getType()));
            }
            rest.getSecurity().setCors(false)
                    .setDescription("OAuth 2.0 bearer tokens from the clinic's Keycloak (realm clinic); the token's "
                            + "sites claim limits every answer to the caller's sites")
                    .addService(new CodeableConcept().addCoding(new Coding(
                            "http://terminology.hl7.org/CodeSystem/restful-security-service", "OAuth", "OAuth")));
            for (CapabilityStatementRestResourceComponent resource : rest.getResource()) {
                resource.setReadHistory(false).setUpdateCreate(false).setConditionalCreate(false)
                        .setConditionalUpdate(false)
                        .setConditionalDelete(CapabilityStatement.ConditionalDeleteStatus.NOTSUPPORTED);
                resource.setVersioning("Appointment".equals(resource.getType())
                        ? CapabilityStatement.ResourceVersionPolicy.VERSIONEDUPDATE
                        : CapabilityStatement.ResourceVersionPolicy.NOVERSION);
            }
        });
        narratives.described(statement);
    }
}
