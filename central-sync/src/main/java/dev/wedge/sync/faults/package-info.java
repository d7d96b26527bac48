/**
 * The fault-injection harness that shows exactly-once delivery: an edge-like writer in a child JVM
 * ({@link dev.wedge.sync.faults.EdgeWriterProcess}) that is killed with SIGKILL, an HQ that is restarted, and a
 * TCP proxy ({@link dev.wedge.sync.faults.FaultyProxy}) that drops, delays, truncates, resets and replays.
 * {@link dev.wedge.sync.faults.FaultHarness} runs it and compares both ledgers.
 */
package dev.wedge.sync.faults;
