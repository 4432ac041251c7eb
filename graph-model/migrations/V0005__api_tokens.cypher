// REST API v1 bearer tokens. Only a SHA-256 of the secret is stored; tokens are revoked, never deleted.

CREATE CONSTRAINT api_token_id IF NOT EXISTS
FOR (t:ApiToken) REQUIRE t.id IS UNIQUE;

CREATE CONSTRAINT api_token_hash IF NOT EXISTS
FOR (t:ApiToken) REQUIRE t.hash IS UNIQUE;
