package com.deskbridge.intent;

/**
 * A CharSequence that counts reads and throws {@link BudgetExceeded} after a budget, so that a regex match on it
 * cannot run unbounded. One instance per match; not thread-safe (it is never shared).
 */
final class BudgetedCharSequence implements CharSequence {
    /** Thrown when the read budget is spent. */
    static final class BudgetExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BudgetExceeded() {
            super("regex match budget exceeded", null, false, false);
        }
    }

    private final String text;
    private final int[] remaining;
    private final int offset;
    private final int length;

    BudgetedCharSequence(String text, int budget) {
        this(text, new int[] {budget}, 0, text.length());
    }

    private BudgetedCharSequence(String text, int[] remaining, int offset, int length) {
        this.text = text;
        this.remaining = remaining;
        this.offset = offset;
        this.length = length;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if (--remaining[0] < 0) {
            throw new BudgetExceeded();
        }
        return text.charAt(offset + index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new BudgetedCharSequence(text, remaining, offset + start, end - start);
    }

    @Override
    public String toString() {
        return text.substring(offset, offset + length);
    }
}
