/**
 * Use cases of accessgate: incoming ports ({@code port.in}) that adapters call, outgoing
 * ports ({@code port.out}) that adapters implement, and the services that join them.
 * Depends on the domain and the JDK only.
 */
package dev.accessgate.application;
