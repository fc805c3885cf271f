-- External writes (booking systems, apps, staff retrying a request) carry an Idempotency-Key: the first result is
-- kept so that a repeat returns it and writes nothing new.
CREATE TABLE idempotency_key (
    scope        VARCHAR(300) NOT NULL,
    key          VARCHAR(200) NOT NULL,
    request_hash VARCHAR(64)  NOT NULL,
    response     TEXT         NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, key)
);
