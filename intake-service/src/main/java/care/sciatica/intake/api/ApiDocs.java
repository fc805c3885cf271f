package care.sciatica.intake.api;

/** Words the OpenAPI document repeats on every operation. */
final class ApiDocs {

    static final String PROBLEM = "application/problem+json";
    static final String INVALID = "The request is not valid: each refused field is named with the reason "
            + "(unknown values list the allowed ones); nothing was stored";
    static final String NOT_FOUND = "No such record at the caller's sites (another site's record answers the same)";
    static final String FORBIDDEN = "The caller's role may not do this, or the caller does not belong to the site";
    static final String CONFLICT = "The request clashes with the record's state, or the Idempotency-Key was used "
            + "for a different request; nothing was stored";
    static final String IDEMPOTENCY_KEY = "Optional. A repeat with the same key and body returns the first answer "
            + "and stores nothing new; the same key with a different body is refused (409)";

    static final String HISTORY = "The history as typed values, exactly as the event catalogue's "
            + "common/history.schema.json defines it (contracts module): onset, pain, surgery, conditions, the "
            + "red-flag screen (every item YES, NO or NOT_ASKED), observation, examination and baseline outcomes";

    static final String RED_FLAGS = "The complete red-flag screen asked again at this visit, as the history's redFlags "
            + "(common/history.schema.json): every item YES, NO or NOT_ASKED";
    static final String OBSERVATION = "Optional. The observation taken again at this visit, as the history's "
            + "observation (common/history.schema.json); when absent the previous observation stays";

    private ApiDocs() {
    }
}
