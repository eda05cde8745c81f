/** Storage adapters: implementations of the application's outgoing ports. */
package dev.accessgate.adapters.persistence;
