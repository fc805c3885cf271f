-- The episode of care: each follow-up visit's review is assessed again. Every assessment names the visit it is for
-- (an amendment keeps the visit it corrects), and keeps the review's change in the neurological signs with the other
-- facts, so an override at that visit re-assesses the same facts. Rows from before the episode of care are visit 1.
ALTER TABLE assessment ADD COLUMN visit INT NOT NULL DEFAULT 1;
ALTER TABLE assessment ADD COLUMN neurological_change TEXT;
