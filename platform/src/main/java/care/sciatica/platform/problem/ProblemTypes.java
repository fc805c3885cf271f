package care.sciatica.platform.problem;

/** Problem type URIs; each names a page a caller can read about the refusal. */
public final class ProblemTypes {

    private static final String BASE = "https://sciatica.care/problems/";

    private ProblemTypes() {
    }

    public static String uri(String slug) {
        return BASE + slug;
    }

    /** The stable type of an answer the framework gives by status alone (no route, wrong method, body too large...). */
    public static String slugFor(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 408 -> "request-timeout";
            case 409 -> "conflict";
            case 413 -> "body-too-large";
            case 414 -> "uri-too-long";
            case 415 -> "unsupported-media-type";
            case 429 -> "rate-limited";
            case 431 -> "headers-too-large";
            case 503 -> "unavailable";
            case 504 -> "timeout";
            default -> status >= 500 ? "internal" : "http-" + status;
        };
    }

    /** The title that goes with {@link #slugFor(int)}: the status's standard reason phrase. */
    public static String titleFor(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 415 -> "Unsupported Media Type";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> status >= 500 ? "Internal error" : "HTTP " + status;
        };
    }
}
