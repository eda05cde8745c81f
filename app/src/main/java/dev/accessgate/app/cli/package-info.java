/** Subcommands of the one jar ({@code filter check}, later {@code send}, {@code check}, {@code descriptor}). */
package dev.accessgate.app.cli;
