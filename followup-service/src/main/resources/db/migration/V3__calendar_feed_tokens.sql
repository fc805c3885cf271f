-- A therapist's secret calendar feed: the URL's token is the credential, so only its SHA-256 is kept. One live token
-- per therapist; rotating replaces it (the old URL stops at once), revoking deletes it.
CREATE TABLE calendar_feed_token (
    therapist_ref text PRIMARY KEY,
    token_hash    text        NOT NULL UNIQUE,
    sites         text        NOT NULL,
    created_by    text        NOT NULL,
    created_at    timestamptz NOT NULL
);
