-- The platform's test application: a minimal record with a site, and what its consumer received.
CREATE TABLE parcel (
    id      UUID         PRIMARY KEY,
    site_id VARCHAR(100) NOT NULL,
    label   VARCHAR(100) NOT NULL
);

CREATE TABLE received_event (
    event_id VARCHAR(200) PRIMARY KEY,
    subject  VARCHAR(200) NOT NULL,
    attempts INT          NOT NULL
);
