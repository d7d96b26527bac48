package dev.wedge.label.camel;

import dev.wedge.label.transport.PrinterAddress;
import dev.wedge.label.transport.PrinterTimeouts;
import dev.wedge.label.transport.SocketPrinterConnection;
import java.time.Duration;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * A {@code zebra:printerId} endpoint. Producer only: the message body (ZPL text) is printed on the printer.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "zebra", title = "Zebra", syntax = "zebra:printerId",
        producerOnly = true, category = {Category.IOT}, headersClass = ZebraConstants.class)
public class ZebraEndpoint extends DefaultEndpoint {

    @UriPath(description = "Logical id of the printer; its address comes from the component's configuration")
    @Metadata(required = true)
    private final String printerId;

    private final PrinterAddress address;

    @UriParam(description = "How long to wait for the TCP connection to the printer", defaultValue = "5s",
            label = "producer")
    private Duration connectTimeout = PrinterTimeouts.DEFAULTS.connect();

    @UriParam(description = "How long the printer may take to accept one job's bytes", defaultValue = "10s",
            label = "producer")
    private Duration writeTimeout = PrinterTimeouts.DEFAULTS.write();

    @UriParam(description = "How long to wait for a reply to a host-status (~HS) or SGD query", defaultValue = "3s",
            label = "producer")
    private Duration statusTimeout = PrinterTimeouts.DEFAULTS.status();

    @UriParam(description = "Whether to read the host status (~HS) before and after each job: a printer that is not"
            + " ready fails the job before anything is sent, and a job the printer does not confirm fails as outcome"
            + " unknown", defaultValue = "true", label = "producer")
    private boolean checkStatus = true;

    private SocketPrinterConnection connection;

    ZebraEndpoint(String uri, ZebraComponent component, String printerId, PrinterAddress address) {
        super(uri, component);
        this.printerId = printerId;
        this.address = address;
    }

    void validateOptions() {
        new PrinterTimeouts(connectTimeout, writeTimeout, statusTimeout);
    }

    @Override
    public ZebraComponent getComponent() {
        return (ZebraComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new ZebraProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("zebra:" + printerId + " is a producer only; it cannot be consumed from");
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        connection = getComponent().connections().acquire(printerId, address,
                new PrinterTimeouts(connectTimeout, writeTimeout, statusTimeout));
    }

    @Override
    protected void doStop() throws Exception {
        if (connection != null) {
            getComponent().connections().release(printerId);
            connection = null;
        }
        super.doStop();
    }

    SocketPrinterConnection connection() {
        return connection;
    }

    public boolean isCheckStatus() {
        return checkStatus;
    }

    public void setCheckStatus(boolean checkStatus) {
        this.checkStatus = checkStatus;
    }

    public String getPrinterId() {
        return printerId;
    }

    public PrinterAddress getAddress() {
        return address;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getWriteTimeout() {
        return writeTimeout;
    }

    public void setWriteTimeout(Duration writeTimeout) {
        this.writeTimeout = writeTimeout;
    }

    public Duration getStatusTimeout() {
        return statusTimeout;
    }

    public void setStatusTimeout(Duration statusTimeout) {
        this.statusTimeout = statusTimeout;
    }
}
