-- The web workbench's sessions, in the database so that every instance behind a load balancer knows
-- them (a user is not signed out when the next request reaches another instance). The cookie's value is
-- never stored: only its SHA-256, so that reading this table does not give anyone a usable session.
CREATE TABLE web_session (
    id_hash        CHAR(64) PRIMARY KEY,
    csrf_token     VARCHAR(64) NOT NULL,
    username       VARCHAR(255) NOT NULL,
    authentication VARCHAR(16000) NOT NULL, -- roles and attributes of the signed-in user, JSON
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX web_session_last_seen ON web_session (last_seen_at);

-- What a user chose for the pages, remembered across browsers and sign-ins.
CREATE TABLE web_user_preference (
    username   VARCHAR(255) PRIMARY KEY,
    lang       VARCHAR(8) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
