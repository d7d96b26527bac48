package dev.wedge.scanner.frame;

/** How a scanner marks where one scan ends. */
public enum Framing {
    /** A suffix ends each frame (CR, LF, CRLF, TAB, ETX or custom). */
    SUFFIX,
    /** A prefix byte starts and a suffix byte ends each frame (STX ... ETX). */
    STX_ETX,
    /** Every frame has the same number of bytes. */
    FIXED_LENGTH,
    /** A pause on the line ends each frame. */
    IDLE_GAP
}
