package dev.wedge.scanner.camel;

import dev.wedge.scanner.frame.Framer;
import dev.wedge.scanner.frame.SuffixFramer;
import dev.wedge.scanner.frame.Suffixes;
import dev.wedge.scanner.link.Backoff;
import dev.wedge.scanner.link.Link;
import dev.wedge.scanner.link.LinkListener;
import dev.wedge.scanner.link.LinkReader;
import dev.wedge.scanner.serial.FlowControl;
import dev.wedge.scanner.serial.Parity;
import dev.wedge.scanner.serial.SerialLink;
import dev.wedge.scanner.serial.SerialSettings;
import dev.wedge.scanner.serial.StopBits;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

import java.nio.charset.Charset;
import java.time.Duration;

/**
 * One barcode scanner. Consumes one exchange per scan with a {@link dev.wedge.scanner.ScanEvent} body. Options
 * are checked once, when the endpoint is created; the device itself is opened only when the consumer starts,
 * and a device that is absent then shows as down and is retried.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "scanner", title = "Barcode Scanner", syntax = "scanner:logicalId",
        consumerOnly = true, category = {Category.IOT}, headersClass = ScannerConstants.class)
public class ScannerEndpoint extends DefaultEndpoint {

    @UriPath(description = "Logical id of the scanner, e.g. pack-2; it names the scanner in events and status.")
    @Metadata(required = true)
    private String logicalId;

    @UriParam(label = "serial", description = "Serial device path, e.g. /dev/ttyUSB0.")
    private String port;

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

    @UriParam(label = "framing", defaultValue = "EOL", description = "What ends a frame: EOL (CR or LF; CRLF counts"
            + " once), CR, LF, CRLF, TAB, ETX, hex bytes such as 0x0D0A, or literal text.")
    private String suffix = "EOL";

    @UriParam(label = "framing", defaultValue = "4096",
            description = "Longest frame accepted, in bytes; a longer one is dropped and counted as rejected.")
    private int maxFrameLength = 4096;

    @UriParam(label = "advanced", defaultValue = "ISO-8859-1",
            description = "Character set that turns frame bytes into text; ISO-8859-1 keeps every byte as one character.")
    private String charset = "ISO-8859-1";

    @UriParam(label = "advanced", defaultValue = "100ms", javaType = "java.time.Duration",
            description = "Delay before the first reconnect attempt after the device was absent or lost.")
    private Duration reconnectDelay = Duration.ofMillis(100);

    @UriParam(label = "advanced", defaultValue = "1s", javaType = "java.time.Duration",
            description = "Longest delay between reconnect attempts; the delay doubles up to this cap.")
    private Duration maxReconnectDelay = Duration.ofSeconds(1);

    private SerialSettings serialSettings;
    private Charset frameCharset;
    private Backoff backoff;

    public ScannerEndpoint(String uri, ScannerComponent component) {
        super(uri, component);
    }

    /** Checks every option and keeps the parsed forms; each message names the option that is wrong. */
    void validateOptions() {
        if (port == null || port.isBlank()) {
            throw new IllegalArgumentException("scanner:" + logicalId + " needs the port option (a serial device path)");
        }
        serialSettings = new SerialSettings(port, baudRate, dataBits, parity, StopBits.parse(stopBits), flowControl);
        Suffixes.parse(suffix);
        if (maxFrameLength < 1 || maxFrameLength > 1 << 20) {
            throw new IllegalArgumentException("maxFrameLength " + maxFrameLength + " is not 1 to 1048576");
        }
        try {
            frameCharset = Charset.forName(charset);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("charset '" + charset + "' is not a character set this JVM knows", e);
        }
        backoff = new Backoff(reconnectDelay, maxReconnectDelay);
    }

    /** A new reader for one consumer run: link, framer and backoff from the options. */
    LinkReader newReader(LinkListener listener) {
        return new LinkReader(logicalId, newLink(), newFramer(), frameCharset, backoff, listener);
    }

    private Link newLink() {
        return new SerialLink(serialSettings);
    }

    private Framer newFramer() {
        return new SuffixFramer(Suffixes.parse(suffix), maxFrameLength);
    }

    /** Identifies the physical device, so one device has one consumer. */
    String deviceKey() {
        return "serial:" + port;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("scanner:" + logicalId + " only consumes scans; it has no producer");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        ScannerConsumer consumer = new ScannerConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public ScannerComponent getComponent() {
        return (ScannerComponent) super.getComponent();
    }

    public String getLogicalId() {
        return logicalId;
    }

    public void setLogicalId(String logicalId) {
        this.logicalId = logicalId;
    }

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
}
