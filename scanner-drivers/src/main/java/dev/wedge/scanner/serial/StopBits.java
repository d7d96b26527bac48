package dev.wedge.scanner.serial;

import com.fazecast.jSerialComm.SerialPort;

/** Serial stop bits, written in options as "1", "1.5" or "2". */
public enum StopBits {
    ONE("1", SerialPort.ONE_STOP_BIT),
    ONE_POINT_FIVE("1.5", SerialPort.ONE_POINT_FIVE_STOP_BITS),
    TWO("2", SerialPort.TWO_STOP_BITS);

    private final String text;
    private final int code;

    StopBits(String text, int code) {
        this.text = text;
        this.code = code;
    }

    /** Reads "1", "1.5" or "2". */
    public static StopBits parse(String text) {
        for (StopBits s : values()) {
            if (s.text.equals(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("stopBits '" + text + "' is not 1, 1.5 or 2");
    }

    int code() {
        return code;
    }

    @Override
    public String toString() {
        return text;
    }
}
