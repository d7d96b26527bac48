/** TLS material for sync: SSL contexts from key stores, and reading the warehouse id from a client certificate. */
package dev.wedge.sync.tls;
