/** Connect lifecycle callbacks: {@code POST /connect/installed}, {@code uninstalled}, {@code enabled}, {@code disabled}. */
package dev.accessgate.adapters.http.connect;
