/** Plain-class implementations of the use cases, wired by whoever hosts them. */
package dev.accessgate.application.service;
