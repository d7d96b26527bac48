/** Wedge routing module. */
package dev.wedge.routing;
