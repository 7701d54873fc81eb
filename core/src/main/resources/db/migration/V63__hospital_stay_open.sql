-- Relais schema, version 63: the patient's open stay found in one step (issue 28). Every admission and discharge the
-- ADT listener applies asks whether the patient is in hospital now; through hospital_stay_patient that read visits
-- every stay the patient ever had, a row each, until it meets the one not discharged. This index holds the open
-- stays only (at most one a patient, a few hundred rows in all), so it stays small and the read stays one look-up
-- however many stays a patient has had.
CREATE INDEX hospital_stay_open ON hospital_stay (patient_id, admitted_at) WHERE discharged_at IS NULL;
