/**
 * Installations of the app: Forge installations per workspace with their version history,
 * and Connect installations (client key, site, lifecycle state) whose shared secret verifies
 * that client's requests.
 */
package dev.accessgate.domain.installation;
