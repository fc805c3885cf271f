-- The episode of care: each visit of a case has its own plan and its own session. The worklist and every session name
-- the visit their plan is for; plans and sessions from before the episode of care were the first visit's.
ALTER TABLE plan_ready ADD COLUMN visit INT NOT NULL DEFAULT 1;
ALTER TABLE treatment_session ADD COLUMN visit INT NOT NULL DEFAULT 1;
