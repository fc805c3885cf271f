package care.sciatica.platform.problem;

/** Problem type URIs; each names a page a caller can read about the refusal. */
public final class ProblemTypes {

    private static final String BASE = "https://sciatica.care/problems/";

    private ProblemTypes() {
    }

    public static String uri(String slug) {
        return BASE + slug;
    }
}
