package dev.wedge.scanner.frame;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Reads the {@code suffix} option: {@code EOL} (CR or LF, the default), {@code CR}, {@code LF}, {@code CRLF},
 * {@code TAB}, {@code ETX}, a hex byte sequence such as {@code 0x0D0A}, or any other text taken literally.
 */
public final class Suffixes {

    private Suffixes() {
    }

    /**
     * @return the byte sequences any of which ends a frame
     * @throws IllegalArgumentException naming the option when the value is empty, bad hex, or too long
     */
    public static List<byte[]> parse(String option) {
        if (option == null || option.isEmpty()) {
            throw new IllegalArgumentException("suffix must not be empty");
        }
        List<byte[]> suffixes = switch (option.toUpperCase(Locale.ROOT)) {
            case "EOL" -> List.of(new byte[] {'\r'}, new byte[] {'\n'});
            case "CR" -> List.of(new byte[] {'\r'});
            case "LF" -> List.of(new byte[] {'\n'});
            case "CRLF" -> List.of(new byte[] {'\r', '\n'});
            case "TAB" -> List.of(new byte[] {'\t'});
            case "ETX" -> List.of(new byte[] {0x03});
            default -> List.of(custom(option));
        };
        if (suffixes.get(0).length > SuffixFramer.MAX_SUFFIX_LENGTH) {
            throw new IllegalArgumentException("suffix '" + option + "' is longer than "
                    + SuffixFramer.MAX_SUFFIX_LENGTH + " bytes");
        }
        return suffixes;
    }

    private static byte[] custom(String option) {
        if (option.length() > 2 && (option.startsWith("0x") || option.startsWith("0X"))) {
            String hex = option.substring(2);
            try {
                return HexFormat.of().parseHex(hex);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("suffix '" + option + "' is not an even number of hex digits after 0x");
            }
        }
        return option.getBytes(StandardCharsets.ISO_8859_1);
    }
}
