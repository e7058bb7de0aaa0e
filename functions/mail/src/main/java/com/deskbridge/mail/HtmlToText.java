package com.deskbridge.mail;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Renders an HTML mail body as readable plain text: paragraphs and block elements start new lines, {@code <br>}
 * breaks a line, table cells are separated by " | " and rows by line breaks, list items get a "- " bullet, and
 * scripts, styles and other invisible content are dropped.
 */
final class HtmlToText {
    private static final String INVISIBLE = "script, style, noscript, template, head, title, object, embed, iframe";
    private static final Set<String> PARAGRAPHS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
            "pre", "table", "ul", "ol", "dl");
    private static final Set<String> BLOCKS = Set.of("div", "section", "article", "header", "footer", "main",
            "nav", "aside", "address", "center", "form", "fieldset", "tr", "li", "dt", "dd", "hr", "figure",
            "caption", "tbody", "thead", "tfoot");

    private HtmlToText() {
    }

    static String convert(String html) {
        Document doc = Jsoup.parse(html);
        doc.select(INVISIBLE).remove();
        Renderer renderer = new Renderer();
        NodeTraversor.traverse(renderer, doc.body());
        return tidy(renderer.out.toString());
    }

    /** Trims every line, keeps at most one blank line in a row, and trims the whole. */
    private static String tidy(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int blankRun = 0;
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            blankRun = trimmed.isEmpty() ? blankRun + 1 : 0;
            if (blankRun <= 1) {
                out.append(trimmed).append('\n');
            }
        }
        return out.toString().strip();
    }

    private static final class Renderer implements NodeVisitor {
        private final StringBuilder out = new StringBuilder();
        private int preDepth;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                appendText(text);
            } else if (node instanceof Element el) {
                String tag = el.normalName();
                if ("pre".equals(tag)) {
                    preDepth++;
                }
                if ("br".equals(tag)) {
                    out.append('\n');
                } else if (("td".equals(tag) || "th".equals(tag)) && el.elementSiblingIndex() > 0) {
                    out.append(" | ");
                } else if ("li".equals(tag)) {
                    breakLines(1);
                    out.append("- ");
                } else if (PARAGRAPHS.contains(tag)) {
                    breakLines(2);
                } else if (BLOCKS.contains(tag)) {
                    breakLines(1);
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element el) {
                String tag = el.normalName();
                if ("pre".equals(tag)) {
                    preDepth--;
                }
                if (PARAGRAPHS.contains(tag)) {
                    breakLines(2);
                } else if (BLOCKS.contains(tag)) {
                    breakLines(1);
                }
            }
        }

        /** Ends the output with at least {@code count} line breaks (trailing spaces do not count as content). */
        private void breakLines(int count) {
            int end = out.length();
            while (end > 0 && out.charAt(end - 1) == ' ') {
                end--;
            }
            out.setLength(end);
            int present = 0;
            while (present < end && out.charAt(end - 1 - present) == '\n') {
                present++;
            }
            if (out.length() > 0) {
                out.append("\n".repeat(Math.max(0, count - present)));
            }
        }

        private void appendText(TextNode text) {
            if (preDepth > 0) {
                out.append(text.getWholeText().replace('\u00a0', ' '));
                return;
            }
            String collapsed = text.getWholeText().replace('\u00a0', ' ').replaceAll("\\s+", " ");
            if (collapsed.isBlank()) {
                if (!collapsed.isEmpty() && out.length() > 0 && !Character.isWhitespace(out.charAt(out.length() - 1))) {
                    out.append(' ');
                }
                return;
            }
            if (collapsed.startsWith(" ") && (out.length() == 0 || Character.isWhitespace(out.charAt(out.length() - 1)))) {
                collapsed = collapsed.substring(1);
            }
            out.append(collapsed);
        }
    }
}
