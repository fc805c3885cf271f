-- Booking-system webhooks: subscriptions per site, and a delivery outbox written in the same transaction as the
-- appointment change it announces; the delivery worker posts each row and logs every attempt.
CREATE TABLE webhook_subscription (
    id              UUID          PRIMARY KEY,
    site_id         VARCHAR(100)  NOT NULL,
    url             VARCHAR(2000) NOT NULL,
    event_types     VARCHAR(400)  NOT NULL,
    secret          VARCHAR(200)  NOT NULL,
    enabled         BOOLEAN       NOT NULL,
    disabled_reason VARCHAR(200),
    created_by      VARCHAR(200)  NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL,
    updated_at      TIMESTAMPTZ   NOT NULL
);
CREATE INDEX webhook_subscription_site ON webhook_subscription (site_id) WHERE enabled;

CREATE TABLE webhook_delivery (
    id              UUID         PRIMARY KEY,
    subscription_id UUID         NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    site_id         VARCHAR(100) NOT NULL,
    event_type      VARCHAR(60)  NOT NULL,
    appointment_id  UUID         NOT NULL,
    payload         TEXT         NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    attempts        INT          NOT NULL,
    next_attempt_at TIMESTAMPTZ  NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    finished_at     TIMESTAMPTZ
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_subscription ON webhook_delivery (subscription_id, created_at);

CREATE TABLE webhook_attempt (
    id           BIGSERIAL   PRIMARY KEY,
    delivery_id  UUID        NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    attempt      INT         NOT NULL,
    attempted_at TIMESTAMPTZ NOT NULL,
    status_code  INT,
    duration_ms  BIGINT      NOT NULL,
    outcome      VARCHAR(20) NOT NULL,
    error        VARCHAR(500)
);
CREATE INDEX webhook_attempt_delivery ON webhook_attempt (delivery_id, attempt);

-- When an appointment last changed: the iCalendar feeds' DTSTAMP and LAST-MODIFIED.
ALTER TABLE appointment ADD COLUMN updated_at TIMESTAMPTZ;
