/** Parts of central-sync that are not API: connection pooling and Derby shutdown. May change without notice. */
package dev.wedge.sync.internal;
