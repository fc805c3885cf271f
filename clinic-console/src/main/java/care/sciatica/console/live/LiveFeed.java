package care.sciatica.console.live;

import care.sciatica.console.Staff;
import care.sciatica.console.services.ServiceRefused;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import java.time.Duration;
import java.util.List;

/**
 * Server-Sent Events for the pages of one site: an event named {@code case-changed} whenever a case of the site
 * changed (its data is the case id only), and a comment every 20 s so that proxies keep the stream open.
 */
@Path("/sites/{site}/live")
public class LiveFeed {

    private final Staff staff;
    private final CaseChanges changes;

    public LiveFeed(Staff staff, CaseChanges changes) {
        this.staff = staff;
        this.changes = changes;
    }

    // Its own resource path: under /sites/{site} alone, the page resources of that prefix would be matched first.
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> live(@PathParam("site") String site, @Context Sse sse) {
        if (!staff.maySee(site)) {
            throw new ServiceRefused(404, "No site " + site + " among yours");
        }
        return stream(List.of(site), sse);
    }

    /** Every site of the viewer's (the chain's operations board). */
    @Path("/ops/live")
    public static class Chain {

        private final Staff staff;
        private final CaseChanges changes;

        public Chain(Staff staff, CaseChanges changes) {
            this.staff = staff;
            this.changes = changes;
        }

        @GET
        @Produces(MediaType.SERVER_SENT_EVENTS)
        public Multi<OutboundSseEvent> chain(@Context Sse sse) {
            return stream(changes, staff.sites(), sse);
        }
    }

    private Multi<OutboundSseEvent> stream(List<String> sites, Sse sse) {
        return stream(changes, sites, sse);
    }

    static Multi<OutboundSseEvent> stream(CaseChanges changes, List<String> sites, Sse sse) {
        Multi<OutboundSseEvent> cases = changes.at(sites)
                .map(change -> sse.newEventBuilder().name("case-changed").data(change.caseId()).build());
        Multi<OutboundSseEvent> keepAlive = Multi.createFrom().ticks().every(Duration.ofSeconds(20))
                .map(tick -> sse.newEventBuilder().comment("still here").build());
        return Multi.createBy().merging().streams(cases, keepAlive);
    }
}
