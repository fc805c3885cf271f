package care.sciatica.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem details body, with the fields a caller can act on. Its texts are capped and their control
 * characters escaped here, whoever built them, so that a problem never echoes a large or hostile input back.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldProblem> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** The longest detail or reason a problem carries; a problem body stays a few hundred bytes per field. */
    static final int MAX_TEXT = 300;
    /** At most this many field problems are listed; the detail still counts them all. */
    static final int MAX_ERRORS = 50;

    public Problem {
        detail = capped(detail);
        errors = errors == null ? List.of() : errors.stream().limit(MAX_ERRORS).toList();
    }

    /** A problem the framework answers by status alone. */
    public static Problem ofStatus(int status, String detail) {
        return new Problem(ProblemTypes.uri(ProblemTypes.slugFor(status)), ProblemTypes.titleFor(status), status,
                detail, List.of());
    }

    /** One field that was refused, named by its JSON path (or parameter), with the reason. */
    public record FieldProblem(String field, String reason) {

        public FieldProblem {
            field = field == null ? "$" : field.length() > 100 || TextChecks.refusal(field) != null
                    ? TextChecks.excerpt(field, 100) : field;
            reason = capped(reason);
        }
    }

    static String capped(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        for (; i < text.length() && out.length() < MAX_TEXT; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7F || Character.isSurrogate(c) && !isPaired(text, i)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return i < text.length() ? out + "…" : out.toString();
    }

    private static boolean isPaired(String text, int i) {
        char c = text.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}
