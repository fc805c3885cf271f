package care.sciatica.platform.problem;

/**
 * What the services accept inside any string they are sent: no NUL or other C0 control character (tab, line feed and
 * carriage return excepted, for free text), no DEL, and no lone UTF-16 surrogate. PostgreSQL refuses NUL outright and
 * the others are never meant; refusing them at the door keeps them out of every table, log and event.
 */
public final class TextChecks {

    private TextChecks() {
    }

    /** Why {@code text} is refused, or null when it is acceptable. */
    public static String refusal(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                continue;
            }
            if (c < 0x20 || c == 0x7F) {
                return String.format("contains the control character U+%04X at position %d", (int) c, i);
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "contains a lone surrogate at position " + i;
            }
            if (Character.isLowSurrogate(c)) {
                return "contains a lone surrogate at position " + i;
            }
        }
        return null;
    }

    /**
     * A short, escaped excerpt of something a caller sent, safe to quote in a problem: at most {@code max} characters,
     * with controls and non-ASCII written as {@code \\uXXXX} so that nothing sent comes back verbatim.
     */
    public static String excerpt(Object value, int max) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        StringBuilder out = new StringBuilder();
        int i = 0;
        for (; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\' || c == '<' || c == '>') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return i < text.length() ? out + "…" : out.toString();
    }

    /** The default excerpt: enough to recognise the value, never a copy of a large one. */
    public static String excerpt(Object value) {
        return excerpt(value, 40);
    }
}
