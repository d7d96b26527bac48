/** Wedge label-printing module. */
package dev.wedge.label;
