/** The HTTP handler: POSTs events to the app's URL and reads Forge's InvocationError answer. */
package dev.accessgate.adapters.http.handler;
