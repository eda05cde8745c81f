/** RFC 9457 problem details: every error this service answers, framework errors included. */
package dev.accessgate.adapters.http.problem;
