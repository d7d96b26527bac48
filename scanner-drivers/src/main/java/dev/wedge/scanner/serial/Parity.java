package dev.wedge.scanner.serial;

import com.fazecast.jSerialComm.SerialPort;

/** Serial parity. */
public enum Parity {
    NONE(SerialPort.NO_PARITY),
    ODD(SerialPort.ODD_PARITY),
    EVEN(SerialPort.EVEN_PARITY),
    MARK(SerialPort.MARK_PARITY),
    SPACE(SerialPort.SPACE_PARITY);

    private final int code;

    Parity(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }
}
