package dev.wedge.sync.edge;

/** Who decides the truth of a kind of data. */
public enum Owner {
    /** The warehouse: what happens on the floor (scans, movements, picks, packs, loads, proof of delivery). */
    EDGE,
    /** Headquarters: orders, customers, products, locations and prices. */
    HQ
}
