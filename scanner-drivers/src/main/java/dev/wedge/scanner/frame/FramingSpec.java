package dev.wedge.scanner.frame;

import java.time.Duration;
import java.util.List;

/**
 * The framing options of one scanner, checked together; {@link #newFramer()} makes a fresh framer per connection.
 *
 * @param framing        the mode
 * @param prefix         the start byte for {@link Framing#STX_ETX} ("STX", a hex byte 0x02, or one character)
 * @param suffix         the suffix option (see {@link Suffixes}); for STX_ETX the default EOL means ETX
 * @param frameLength    bytes per frame for {@link Framing#FIXED_LENGTH}
 * @param idleGap        the silence that ends a frame for {@link Framing#IDLE_GAP}, and drops a stale partial
 *                       frame for {@link Framing#FIXED_LENGTH}
 * @param maxFrameLength the longest frame kept
 */
public record FramingSpec(Framing framing, String prefix, String suffix, int frameLength, Duration idleGap,
                          int maxFrameLength) {

    public FramingSpec {
        if (framing == null) {
            throw new IllegalArgumentException("framing must be one of SUFFIX, STX_ETX, FIXED_LENGTH, IDLE_GAP");
        }
        if (maxFrameLength < 1 || maxFrameLength > 1 << 20) {
            throw new IllegalArgumentException("maxFrameLength " + maxFrameLength + " is not 1 to 1048576");
        }
        if (idleGap == null || idleGap.isNegative() || idleGap.isZero()) {
            throw new IllegalArgumentException("idleGap " + idleGap + " must be positive");
        }
        if (framing == Framing.FIXED_LENGTH && (frameLength < 1 || frameLength > maxFrameLength)) {
            throw new IllegalArgumentException("frameLength " + frameLength + " must be 1 to maxFrameLength "
                    + maxFrameLength + " for FIXED_LENGTH framing");
        }
        Suffixes.parse(suffix);
        if (framing == Framing.STX_ETX) {
            if (singleByte("prefix", prefix) == endByte(suffix)) {
                throw new IllegalArgumentException("prefix '" + prefix + "' and suffix '" + suffix
                        + "' are the same byte; STX_ETX framing needs a start byte and a different end byte");
            }
        }
    }

    /** The usual framing: a frame ends at CR or LF. */
    public static FramingSpec lines(int maxFrameLength) {
        return new FramingSpec(Framing.SUFFIX, "STX", "EOL", 0, Duration.ofMillis(50), maxFrameLength);
    }

    /** A new framer in its initial state. */
    public Framer newFramer() {
        return switch (framing) {
            case SUFFIX -> new SuffixFramer(Suffixes.parse(suffix), maxFrameLength);
            case STX_ETX -> new StxEtxFramer(singleByte("prefix", prefix),
                    endByte(suffix), maxFrameLength);
            case FIXED_LENGTH -> new FixedLengthFramer(frameLength, idleGap);
            case IDLE_GAP -> new IdleGapFramer(idleGap, maxFrameLength);
        };
    }

    private static byte endByte(String suffix) {
        return "EOL".equalsIgnoreCase(suffix) ? 0x03 : singleByte("suffix", suffix);
    }

    private static byte singleByte(String option, String value) {
        List<byte[]> parsed = "STX".equalsIgnoreCase(value) ? List.of(new byte[] {0x02}) : Suffixes.parse(value);
        if (parsed.size() != 1 || parsed.get(0).length != 1) {
            throw new IllegalArgumentException(option + " '" + value + "' must be a single byte for STX_ETX framing");
        }
        return parsed.get(0)[0];
    }
}
