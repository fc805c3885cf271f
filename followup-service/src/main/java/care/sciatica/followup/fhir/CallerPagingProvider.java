package care.sciatica.followup.fhir;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import care.sciatica.platform.security.SiteScope;

import java.util.LinkedHashMap;
import java.util.Map;


/**
 * HAPI's in-memory pages of search results, each readable only by the caller who searched: a next link passed to
 * someone else finds nothing. Pages live in this instance, up to {@link #KEPT} searches, oldest dropped first.
 */
class CallerPagingProvider extends FifoMemoryPagingProvider {

    static final int KEPT = 1000;

    private final SiteScope siteScope;
    /** Who searched, per stored search; bounded like the pages themselves. */
    private final Map<String, String> ownerBySearch = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > KEPT;
        }
    };

    CallerPagingProvider(SiteScope siteScope, int defaultPageSize, int maxPageSize) {
        super(KEPT);
        this.siteScope = siteScope;
        setDefaultPageSize(defaultPageSize);
        setMaximumPageSize(maxPageSize);
    }

    @Override
    public synchronized String storeResultList(RequestDetails request, IBundleProvider results) {
        String id = super.storeResultList(request, results);
        ownerBySearch.put(id, siteScope.caller());
        return id;
    }

    @Override
    public synchronized IBundleProvider retrieveResultList(RequestDetails request, String id) {
        return siteScope.caller().equals(ownerBySearch.get(id)) ? super.retrieveResultList(request, id) : null;
    }
}
