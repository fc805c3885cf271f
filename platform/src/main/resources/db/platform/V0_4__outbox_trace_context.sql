-- What an event carries besides its data: the W3C traceparent of the transaction that appended it, so the case's
-- trace continues across the relay, and when the case's flow began (the first event of the chain), so a later
-- service can time intake → appointment without a contract change.
ALTER TABLE outbox
    ADD COLUMN trace_parent VARCHAR(55),
    ADD COLUMN flow_start   TIMESTAMPTZ;
