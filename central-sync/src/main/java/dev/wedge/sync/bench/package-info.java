/** Throughput and latency measurements of sync; plain main classes that print figures, not tests. */
package dev.wedge.sync.bench;
