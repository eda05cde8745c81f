/** Incoming ports: the use cases that driving adapters (HTTP, CLI, embedding code) call. */
package dev.accessgate.application.port.in;
