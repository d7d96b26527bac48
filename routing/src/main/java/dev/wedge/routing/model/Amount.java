package dev.wedge.routing.model;

import java.util.Arrays;

/**
 * A quantity in one or more dimensions (for example weight in kg, volume in litres, pallet places). Used both
 * for vehicle capacities and stop demands; dimensions are compared position by position.
 */
public record Amount(int[] values) {
    public Amount {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("An amount needs at least one dimension");
        }
        values = values.clone();
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0) {
                throw new IllegalArgumentException("Amount dimension " + i + " is negative: " + values[i]);
            }
        }
    }

    /** An amount with the given values, one per dimension. */
    public static Amount of(int... values) {
        return new Amount(values);
    }

    /** A zero amount with the given number of dimensions. */
    public static Amount zero(int dimensions) {
        return new Amount(new int[dimensions]);
    }

    @Override
    public int[] values() {
        return values.clone();
    }

    public int dimensions() {
        return values.length;
    }

    /** The value in one dimension, zero for a dimension this amount does not have. */
    public int get(int dimension) {
        return dimension < values.length ? values[dimension] : 0;
    }

    /** The sum of both, dimension by dimension; the result has the larger number of dimensions. */
    public Amount plus(Amount other) {
        int[] sum = new int[Math.max(dimensions(), other.dimensions())];
        for (int i = 0; i < sum.length; i++) {
            sum[i] = get(i) + other.get(i);
        }
        return new Amount(sum);
    }

    /** This amount less the other, each dimension floored at zero. */
    public Amount minus(Amount other) {
        int[] diff = new int[Math.max(dimensions(), other.dimensions())];
        for (int i = 0; i < diff.length; i++) {
            diff[i] = Math.max(0, get(i) - other.get(i));
        }
        return new Amount(diff);
    }

    /** Whether every dimension of this amount is at most the same dimension of the capacity. */
    public boolean fitsIn(Amount capacity) {
        for (int i = 0; i < Math.max(dimensions(), capacity.dimensions()); i++) {
            if (get(i) > capacity.get(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Amount a && Arrays.equals(values, a.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
