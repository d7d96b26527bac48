/**
 * The edge side of sync: the transactional outbox ({@link dev.wedge.sync.edge.JdbcOutbox}), its schema
 * ({@link dev.wedge.sync.edge.EdgeSyncSchema}) and the forwarder that drains it to HQ
 * ({@link dev.wedge.sync.edge.OutboxForwarder}).
 */
package dev.wedge.sync.edge;
