-- A batch and the candidates list read a unit's members by unit code, once per unit: without this
-- index each read scanned every membership (136 ms a unit at a million people, 12 of a batch's 17 minutes).
CREATE INDEX membership_unit_idx ON membership (unit_code);
