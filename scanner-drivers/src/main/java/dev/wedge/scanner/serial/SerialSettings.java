package dev.wedge.scanner.serial;

import java.util.Set;

/**
 * Line settings for one serial scanner.
 *
 * @param port        the device path, e.g. /dev/ttyUSB0 (a pty link path works too)
 * @param baudRate    one of the standard rates 1200 to 921600
 * @param dataBits    5 to 8
 * @param parity      parity
 * @param stopBits    stop bits
 * @param flowControl flow control
 */
public record SerialSettings(String port, int baudRate, int dataBits, Parity parity, StopBits stopBits,
                             FlowControl flowControl) {

    /** The baud rates scanners are configured for. */
    public static final Set<Integer> BAUD_RATES =
            Set.of(1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600);

    public SerialSettings {
        if (port == null || port.isBlank()) {
            throw new IllegalArgumentException("port must name a serial device path, got '" + port + "'");
        }
        if (!BAUD_RATES.contains(baudRate)) {
            throw new IllegalArgumentException("baudRate " + baudRate + " is not one of " + new java.util.TreeSet<>(BAUD_RATES));
        }
        if (dataBits < 5 || dataBits > 8) {
            throw new IllegalArgumentException("dataBits " + dataBits + " is not 5 to 8");
        }
        if (parity == null || stopBits == null || flowControl == null) {
            throw new IllegalArgumentException("parity, stopBits and flowControl must be set for port " + port);
        }
    }

    /** 9600 8N1 without flow control, the factory setting of most scanners. */
    public static SerialSettings defaults(String port) {
        return new SerialSettings(port, 9600, 8, Parity.NONE, StopBits.ONE, FlowControl.NONE);
    }
}
