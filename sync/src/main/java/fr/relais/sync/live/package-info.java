/**
 * Push instead of polling (issue 27, ADR 0024): the team server's change socket kept open ({@link
 * fr.relais.sync.live.ChangeListener}), the pulls it asks for coalesced ({@link fr.relais.sync.live.PullRequests}),
 * and the slow fallback poll beside it ({@link fr.relais.sync.live.LiveSync}).
 */
package fr.relais.sync.live;
