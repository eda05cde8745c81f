/**
 * Baseline import ({@code PUT /v1/workspaces/{cloudId}/baseline}): the body is spooled to a
 * temporary file and read twice with a streaming parser, never held in memory whole.
 */
package dev.accessgate.adapters.http.baseline;
