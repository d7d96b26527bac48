package dev.wedge.scanner.serial;

import com.fazecast.jSerialComm.SerialPort;

/** Serial flow control. */
public enum FlowControl {
    NONE(SerialPort.FLOW_CONTROL_DISABLED),
    RTS_CTS(SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED),
    XON_XOFF(SerialPort.FLOW_CONTROL_XONXOFF_IN_ENABLED | SerialPort.FLOW_CONTROL_XONXOFF_OUT_ENABLED);

    private final int code;

    FlowControl(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }
}
