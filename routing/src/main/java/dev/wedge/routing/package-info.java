/**
 * Wedge routing: delivery routes and truck loading, computed at the edge.
 *
 * <ul>
 *   <li>{@code model}: the problem (depots, vehicles and types, stops, pickup-delivery pairs) as validated records;</li>
 *   <li>{@code cost}: travel costs (Euclidean, haversine, CSV matrix, an OSRM-compatible table service with an
 *       offline cache);</li>
 *   <li>{@code solve}: the {@code RouteSolver} contract and its options; {@code jsprit}: the solver on top of
 *       jsprit, the only package that sees jsprit types; {@code improve}: a solver-independent local search;</li>
 *   <li>{@code plan} and {@code check}: the answer and the independent checker that verifies any answer;</li>
 *   <li>{@code load}: load plans, manifests, route sheets and SVG maps; {@code bench}: Solomon and TSPLIB readers.</li>
 * </ul>
 */
package dev.wedge.routing;
