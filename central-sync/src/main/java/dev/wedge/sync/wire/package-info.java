/**
 * The sync wire format shared by the edge forwarder and the HQ receiver: a {@link dev.wedge.sync.wire.Batch}
 * of {@link dev.wedge.sync.wire.RecordEnvelope}s goes up as JSON, a {@link dev.wedge.sync.wire.BatchAnswer}
 * with one {@link dev.wedge.sync.wire.Ack} per record comes back. See {@code docs/sync-protocol.md}.
 */
package dev.wedge.sync.wire;
