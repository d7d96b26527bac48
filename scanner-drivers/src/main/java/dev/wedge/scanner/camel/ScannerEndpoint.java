package dev.wedge.scanner.camel;

import dev.wedge.scanner.frame.FramingSpec;
import dev.wedge.scanner.link.Backoff;
import dev.wedge.scanner.link.Link;
import dev.wedge.scanner.link.LinkListener;
import dev.wedge.scanner.link.LinkReader;
import dev.wedge.scanner.serial.SerialLink;
import dev.wedge.scanner.serial.SerialSettings;
import dev.wedge.scanner.serial.StopBits;
import dev.wedge.scanner.tcp.TcpClientLink;
import dev.wedge.scanner.tcp.TcpServerLink;
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

    @UriParam
    private final ScannerConfiguration configuration;

    private SerialSettings serialSettings;
    private FramingSpec framingSpec;
    private Charset frameCharset;
    private Backoff backoff;

    public ScannerEndpoint(String uri, ScannerComponent component, ScannerConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    /** Checks every option and keeps the parsed forms; each message names the option that is wrong. */
    void validateOptions() {
        ScannerConfiguration c = configuration;
        switch (c.getTransport()) {
            case SERIAL -> {
                if (c.getPort() == null || c.getPort().isBlank()) {
                    throw new IllegalArgumentException("scanner:" + logicalId
                            + " needs the port option (a serial device path)");
                }
                serialSettings = new SerialSettings(c.getPort(), c.getBaudRate(), c.getDataBits(), c.getParity(),
                        StopBits.parse(c.getStopBits()), c.getFlowControl());
            }
            case TCP_CLIENT -> {
                if (c.getHost() == null || c.getHost().isBlank()) {
                    throw new IllegalArgumentException("scanner:" + logicalId + " needs the host option for TCP_CLIENT");
                }
                checkTcpPort(1);
            }
            case TCP_SERVER -> checkTcpPort(0);
        }
        positive("connectTimeout", c.getConnectTimeout());
        framingSpec = new FramingSpec(c.getFraming(), c.getPrefix(), c.getSuffix(), c.getFrameLength(), c.getIdleGap(),
                c.getMaxFrameLength());
        try {
            frameCharset = Charset.forName(c.getCharset());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("charset '" + c.getCharset() + "' is not a character set this JVM knows", e);
        }
        backoff = new Backoff(c.getReconnectDelay(), c.getMaxReconnectDelay());
        if (c.getDuplicateWindow() == null || c.getDuplicateWindow().isNegative()) {
            throw new IllegalArgumentException("duplicateWindow " + c.getDuplicateWindow() + " must be zero or positive");
        }
    }

    private static void positive(String option, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(option + " " + value + " must be positive");
        }
    }

    /** A new reader for one consumer run: link, framer and backoff from the options. */
    LinkReader newReader(LinkListener listener) {
        return new LinkReader(logicalId, newLink(), framingSpec.newFramer(), frameCharset, backoff, listener);
    }

    private void checkTcpPort(int lowest) {
        int tcpPort = configuration.getTcpPort();
        if (tcpPort < lowest || tcpPort > 65535) {
            throw new IllegalArgumentException("tcpPort " + tcpPort + " must be " + lowest + " to 65535 for "
                    + configuration.getTransport());
        }
    }

    private Link newLink() {
        ScannerConfiguration c = configuration;
        return switch (c.getTransport()) {
            case SERIAL -> new SerialLink(serialSettings);
            case TCP_CLIENT -> new TcpClientLink(c.getHost(), c.getTcpPort(), c.getConnectTimeout());
            case TCP_SERVER -> new TcpServerLink(c.getHost(), c.getTcpPort());
        };
    }

    /** Identifies the physical device, so one device has one consumer. */
    String deviceKey() {
        ScannerConfiguration c = configuration;
        return switch (c.getTransport()) {
            case SERIAL -> "serial:" + c.getPort();
            case TCP_CLIENT -> "tcp:" + c.getHost() + ":" + c.getTcpPort();
            // Port 0 means any free port: each such listener gets its own, so none shares a device with another.
            case TCP_SERVER -> c.getTcpPort() == 0 ? "tcp-listen:any-free-port:" + logicalId
                    : "tcp-listen:" + c.getTcpPort();
        };
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

    /** The options as set from the URI. */
    public ScannerConfiguration getConfiguration() {
        return configuration;
    }
}
