package dev.wedge.sync.wire;

/** HQ's verdict on one record. */
public enum AckStatus {
    /** HQ holds the record (stored now or earlier); the edge may mark it acknowledged. */
    STORED,
    /** HQ will never store this record as sent; the ack's code says why. Resending it is pointless. */
    REJECTED
}
