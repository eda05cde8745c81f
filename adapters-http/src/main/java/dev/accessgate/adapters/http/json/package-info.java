/** Reading untrusted JSON bodies into plain value trees, with limits and exact error positions. */
package dev.accessgate.adapters.http.json;
