/** Wedge central-sync module. */
package dev.wedge.sync;
