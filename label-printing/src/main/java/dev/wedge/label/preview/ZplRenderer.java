package dev.wedge.label.preview;

import com.google.zxing.WriterException;
import dev.wedge.label.zpl.ZplCommand;
import dev.wedge.label.zpl.ZplLexer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Renders ZPL II to images so people can see a label before it prints: text ({@code ^A}, {@code ^A0},
 * {@code ^CF}, {@code ^FB}, {@code ^FH}, {@code ^CI}, {@code ^FW}), boxes and lines ({@code ^GB}),
 * graphics ({@code ^GF}), reversed fields ({@code ^FR}, {@code ^LR}), positions ({@code ^FO}, {@code ^FT},
 * {@code ^LH}, {@code ^PW}, {@code ^LL}) and barcodes drawn with ZXing's writers ({@code ^BC}, {@code ^BE},
 * {@code ^B3}, {@code ^B2}, {@code ^B8}, {@code ^BU}, {@code ^BX}, {@code ^BQ}, {@code ^B7}, {@code ^BO}).
 * MaxiCode ({@code ^BD}) has no ZXing writer and is left blank. Text uses the JDK's sans serif, so a preview
 * is close to, not identical with, the printed label. Stateless; thread-safe.
 */
public final class ZplRenderer {

    /** One image per {@code ^XA..^XZ} format at 203 dpi. */
    public List<BufferedImage> render(String zpl) {
        return render(zpl, RenderOptions.DEFAULT);
    }

    /**
     * One image per format.
     *
     * @throws IllegalArgumentException naming the command that cannot be drawn (malformed graphic or barcode data)
     */
    public List<BufferedImage> render(String zpl, RenderOptions options) {
        List<BufferedImage> images = new ArrayList<>();
        int[] home = {0, 0};
        List<ZplCommand> format = null;
        for (ZplCommand command : ZplLexer.commands(zpl)) {
            if (command.name().equals("^XA")) {
                format = new ArrayList<>();
            } else if (command.name().equals("^XZ") && format != null) {
                images.add(renderFormat(format, options, home));
                format = null;
            } else if (format != null) {
                format.add(command);
            }
        }
        return images;
    }

    /** The PNG encoding of an image. */
    public static byte[] toPng(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the preview as PNG", e);
        }
        return out.toByteArray();
    }

    private static BufferedImage renderFormat(List<ZplCommand> commands, RenderOptions options, int[] home) {
        int printWidth = sizeFrom(commands, "^PW", options.defaultWidth());
        int width = options.widthDots() > 0 ? options.widthDots() : printWidth;
        int height = options.heightDots() > 0 ? options.heightDots() : sizeFrom(commands, "^LL", options.defaultHeight());
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            if (printWidth < width) {
                // A label narrower than the image sits in the middle, as media does on a centre-aligned head.
                g.translate((width - printWidth) / 2, 0);
            }
            LabelPainter painter = new LabelPainter(g, home[0], home[1]);
            for (ZplCommand command : commands) {
                try {
                    painter.apply(command);
                } catch (WriterException | RuntimeException e) {
                    throw new IllegalArgumentException("cannot draw " + command.name() + abbreviate(command.parameters())
                            + ": " + e.getMessage(), e);
                }
            }
            home[0] = painter.homeX();
            home[1] = painter.homeY();
        } finally {
            g.dispose();
        }
        return image;
    }

    private static int sizeFrom(List<ZplCommand> commands, String name, int fallback) {
        int size = fallback;
        for (ZplCommand c : commands) {
            if (c.name().equals(name)) {
                int v = c.intParam(0, 0);
                if (v > 0 && v <= 32000) {
                    size = v;
                }
            }
        }
        return size;
    }

    private static String abbreviate(String s) {
        return s.length() > 30 ? s.substring(0, 30) + "..." : s;
    }
}
