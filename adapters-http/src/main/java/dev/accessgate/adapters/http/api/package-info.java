/** Conventions shared by the JSON APIs: paging parameters. */
package dev.accessgate.adapters.http.api;
