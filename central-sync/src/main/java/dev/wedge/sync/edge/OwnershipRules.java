package dev.wedge.sync.edge;

import dev.wedge.sync.wire.Names;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The written rules that decide overlaps between edge and HQ data, by message kind. HQ's messages of a kind HQ
 * owns are applied; of a kind the edge owns they are ignored (the floor's record stands); of a kind no rule
 * names they go to the conflict list. Within HQ-owned data the application's {@link InboundHandler} may still
 * report a conflict (an order cancelled while it is being picked).
 */
public final class OwnershipRules {
    private final Map<String, Owner> owners;

    private OwnershipRules(Map<String, Owner> owners) {
        this.owners = Map.copyOf(owners);
    }

    /**
     * Wedge's rules: the edge owns {@code scan, movement, pick, short-pick, pack, load, label-job, shipment,
     * proof-of-delivery, count}; HQ owns {@code order, order-cancelled, customer, product, product-deleted,
     * location, price}.
     */
    public static OwnershipRules defaults() {
        Map<String, Owner> m = new HashMap<>();
        for (String k : new String[] {"scan", "movement", "pick", "short-pick", "pack", "load", "label-job",
            "shipment", "proof-of-delivery", "count"}) {
            m.put(k, Owner.EDGE);
        }
        for (String k : new String[] {"order", "order-cancelled", "customer", "product", "product-deleted",
            "location", "price"}) {
            m.put(k, Owner.HQ);
        }
        return new OwnershipRules(m);
    }

    /** These rules plus (or overriding) one more. */
    public OwnershipRules with(String kind, Owner owner) {
        Map<String, Owner> m = new HashMap<>(owners);
        m.put(Names.requireKind(kind), java.util.Objects.requireNonNull(owner, "owner"));
        return new OwnershipRules(m);
    }

    /** The owner of a kind, empty when no rule names it. */
    public Optional<Owner> ownerOf(String kind) {
        return Optional.ofNullable(owners.get(kind));
    }
}
