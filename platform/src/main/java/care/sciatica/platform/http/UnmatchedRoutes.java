package care.sciatica.platform.http;

import io.vertx.core.Context;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.RoutingContext;

/**
 * Keeps the HTTP metrics' {@code uri} label to route templates. The REST layer names the template it matched
 * ("/sessions/{id}"); a request it never matched (refused before it, or at no route at all) would otherwise be
 * labelled with its raw path, so that every record id or random path sent from outside became a new series. Those
 * are all labelled {@value #LABEL} instead.
 */
final class UnmatchedRoutes {

    /** The label of every request no route template matched. */
    static final String LABEL = "/UNMATCHED";
    /** Where the REST layer and the metrics binder keep the matched template: the request's Vert.x context. */
    private static final String TEMPLATE = "UrlPathTemplate";

    private UnmatchedRoutes() {
    }

    @SuppressWarnings("deprecation")
    static void label(RoutingContext routing) {
        String path = routing.request().path();
        // The open /q/ endpoints are Vert.x routes with fixed paths; the metrics binder labels them by route itself.
        if (path != null && path.startsWith("/q/")) {
            return;
        }
        if (!(routing.request() instanceof HttpServerRequestInternal request)) {
            return;
        }
        Context context = request.context();
        if (context != null && context.getLocal(TEMPLATE) == null) {
            context.putLocal(TEMPLATE, LABEL);
        }
    }
}
