package com.deskbridge.macros;

/**
 * One reason a template or macro definition is rejected, precise enough for the seller to fix it.
 *
 * @param macroId     the macro the problem is in, or null while a bare template is parsed
 * @param language    the body the problem is in, or null for problems of the macro as a whole
 * @param position    0-based offset in the body, or -1
 * @param line        1-based line of {@code position}, or -1
 * @param column      1-based column of {@code position}, or -1
 * @param placeholder the placeholder text involved (e.g. "CustomerNmae"), or null
 * @param message     what is wrong, in English
 */
public record MacroProblem(String macroId, MacroLanguage language, int position, int line, int column,
                           String placeholder, String message) {

    static MacroProblem at(String body, int position, String placeholder, String message) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < position && i < body.length(); i++) {
            if (body.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new MacroProblem(null, null, position, line, col, placeholder, message);
    }

    static MacroProblem of(String macroId, MacroLanguage language, String message) {
        return new MacroProblem(macroId, language, -1, -1, -1, null, message);
    }

    MacroProblem in(String macroId, MacroLanguage language) {
        return new MacroProblem(macroId, language, position, line, column, placeholder, message);
    }

    /** One line for the seller, e.g. "macro 'late', DE, line 2, column 7: unknown placeholder {{Kunde}}". */
    public String describe() {
        StringBuilder b = new StringBuilder();
        if (macroId != null) {
            b.append("macro '").append(macroId).append("'");
        }
        if (language != null) {
            b.append(b.isEmpty() ? "" : ", ").append(language);
        }
        if (position >= 0) {
            b.append(b.isEmpty() ? "" : ", ").append("line ").append(line).append(", column ").append(column)
                    .append(" (offset ").append(position).append(")");
        }
        return b.isEmpty() ? message : b + ": " + message;
    }
}
