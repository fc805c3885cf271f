package care.sciatica.contracts;

/**
 * Kafka header names and values for CloudEvents 1.0 in binary mode, as every producer and consumer of the catalogue uses them.
 */
public final class CloudEventAttributes {

    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";

    public static final String SPECVERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";

    private CloudEventAttributes() {
    }

    /** The CloudEvents {@code source} of an event: {@code /sites/<siteId>/<service>}. */
    public static String source(String siteId, String service) {
        if (siteId == null || siteId.isBlank() || service == null || service.isBlank()) {
            throw new IllegalArgumentException("siteId and service are required");
        }
        return "/sites/" + siteId + "/" + service;
    }
}
