package dev.wedge.scanner.camel;

/** How Wedge reaches a scanner. */
public enum Transport {
    /** A serial port (RS-232 or USB CDC/ACM). */
    SERIAL,
    /** A TCP reader that listens; Wedge connects to host:tcpPort. */
    TCP_CLIENT,
    /** A TCP reader that connects to Wedge, which listens on tcpPort. */
    TCP_SERVER
}
