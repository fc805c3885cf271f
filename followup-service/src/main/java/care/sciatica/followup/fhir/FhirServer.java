package care.sciatica.followup.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.PreferHandlingEnum;
import ca.uhn.fhir.rest.api.PreferReturnEnum;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.interceptor.SearchPreferHandlingInterceptor;
import care.sciatica.followup.usecase.ChangeAppointment;
import care.sciatica.followup.usecase.FollowUpSeeds;
import care.sciatica.platform.security.SiteScope;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;

/**
 * The FHIR R4 endpoint for booking systems, HAPI's own RESTful server hosted by Undertow under {@code /fhir}
 * ({@code quarkus.servlet.context-path}): CapabilityStatement, JSON and XML, paging, OperationOutcome for every error,
 * and the resource providers of this package. Authentication is the service's (a bearer token on every path);
 * {@link FhirAccess} checks the roles and reports search parameters it did not use.
 * <p>
 * Field injection: the servlet container creates the servlet through its no-argument constructor.
 */
@WebServlet(urlPatterns = "/*", loadOnStartup = 1)
public class FhirServer extends RestfulServer {

    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 200;

    @Inject
    FhirContext fhir;
    @Inject
    SiteScope siteScope;
    @Inject
    ChangeAppointment changeAppointment;
    @Inject
    FollowUpSeeds.SiteCalendars calendars;
    @Inject
    SecurityIdentity identity;

    @Override
    protected void initialize() {
        setFhirContext(fhir);
        setServerName("Sciatica Care Platform follow-up service");
        setImplementationDescription("Appointments, schedules and free slots of the clinic's sites for booking systems");
        setDefaultResponseEncoding(EncodingEnum.JSON);
        setDefaultPrettyPrint(false);
        setDefaultPreferReturn(PreferReturnEnum.REPRESENTATION);
        FhirNarratives narratives = new FhirNarratives(fhir);
        // The narrative generator's templates and FhirPath load on first use: at start-up, not in a caller's request.
        narratives.described(new org.hl7.fhir.r4.model.OperationOutcome());
        ScheduleProvider schedules = new ScheduleProvider(siteScope, calendars, narratives);
        registerProviders(new AppointmentProvider(siteScope, changeAppointment, calendars, identity, narratives),
                schedules, new SlotProvider(schedules, narratives), new LocationProvider(siteScope, calendars, narratives),
                new CodeSystemProvider(narratives));
        setPagingProvider(new CallerPagingProvider(siteScope, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE));
        registerInterceptor(new FhirAccess(identity, siteScope, narratives));
        // Parameters the server does not know: refused under Prefer: handling=strict, else left out and reported.
        SearchPreferHandlingInterceptor preferHandling = new SearchPreferHandlingInterceptor();
        preferHandling.setDefaultBehaviour(PreferHandlingEnum.LENIENT);
        registerInterceptor(preferHandling);
    }
}
