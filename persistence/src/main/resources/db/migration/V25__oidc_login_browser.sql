-- A sign-in under way is bound to the browser that started it (against login CSRF: someone else's callback URL,
-- opened in a victim's browser, would sign it into their account): the SHA-256, in hex, of the random value ARV set
-- in that browser's cookie. Sign-ins started before had no such cookie and could not finish: they are dropped.
DELETE FROM oidc_login;
ALTER TABLE oidc_login ADD COLUMN browser_hash VARCHAR(64) NOT NULL;
