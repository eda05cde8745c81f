/** The runnable service: entry point, configuration and the wiring of ports to adapters. */
package dev.accessgate.app;
