-- Secret rotation: during the overlap window the previous secret signs too, so a receiver holding either verifies.
ALTER TABLE webhook_subscription ADD COLUMN previous_secret VARCHAR(400);
ALTER TABLE webhook_subscription ADD COLUMN previous_secret_until TIMESTAMPTZ;
ALTER TABLE webhook_subscription ALTER COLUMN secret TYPE VARCHAR(400);

-- Wake the delivery worker when a delivery becomes due: PostgreSQL delivers the notification at commit, so the worker
-- sees the new row at once; its poll is only a safety net. A new delivery, or one made pending again by a replay.
CREATE FUNCTION webhook_delivery_pending_notify() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('webhook_pending', '');
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER webhook_delivery_staged AFTER INSERT ON webhook_delivery
    FOR EACH ROW EXECUTE FUNCTION webhook_delivery_pending_notify();
CREATE TRIGGER webhook_delivery_replayed AFTER UPDATE OF status ON webhook_delivery
    FOR EACH ROW WHEN (NEW.status = 'PENDING' AND OLD.status <> 'PENDING')
    EXECUTE FUNCTION webhook_delivery_pending_notify();
