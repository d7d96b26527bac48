/** Parts of central-sync that are not API: connection pooling, JDBC helpers. May change without notice. */
package dev.wedge.sync.internal;
