-- Tries counted per key in fixed windows. One statement adds a try and reads the count, so tries
-- sent at the same moment cannot each find room under the limit (the tables below could).
CREATE TABLE throttle_counts (
    scope        TEXT NOT NULL,
    key          TEXT NOT NULL,
    window_start INTEGER NOT NULL,
    tries        INTEGER NOT NULL,
    PRIMARY KEY (scope, key, window_start)
) STRICT;

DROP TABLE sign_in_failures;
DROP TABLE join_failures;
