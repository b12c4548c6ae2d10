-- Accounts of auth-service. Emails are unique case-insensitively: the normalised form carries the constraint.
CREATE TABLE user_account (
    id               uuid        PRIMARY KEY,
    email            text        NOT NULL,
    email_normalized text        NOT NULL,
    password_hash    text        NOT NULL,
    display_name     text,
    roles            text[]      NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT user_account_email_normalized_key UNIQUE (email_normalized),
    CONSTRAINT user_account_roles_known CHECK (roles <@ ARRAY['USER', 'ADMIN']::text[] AND cardinality(roles) > 0)
);
