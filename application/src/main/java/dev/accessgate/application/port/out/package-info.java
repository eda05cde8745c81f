/** Outgoing ports: what the application needs from storage and the outside world. */
package dev.accessgate.application.port.out;
