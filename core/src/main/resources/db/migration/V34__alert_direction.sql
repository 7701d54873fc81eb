-- Issue 21: crossing the low bound of an absolute rule (hypoglycaemia) and crossing its high bound (hyperglycaemia)
-- are two clinical situations, each with its own alert and review task. The direction is written in the alert's
-- explanation ("direction": "below" | "above"), which travels with the sync; the store reads it as a column so that
-- "one open alert per rule" becomes "one open alert per rule and direction".

-- Alerts raised before this version: their direction from their own value and bounds (a value below the low bound
-- in force then went below; otherwise above). Score alerts name their value "score".
UPDATE alert
SET explanation = json_set(explanation, '$.direction',
    CASE WHEN coalesce(json_extract(explanation, '$.yellowBelow'), json_extract(explanation, '$.redBelow')) IS NOT NULL
              AND CAST(coalesce(json_extract(explanation, '$.value'), json_extract(explanation, '$.score')) AS REAL)
                  < CAST(coalesce(json_extract(explanation, '$.yellowBelow'), json_extract(explanation, '$.redBelow')) AS REAL)
         THEN 'below' ELSE 'above' END)
WHERE kind = 'ABSOLUTE' AND json_valid(explanation)
  AND json_type(explanation) = 'object'
  AND json_extract(explanation, '$.direction') IS NULL
  AND coalesce(json_extract(explanation, '$.value'), json_extract(explanation, '$.score')) IS NOT NULL;

ALTER TABLE alert ADD COLUMN direction TEXT
    GENERATED ALWAYS AS (CASE WHEN json_valid(explanation) AND json_type(explanation) = 'object'
                              THEN json_extract(explanation, '$.direction') END) VIRTUAL;

DROP INDEX alert_one_open_per_rule;
CREATE UNIQUE INDEX alert_one_open_per_rule ON alert (patient_id, ifnull(enrollment_id, ''), rule_id, ifnull(direction, ''))
    WHERE is_open = 1;
