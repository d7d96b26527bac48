package dev.wedge.scanner.gs1;

/** Content rules over digits and short codes: zero rules, yes/no, winding, piece of total, sequences. */
final class ValueLinters {

    private ValueLinters() {
    }

    static LintFailure digits(String v) {
        int bad = CharSet.NUMERIC.firstInvalid(v);
        return bad < 0 ? null : new LintFailure(LintError.NON_DIGIT_CHARACTER, bad, bad + 1);
    }

    static LintFailure oneOf(String v, String allowed, LintError error) {
        return v.length() == 1 && allowed.indexOf(v.charAt(0)) >= 0 ? null : new LintFailure(error, 0, v.length());
    }

    static LintFailure zero(String v) {
        return !v.isEmpty() && v.chars().allMatch(c -> c == '0') ? null
                : new LintFailure(LintError.NOT_ZERO, 0, v.length());
    }

    static LintFailure nonZero(String v) {
        LintFailure d = digits(v);
        if (d != null) {
            return d;
        }
        return v.chars().allMatch(c -> c == '0') ? new LintFailure(LintError.ILLEGAL_ZERO_VALUE, 0, v.length()) : null;
    }

    static LintFailure noZeroPrefix(String v) {
        LintFailure d = digits(v);
        if (d != null) {
            return d;
        }
        return !v.isEmpty() && v.charAt(0) == '0' ? new LintFailure(LintError.ILLEGAL_ZERO_PREFIX, 0, 1) : null;
    }

    static LintFailure hyphen(String v) {
        return !v.isEmpty() && v.chars().allMatch(c -> c == '-') ? null
                : new LintFailure(LintError.NOT_HYPHEN, 0, v.length());
    }

    static LintFailure hasNonDigit(String v) {
        return CharSet.NUMERIC.firstInvalid(v) >= 0 ? null
                : new LintFailure(LintError.REQUIRES_NON_DIGIT_CHARACTER, 0, v.length());
    }

    static LintFailure pieceOfTotal(String v) {
        LintFailure d = digits(v);
        if (d != null) {
            return d;
        }
        if (v.isEmpty() || v.length() % 2 != 0) {
            return new LintFailure(LintError.INVALID_LENGTH_FOR_PIECE_OF_TOTAL, 0, v.length());
        }
        int half = v.length() / 2;
        long piece = Long.parseLong(v.substring(0, half));
        long total = Long.parseLong(v.substring(half));
        if (piece == 0) {
            return new LintFailure(LintError.ZERO_PIECE_NUMBER, 0, half);
        }
        if (total == 0) {
            return new LintFailure(LintError.ZERO_TOTAL_PIECES, half, v.length());
        }
        return piece > total ? new LintFailure(LintError.PIECE_NUMBER_EXCEEDS_TOTAL, 0, v.length()) : null;
    }

    static LintFailure positionInSequence(String v) {
        int slash = v.indexOf('/');
        if (slash <= 0 || slash == v.length() - 1 || v.indexOf('/', slash + 1) >= 0
                || CharSet.NUMERIC.firstInvalid(v.substring(0, slash)) >= 0
                || CharSet.NUMERIC.firstInvalid(v.substring(slash + 1)) >= 0) {
            return new LintFailure(LintError.POSITION_IN_SEQUENCE_MALFORMED, 0, v.length());
        }
        if (v.charAt(0) == '0') {
            return new LintFailure(LintError.ILLEGAL_ZERO_PREFIX, 0, slash);
        }
        if (v.charAt(slash + 1) == '0') {
            return new LintFailure(LintError.ILLEGAL_ZERO_PREFIX, slash + 1, v.length());
        }
        long position = Long.parseLong(v.substring(0, slash));
        long end = Long.parseLong(v.substring(slash + 1));
        return position > end ? new LintFailure(LintError.POSITION_EXCEEDS_END, 0, v.length()) : null;
    }

    static LintFailure coordinate(String v, long max, LintError invalidLength, LintError invalid) {
        LintFailure d = digits(v);
        if (d != null) {
            return d;
        }
        if (v.length() != 10) {
            return new LintFailure(invalidLength, 0, v.length());
        }
        return Long.parseLong(v) > max ? new LintFailure(invalid, 0, v.length()) : null;
    }

    static LintFailure mediaType(String v) {
        if (v.length() != 2 || CharSet.NUMERIC.firstInvalid(v) >= 0) {
            return new LintFailure(LintError.INVALID_MEDIA_TYPE, 0, v.length());
        }
        int code = Integer.parseInt(v);
        return code >= 1 && code <= 10 || code >= 80 ? null : new LintFailure(LintError.INVALID_MEDIA_TYPE, 0, 2);
    }

    static LintFailure gcpPosition(String v, int offset) {
        int minGcp = 4;
        String rest = v.length() > offset ? v.substring(offset) : "";
        if (rest.length() < minGcp) {
            return new LintFailure(LintError.TOO_SHORT_FOR_GCP, offset, v.length());
        }
        int bad = CharSet.NUMERIC.firstInvalid(rest.substring(0, minGcp));
        return bad < 0 ? null : new LintFailure(LintError.INVALID_GCP_PREFIX, offset, v.length());
    }
}
