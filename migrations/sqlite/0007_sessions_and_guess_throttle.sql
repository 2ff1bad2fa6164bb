-- One row per signed-in session. The cookie names its row and every request checks it, so signing
-- out (which deletes the row) ends the session on the server: a copied cookie stops working.
-- expires_at follows the cookie's sliding expiry, so rows of sessions nobody signed out of can go.
CREATE TABLE user_session (
    id          TEXT PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES app_user (id),
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL
);
CREATE INDEX ix_user_session_expires ON user_session (expires_at);

-- Wrong passwords counted per source and login: the source is the client's address at sign-in and
-- one fixed name for the password-change form. After five failures a source waits longer before
-- each next guess is checked; nobody else is held back. The login is lower-cased and need not exist.
CREATE TABLE password_guess (
    source          TEXT NOT NULL,
    login           TEXT NOT NULL,
    failures        INTEGER NOT NULL,
    last_failed_at  TEXT NOT NULL,
    retry_at        TEXT,
    PRIMARY KEY (source, login)
) WITHOUT ROWID;
CREATE INDEX ix_password_guess_last_failed ON password_guess (last_failed_at);

-- The account-wide lock these columns kept let anyone lock any curator out; password_guess replaces it.
ALTER TABLE app_user DROP COLUMN failed_logins;
ALTER TABLE app_user DROP COLUMN locked_until;
