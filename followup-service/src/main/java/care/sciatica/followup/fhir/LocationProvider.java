package care.sciatica.followup.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import care.sciatica.followup.usecase.FollowUpSeeds;
import care.sciatica.platform.security.SiteScope;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Location;

import java.util.List;

/** The caller's sites as Locations, the target of every appointment's, schedule's and slot's location reference. */
public class LocationProvider implements IResourceProvider {

    private final SiteScope siteScope;
    private final FollowUpSeeds.SiteCalendars calendars;
    private final FhirNarratives narratives;

    LocationProvider(SiteScope siteScope, FollowUpSeeds.SiteCalendars calendars, FhirNarratives narratives) {
        this.siteScope = siteScope;
        this.calendars = calendars;
        this.narratives = narratives;
    }

    @Override
    public Class<Location> getResourceType() {
        return Location.class;
    }

    @Read
    public Location read(@IdParam IdType id) {
        String siteId = id.getIdPart();
        if (!calendars.bySite().containsKey(siteId) || siteScope.listable(siteId).isEmpty()) {
            throw new ResourceNotFoundException(id);
        }
        return narratives.described(FhirAppointments.location(calendars.of(siteId)));
    }

    @Search
    public List<Location> search() {
        return calendars.bySite().values().stream()
                .filter(calendar -> !siteScope.listable(calendar.siteId()).isEmpty())
                .map(calendar -> narratives.described(FhirAppointments.location(calendar)))
                .toList();
    }
}
