/**
 * Request authentication: Connect JWTs (HS256 with the client's shared secret, qsh),
 * Atlassian install tokens (RS256 by kid), Forge Invocation Tokens and the bearer token of
 * the query and admin API. Secrets and tokens are never logged.
 */
package dev.accessgate.adapters.http.security;
