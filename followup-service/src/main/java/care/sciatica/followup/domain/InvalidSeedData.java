package care.sciatica.followup.domain;

import java.util.List;

/** A seed document (scheduling policy or sites) that cannot be used, with every problem found in it. */
public final class InvalidSeedData extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String document;
    private final transient List<String> problems;

    public InvalidSeedData(String document, List<String> problems) {
        super("Invalid " + document + ": " + String.join("; ", problems));
        this.document = document;
        this.problems = List.copyOf(problems);
    }

    public String document() {
        return document;
    }

    public List<String> problems() {
        return problems;
    }
}
