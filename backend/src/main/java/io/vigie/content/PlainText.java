package io.vigie.content;

import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

import java.util.regex.Pattern;

/**
 * The words a reader sees, without markup: link text without its URL, image descriptions, code
 * as written, raw HTML as the text it is shown as. Blocks and table cells are kept apart by a space.
 */
final class PlainText extends AbstractVisitor {

    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Z}]+");

    private final StringBuilder out = new StringBuilder();

    private PlainText() {}

    static String of(Node document) {
        PlainText text = new PlainText();
        document.accept(text);
        return WHITESPACE.matcher(text.out).replaceAll(" ").strip();
    }

    @Override
    public void visit(Text text) {
        out.append(text.getLiteral());
    }

    @Override
    public void visit(Code code) {
        out.append(code.getLiteral());
    }

    @Override
    public void visit(FencedCodeBlock block) {
        out.append(' ').append(block.getLiteral()).append(' ');
    }

    @Override
    public void visit(IndentedCodeBlock block) {
        out.append(' ').append(block.getLiteral()).append(' ');
    }

    @Override
    public void visit(HtmlInline html) {
        out.append(html.getLiteral());
    }

    @Override
    public void visit(HtmlBlock html) {
        out.append(' ').append(html.getLiteral()).append(' ');
    }

    @Override
    public void visit(SoftLineBreak lineBreak) {
        out.append(' ');
    }

    @Override
    public void visit(HardLineBreak lineBreak) {
        out.append(' ');
    }

    @Override
    protected void visitChildren(Node parent) {
        boolean apart = parent instanceof Block || parent instanceof TableCell;
        if (apart) {
            out.append(' ');
        }
        super.visitChildren(parent);
        if (apart) {
            out.append(' ');
        }
    }
}
