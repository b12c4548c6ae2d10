-- Accounts: signup, login lookup, "who am I", admin bootstrap.

-- Returns no row when the email is taken, so signup needs one round trip and no race window.
-- name: InsertAccount :one
INSERT INTO user_account (id, email, email_normalized, password_hash, display_name, roles)
VALUES (:id, :email, :emailNormalized, :passwordHash, :displayName, ARRAY['USER'])
ON CONFLICT (email_normalized) DO NOTHING
RETURNING id, email, display_name, roles, created_at;

-- name: FindAccountByEmail :one
SELECT id, email, display_name, roles, created_at, password_hash
  FROM user_account
 WHERE email_normalized = :emailNormalized;

-- name: FindAccountById :one
SELECT id, email, display_name, roles, created_at
  FROM user_account
 WHERE id = :id;

-- Admin bootstrap from configuration: creates the account, or brings its password and roles in line with config.
-- name: UpsertAdmin :exec
INSERT INTO user_account (id, email, email_normalized, password_hash, display_name, roles)
VALUES (:id, :email, :emailNormalized, :passwordHash, 'Administrator', ARRAY['USER', 'ADMIN'])
ON CONFLICT (email_normalized) DO UPDATE
   SET password_hash = EXCLUDED.password_hash,
       roles = ARRAY['USER', 'ADMIN'];

-- name: CountAccounts :one
SELECT count(*) FROM user_account;
