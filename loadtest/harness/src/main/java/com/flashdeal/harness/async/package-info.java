/**
 * Phase 5 in the lab: what the asynchronous order path does during a sale — acceptance and decision
 * latency apart, the outboxes' backlog and lag and the queues' depth over time, dead letters.
 */
package com.flashdeal.harness.async;
