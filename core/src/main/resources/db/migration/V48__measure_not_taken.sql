-- A measure another system says was not taken (FHIR Observation with a dataAbsentReason and no value: a weight the
-- patient declined, a saturation not performed). It is kept beside the measures received as text and shown "mesure non
-- faite : refusée par le patient"; it is no value, so it is never judged and never ends a missing-data window
-- (docs/alerts.md, "Missing data"). absent_reason holds the reason's code in the data-absent-reason code system
-- (asked-declined, not-performed...), worded where it is shown; null for a value received as text.
ALTER TABLE text_measure ADD COLUMN absent_reason TEXT;
