package dev.wedge.scanner.camel;

import dev.wedge.scanner.frame.Framing;
import dev.wedge.scanner.serial.FlowControl;
import dev.wedge.scanner.serial.Parity;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

import java.time.Duration;

/**
 * The options of a {@code scanner:} endpoint, as written in the URI. Plain settings; {@link ScannerEndpoint}
 * checks them together when the endpoint is created.
 */
@UriParams
public class ScannerConfiguration {

    @UriParam(defaultValue = "SERIAL", enums = "SERIAL,TCP_CLIENT,TCP_SERVER", description = "How the scanner is"
            + " reached: a serial port, a TCP reader Wedge connects to, or a TCP reader that connects to Wedge.")
    private Transport transport = Transport.SERIAL;

    @UriParam(label = "serial", description = "Serial device path, e.g. /dev/ttyUSB0 (transport SERIAL).")
    private String port;

    @UriParam(label = "tcp", description = "Reader host name or address for TCP_CLIENT; bind address for TCP_SERVER"
            + " (all addresses when unset).")
    private String host;

    @UriParam(label = "tcp", description = "TCP port: the reader's port for TCP_CLIENT, the listening port for TCP_SERVER.")
    private int tcpPort = -1;

    @UriParam(label = "tcp", defaultValue = "2s", javaType = "java.time.Duration",
            description = "How long one TCP connection attempt may take.")
    private Duration connectTimeout = Duration.ofSeconds(2);

    @UriParam(label = "serial", defaultValue = "9600",
            description = "Baud rate: 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400, 460800 or 921600.")
    private int baudRate = 9600;

    @UriParam(label = "serial", defaultValue = "8", description = "Data bits, 5 to 8.")
    private int dataBits = 8;

    @UriParam(label = "serial", defaultValue = "NONE", enums = "NONE,ODD,EVEN,MARK,SPACE", description = "Parity.")
    private Parity parity = Parity.NONE;

    @UriParam(label = "serial", defaultValue = "1", enums = "1,1.5,2", description = "Stop bits: 1, 1.5 or 2.")
    private String stopBits = "1";

    @UriParam(label = "serial", defaultValue = "NONE", enums = "NONE,RTS_CTS,XON_XOFF", description = "Flow control.")
    private FlowControl flowControl = FlowControl.NONE;

    @UriParam(label = "framing", defaultValue = "SUFFIX", enums = "SUFFIX,STX_ETX,FIXED_LENGTH,IDLE_GAP",
            description = "How frames are delimited: by a suffix, by a start and an end byte, by a fixed length, or by"
                    + " a pause on the line.")
    private Framing framing = Framing.SUFFIX;

    @UriParam(label = "framing", defaultValue = "STX",
            description = "Start byte for STX_ETX framing: STX, a hex byte such as 0x02, or one character.")
    private String prefix = "STX";

    @UriParam(label = "framing", description = "Bytes per frame for FIXED_LENGTH framing.")
    private int frameLength;

    @UriParam(label = "framing", defaultValue = "50ms", javaType = "java.time.Duration", description = "Silence that"
            + " ends a frame for IDLE_GAP framing, and after which a partial FIXED_LENGTH frame is dropped.")
    private Duration idleGap = Duration.ofMillis(50);

    @UriParam(label = "framing", defaultValue = "EOL", description = "What ends a frame: EOL (CR or LF; CRLF counts"
            + " once), CR, LF, CRLF, TAB, ETX, hex bytes such as 0x0D0A, or literal text. For STX_ETX framing the end byte; EOL there means ETX.")
    private String suffix = "EOL";

    @UriParam(label = "framing", defaultValue = "4096",
            description = "Longest frame accepted, in bytes; a longer one is dropped and counted as rejected.")
    private int maxFrameLength = 4096;

    @UriParam(label = "advanced", defaultValue = "ISO-8859-1",
            description = "Character set that turns frame bytes into text; ISO-8859-1 keeps every byte as one character.")
    private String charset = "ISO-8859-1";

    @UriParam(defaultValue = "0ms", javaType = "java.time.Duration", description = "The same data again from this"
            + " scanner within this window is one scan and sends no exchange; 0 turns it off.")
    private Duration duplicateWindow = Duration.ZERO;

    @UriParam(label = "advanced", defaultValue = "100ms", javaType = "java.time.Duration",
            description = "Delay before the first reconnect attempt after the device was absent or lost.")
    private Duration reconnectDelay = Duration.ofMillis(100);

    @UriParam(label = "advanced", defaultValue = "500ms", javaType = "java.time.Duration",
            description = "Longest delay between reconnect attempts; the delay doubles up to this cap. A replugged"
                    + " scanner is read again within this delay plus the time to open it.")
    private Duration maxReconnectDelay = Duration.ofMillis(500);

    public String getPort() {
        return port;
    }

    public void setPort(String port) {
        this.port = port;
    }

    public int getBaudRate() {
        return baudRate;
    }

    public void setBaudRate(int baudRate) {
        this.baudRate = baudRate;
    }

    public int getDataBits() {
        return dataBits;
    }

    public void setDataBits(int dataBits) {
        this.dataBits = dataBits;
    }

    public Parity getParity() {
        return parity;
    }

    public void setParity(Parity parity) {
        this.parity = parity;
    }

    public String getStopBits() {
        return stopBits;
    }

    public void setStopBits(String stopBits) {
        this.stopBits = stopBits;
    }

    public FlowControl getFlowControl() {
        return flowControl;
    }

    public void setFlowControl(FlowControl flowControl) {
        this.flowControl = flowControl;
    }

    public String getSuffix() {
        return suffix;
    }

    public void setSuffix(String suffix) {
        this.suffix = suffix;
    }

    public int getMaxFrameLength() {
        return maxFrameLength;
    }

    public void setMaxFrameLength(int maxFrameLength) {
        this.maxFrameLength = maxFrameLength;
    }

    public String getCharset() {
        return charset;
    }

    public void setCharset(String charset) {
        this.charset = charset;
    }

    public Duration getReconnectDelay() {
        return reconnectDelay;
    }

    public void setReconnectDelay(Duration reconnectDelay) {
        this.reconnectDelay = reconnectDelay;
    }

    public Duration getMaxReconnectDelay() {
        return maxReconnectDelay;
    }

    public void setMaxReconnectDelay(Duration maxReconnectDelay) {
        this.maxReconnectDelay = maxReconnectDelay;
    }

    public Transport getTransport() {
        return transport;
    }

    public void setTransport(Transport transport) {
        this.transport = transport;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public int getTcpPort() {
        return tcpPort;
    }

    public void setTcpPort(int tcpPort) {
        this.tcpPort = tcpPort;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Framing getFraming() {
        return framing;
    }

    public void setFraming(Framing framing) {
        this.framing = framing;
    }

    public String getPrefix() {
        return prefix;
    }

    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    public int getFrameLength() {
        return frameLength;
    }

    public void setFrameLength(int frameLength) {
        this.frameLength = frameLength;
    }

    public Duration getIdleGap() {
        return idleGap;
    }

    public void setIdleGap(Duration idleGap) {
        this.idleGap = idleGap;
    }

    public Duration getDuplicateWindow() {
        return duplicateWindow;
    }

    public void setDuplicateWindow(Duration duplicateWindow) {
        this.duplicateWindow = duplicateWindow;
    }
}
