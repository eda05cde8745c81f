/** Records that cross the ports in both directions: events as received and as stored. */
package dev.accessgate.application.model;
