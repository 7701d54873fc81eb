-- A measure another system sent as preliminary (FHIR Observation.status = preliminary: a device's or a laboratory's
-- value before validation). It is a valid measure, judged like any other (docs/alerts.md), and shown "provisoire"
-- until a later version of the Observation comes final, amended or corrected (then 0). Typed measures are never
-- preliminary.
ALTER TABLE measure ADD COLUMN preliminary INTEGER NOT NULL DEFAULT 0 CHECK (preliminary IN (0, 1));
