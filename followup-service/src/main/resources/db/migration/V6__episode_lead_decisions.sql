-- A clinical lead's decision on an episode the policy flagged (continue, change the plan, refer), and the lead's
-- review tasks it closes. The reason stays in this service: it is never put in an event.
ALTER TABLE episode ADD COLUMN lead_decision VARCHAR(20);
ALTER TABLE episode ADD COLUMN lead_decision_reason VARCHAR(500);
ALTER TABLE episode ADD COLUMN lead_decided_by VARCHAR(200);
ALTER TABLE episode ADD COLUMN lead_decided_at TIMESTAMPTZ;
ALTER TABLE followup_task ADD COLUMN closed_at TIMESTAMPTZ;
ALTER TABLE followup_task ADD COLUMN closed_by VARCHAR(200);
