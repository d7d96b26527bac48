/**
 * The HQ side of sync: the {@link dev.wedge.sync.hq.HqServer} (Jetty) that receives batches from every
 * warehouse and answers the read API, and the {@link dev.wedge.sync.hq.HqStore} that keeps each record once.
 */
package dev.wedge.sync.hq;
