package dev.wedge.scanner.serial;

import com.fazecast.jSerialComm.SerialPort;
import dev.wedge.scanner.link.Link;
import dev.wedge.scanner.link.LinkConnection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A serial scanner reached through jSerialComm. Each {@link #open()} looks the port up again, so a USB scanner
 * that was pulled and plugged back (or a pty that was recreated) is found at the same path.
 */
public final class SerialLink implements Link {

    /** How long one read waits for bytes before it returns 0. */
    static final int POLL_MILLIS = 50;

    private final SerialSettings settings;

    public SerialLink(SerialSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public LinkConnection open() throws IOException {
        Path path = Path.of(settings.port());
        if (!Files.exists(path)) {
            throw new IOException("serial port " + settings.port() + " does not exist");
        }
        SerialPort port = SerialPort.getCommPort(settings.port());
        port.setComPortParameters(settings.baudRate(), settings.dataBits(), settings.stopBits().code(),
                settings.parity().code());
        port.setFlowControl(settings.flowControl().code());
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, POLL_MILLIS, 0);
        if (!port.openPort()) {
            throw new IOException("serial port " + settings.port() + " cannot be opened (error "
                    + port.getLastErrorCode() + ")");
        }
        return new SerialConnection(port, path);
    }

    @Override
    public String describe() {
        return settings.port();
    }

    private static final class SerialConnection implements LinkConnection {
        private final SerialPort port;
        private final Path path;
        private int idleReads;

        SerialConnection(SerialPort port, Path path) {
            this.port = port;
            this.path = path;
        }

        @Override
        public int read(byte[] buffer) throws IOException {
            int n = port.readBytes(buffer, buffer.length);
            if (n < 0) {
                throw new IOException("read failed on " + path + " (error " + port.getLastErrorCode() + ")");
            }
            if (n == 0 && ++idleReads % 4 == 0 && !Files.exists(path)) {
                // Some drivers keep returning nothing instead of an error once the device is gone.
                throw new IOException(path + " disappeared");
            }
            if (n > 0) {
                idleReads = 0;
            }
            return n;
        }

        @Override
        public void close() {
            port.closePort();
        }
    }
}
