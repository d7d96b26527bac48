package dev.wedge.label.transport;

/** Stable codes for printer failures, reused in logs, job records and problem responses. */
public enum PrinterFailureCode {
    /** The connection was refused or the host could not be reached. */
    UNREACHABLE,
    /** The connection was not established within the connect timeout. */
    CONNECT_TIMEOUT,
    /** The printer did not take the data within the write timeout. */
    WRITE_TIMEOUT,
    /** The connection broke while a job was being sent. */
    CONNECTION_LOST,
    /** The printer did not answer a host-status query in time. */
    NO_STATUS_REPLY,
    /** The printer answered a status query with text that is not a host-status reply. */
    MALFORMED_STATUS,
    /** The printer reports paper out. */
    PAPER_OUT,
    /** The printer reports the print head open. */
    HEAD_OPEN,
    /** The printer is paused. */
    PAUSED,
    /** The printer reports ribbon out. */
    RIBBON_OUT,
    /** The printer's receive buffer is full. */
    BUFFER_FULL,
    /** The printer is ready but still holds labels it has not printed. */
    LABELS_PENDING,
    /** The job was sent, the printer is idle, and its label counter does not show the job. */
    NOT_CONFIRMED
}
