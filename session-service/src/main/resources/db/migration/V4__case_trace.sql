-- The case's trace context (W3C traceparent) as the plan event arrived in it: the session's commands come in REST
-- requests with traces of their own, so the service keeps the case's and continues it for the events it appends.
-- Null when tracing was off.
ALTER TABLE plan_ready ADD COLUMN case_traceparent TEXT;
ALTER TABLE treatment_session ADD COLUMN case_traceparent TEXT;
