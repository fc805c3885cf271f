package care.sciatica.console.live;

/**
 * That something happened to a case at a site, and in which service: all the console relays of an event. The pages
 * that care fetch again through the services, with the viewer's own token; no clinical content travels here.
 */
public record CaseChanged(String caseId, String siteId, String service) {

    /** The site from a CloudEvents source such as {@code /sites/site-north/session-service}, or null. */
    static String siteOf(String source) {
        if (source == null || !source.startsWith("/sites/")) {
            return null;
        }
        String rest = source.substring("/sites/".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }
}
