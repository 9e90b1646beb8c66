package com.rapport.platform.web;

/**
 * Text a service may accept: text that every read model can store and every reader can show.
 * <p>
 * PostgreSQL's text columns refuse U+0000, and a surrogate without its pair has no UTF-8 form:
 * an event carrying either is appended (its payload is bytes), then stops every projection that
 * writes it to a column. The other C0 control characters are refused too, though a column would
 * take them: nobody types them, a terminal that shows a log line obeys them (ESC), and XML 1.0,
 * which exports of the events may use, cannot carry them. Tab, line feed and carriage return stay,
 * so that notes keep their lines.
 */
public final class StorableText {

    public static final String RULE = "StorableText";
    static final String MESSAGE =
            "must not contain U+0000, a control character other than tab and line breaks, or an unpaired surrogate";

    private StorableText() {
    }

    public static boolean isStorable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** @return the text, if it may be stored */
    static String require(String text) {
        if (!isStorable(text)) {
            throw new RefusedValue(RULE, MESSAGE);
        }
        return text;
    }
}
