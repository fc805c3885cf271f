-- When the case's flow began (the intake), as the plan event carried it: the session's own events are appended in
-- REST requests, where no incoming event says it, so it is kept with the plan and the session.
ALTER TABLE plan_ready ADD COLUMN flow_start TIMESTAMPTZ;
ALTER TABLE treatment_session ADD COLUMN flow_start TIMESTAMPTZ;
