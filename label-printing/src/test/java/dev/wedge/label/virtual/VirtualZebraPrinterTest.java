package dev.wedge.label.virtual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wedge.label.status.HostStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VirtualZebraPrinterTest {

    private final VirtualZebraPrinter printer = new VirtualZebraPrinter();

    @AfterEach
    void stop() {
        printer.stop();
    }

    private Socket connect() throws IOException {
        int port = printer.port() > 0 ? printer.port() : printer.start(0);
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(5000);
        return socket;
    }

    private static String readReply(InputStream in, int etxCount) throws IOException {
        StringBuilder reply = new StringBuilder();
        int seen = 0;
        while (seen < etxCount || !reply.toString().endsWith("\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            reply.append((char) b);
            if (b == HostStatus.ETX) {
                seen++;
            }
        }
        return reply.toString();
    }

    @Test
    void answersHostStatusWithThreeWellFormedLinesSayingReady() throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream().write("~HS".getBytes(StandardCharsets.US_ASCII));

            String reply = readReply(socket.getInputStream(), 3);

            assertThat(reply).matches("(\u0002[0-9,]+\u0003\r\n){3}");
            String[] lines = reply.split("\r\n");
            assertThat(lines[0]).matches("\u0002\\d{3},0,0,\\d{4},000,0,0,0,000,0,0,0\u0003");
            assertThat(lines[1]).matches("\u0002\\d{3},0,0,0,0,\\d,\\d,0,00000000,1,000\u0003");
            assertThat(lines[2]).matches("\u0002\\d{4},[01]\u0003");
            assertThat(HostStatus.parse(reply).isReady()).isTrue();
        }
    }

    @Test
    void keepsEachFormatWithItsDecodedFieldTexts() throws IOException {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            byte[] two = "^XA^CI28^FO1,1^FH_^FDZo_C3_AB_5E^FS^XZ^XA^FO1,1^FDsecond^FS^XZ".getBytes(StandardCharsets.UTF_8);
            // Split inside the first format to prove formats are reassembled across reads.
            out.write(two, 0, 20);
            out.flush();
            out.write(two, 20, two.length - 20);
            out.flush();

            await().atMost(Duration.ofSeconds(5)).until(() -> printer.labels().size() == 2);
        }
        assertThat(printer.labels()).extracting(ReceivedLabel::fieldTexts)
                .containsExactly(java.util.List.of("Zoë^"), java.util.List.of("second"));
        assertThat(printer.labels().get(1).zpl()).isEqualTo("^XA^FO1,1^FDsecond^FS^XZ");
        java.awt.image.BufferedImage preview = javax.imageio.ImageIO.read(
                new java.io.ByteArrayInputStream(printer.labels().get(1).previewPng()));
        assertThat(preview.getWidth()).isEqualTo(812);
    }

    @Test
    void holdsLabelsWhilePaperIsOutAndPrintsThemWhenItIsLoaded() throws IOException {
        printer.setPaperOut(true);
        try (Socket socket = connect()) {
            socket.getOutputStream().write("^XA^FDone^FS^XZ".getBytes(StandardCharsets.US_ASCII));
            await().atMost(Duration.ofSeconds(5)).until(() -> printer.waitingLabels() == 1);
            socket.getOutputStream().write("~HS".getBytes(StandardCharsets.US_ASCII));
            HostStatus status = HostStatus.parse(readReply(socket.getInputStream(), 3));
            assertThat(status.paperOut()).isTrue();
            assertThat(status.formatsInBuffer()).isEqualTo(1);
        }
        assertThat(printer.labels()).isEmpty();

        printer.setPaperOut(false);

        assertThat(printer.labels()).hasSize(1);
    }

    @Test
    void pausesOnTildePpAndPrintsWhatWaitedOnTildePs() throws IOException {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write("~PP^XA^FDwaits^FS^XZ".getBytes(StandardCharsets.US_ASCII));
            await().atMost(Duration.ofSeconds(5)).until(() -> printer.waitingLabels() == 1);
            assertThat(printer.labels()).isEmpty();

            out.write("~PS".getBytes(StandardCharsets.US_ASCII));

            await().atMost(Duration.ofSeconds(5)).until(() -> printer.labels().size() == 1);
        }
    }

    @Test
    void answersSgdGetvarWithAQuotedValue() throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream().write("! U1 getvar \"device.product_name\"\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] buf = new byte[64];
            int n = socket.getInputStream().read(buf);

            assertThat(new String(buf, 0, n, StandardCharsets.US_ASCII)).isEqualTo("\"ZT410-203dpi\"");
        }
    }

    @Test
    void printsAsManyCopiesAsTheFormatAsksForAndCountsEach() throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream().write("^XA^FO10,10^FDcopy^FS^PQ3^XZ".getBytes(StandardCharsets.US_ASCII));

            await().atMost(Duration.ofSeconds(5)).until(() -> printer.labels().size() == 3);
            assertThat(printer.odometer()).isEqualTo(3);
            assertThat(printer.labels()).allSatisfy(l -> assertThat(l.fieldTexts()).containsExactly("copy"));
        }
    }
}
