/**
 * Access policy state: which objects and containers an app may no longer touch, per
 * workspace, and the rules for applying data security policy events and baselines to it.
 */
package dev.accessgate.domain.policy;
