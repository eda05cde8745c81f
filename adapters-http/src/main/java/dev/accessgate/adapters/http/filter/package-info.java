/** The filter language behind the delivery runtime's filter port: JSON events in, verdicts out. */
package dev.accessgate.adapters.http.filter;
