package dev.accessgate.domain.filter;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser for spec §4. It also resolves names to slots (§5.1) and enforces the
 * nesting limit while it descends, so its own recursion is bounded: at most
 * {@link FilterExpression#MAX_DEPTH} nested brackets and, separately, at most as many nested
 * {@code ?:} branches and {@code throw}s. Prefix operators and operator runs are collected in
 * loops, so they cost no recursion.
 */
final class Parser {

    /** The result: the program and how many variable slots it uses. */
    record Parsed(Node.Body program, int slotCount) { }

    private static final String[][] LEVELS = {
        {"??"}, {"||"}, {"&&"}, {"==", "!="}, {"<", ">", "<=", ">="}, {"+", "-"}, {"*", "/", "%"},
    };
    private static final Op[][] LEVEL_OPS = {
        {Op.COALESCE}, {Op.OR}, {Op.AND}, {Op.EQ, Op.NE}, {Op.LT, Op.GT, Op.LE, Op.GE}, {Op.ADD, Op.SUB},
        {Op.MUL, Op.DIV, Op.MOD},
    };
    private static final int FIRST_BINARY_LEVEL = 3;

    private record Binding(String name, int slot) { }

    private final String source;
    private List<Token> tokens;
    private int index;
    private int bracketDepth;
    private int operatorDepth;
    private int slotCount;
    private final List<Binding> scope = new ArrayList<>();
    private FilterException referenceError;

    private Parser(String source) {
        this.source = source;
    }

    static Parsed parse(String source) {
        Parser parser = new Parser(source);
        parser.tokens = new Lexer(source, 0, source.length()).tokenize();
        if (parser.peek().kind() == Token.Kind.EOF) {
            throw parser.syntax(parser.peek(), "the expression is empty");
        }
        Node.Body program = parser.body();
        parser.expectEnd();
        if (parser.referenceError != null) {
            throw parser.referenceError;
        }
        return new Parsed(program, parser.slotCount);
    }

    // ---- statements ------------------------------------------------------------------------

    private Node.Body body() {
        int pos = peek().start();
        int mark = scope.size();
        List<Node.Decl> decls = new ArrayList<>();
        while (peek().isKeyword("let") || (peek().kind() == Token.Kind.IDENT && peek(1).isPunct("="))) {
            decls.add(declaration());
            expect(";", "';' after the declaration");
        }
        boolean explicitReturn = false;
        if (peek().isKeyword("return")) {
            next();
            explicitReturn = true;
        }
        Node statement = statement();
        if (peek().isPunct(";")) {
            next();
        }
        while (scope.size() > mark) {
            scope.remove(scope.size() - 1);
        }
        return new Node.Body(decls.toArray(new Node.Decl[0]), statement, explicitReturn, pos);
    }

    private Node.Decl declaration() {
        boolean let = false;
        if (peek().isKeyword("let")) {
            next();
            let = true;
        }
        Token name = peek();
        if (name.kind() != Token.Kind.IDENT) {
            throw syntax(name, name.kind() == Token.Kind.KEYWORD
                    ? "'" + name.text() + "' is a reserved word and cannot be declared"
                    : "expected a name to declare but found " + name.describe());
        }
        next();
        checkDeclarable(name);
        expect("=", "'=' after the declared name");
        Node init = expression();
        int slot = slotCount++;
        scope.add(new Binding(name.text(), slot));
        return new Node.Decl(name.text(), let, slot, init, name.start());
    }

    private void checkDeclarable(Token name) {
        if (name.text().equals("event")) {
            throw syntax(name, "'event' is predefined and cannot be declared");
        }
    }

    private Node statement() {
        if (peek().isKeyword("if")) {
            return ifStatement();
        }
        if (peek().isKeyword("try")) {
            return tryStatement();
        }
        return expression();
    }

    private Node ifStatement() {
        int pos = next().start();
        List<Node> conditions = new ArrayList<>();
        List<Node.Body> blocks = new ArrayList<>();
        while (true) {
            Token open = expect("(", "'(' after 'if'");
            enterBracket(open);
            conditions.add(expression());
            expect(")", "')' after the condition");
            bracketDepth--;
            blocks.add(block("'{' to start the block of 'if'"));
            if (!peek().isKeyword("else")) {
                throw syntax(peek(), "'if' needs an 'else' block, but found " + peek().describe());
            }
            next();
            if (peek().isKeyword("if")) {
                next();
                continue;
            }
            Node.Body otherwise = block("'{' after 'else'");
            return new Node.If(conditions.toArray(new Node[0]), blocks.toArray(new Node.Body[0]), otherwise, pos);
        }
    }

    private Node tryStatement() {
        int pos = next().start();
        Node.Body body = block("'{' after 'try'");
        if (!peek().isKeyword("catch")) {
            throw syntax(peek(), "'try' needs a 'catch' block, but found " + peek().describe());
        }
        next();
        expect("(", "'(' after 'catch' (write 'catch ()' when the error is not needed)");
        String name = null;
        int slot = -1;
        if (peek().kind() == Token.Kind.IDENT) {
            Token id = next();
            checkDeclarable(id);
            name = id.text();
            slot = slotCount++;
        }
        expect(")", "')' after the catch parameter");
        int mark = scope.size();
        if (name != null) {
            scope.add(new Binding(name, slot));
        }
        Node.Body handler = block("'{' to start the catch block");
        while (scope.size() > mark) {
            scope.remove(scope.size() - 1);
        }
        return new Node.Try(body, name, slot, handler, pos);
    }

    private Node.Body block(String what) {
        Token open = expect("{", what);
        enterBracket(open);
        Node.Body body = body();
        expect("}", "'}' to close the block");
        bracketDepth--;
        return body;
    }

    // ---- expressions -----------------------------------------------------------------------

    private Node expression() {
        Node condition = throwExpression();
        if (!peek().isPunct("?")) {
            return condition;
        }
        Token question = next();
        enterOperator(question);
        Node then = expression();
        expect(":", "':' of the conditional");
        Node otherwise = expression();
        operatorDepth--;
        return new Node.Conditional(condition, then, otherwise, question.start());
    }

    private Node throwExpression() {
        if (!peek().isKeyword("throw")) {
            return binary();
        }
        Token keyword = next();
        enterOperator(keyword);
        Node operand = throwExpression();
        operatorDepth--;
        return new Node.Throw(operand, keyword.start());
    }

    /**
     * The binary operators from {@code ??} down to {@code * / %}, parsed with an explicit stack
     * (no recursion): each run of operators of one precedence level becomes one n-ary node.
     */
    private Node binary() {
        ArrayDeque<Run> runs = new ArrayDeque<>();
        Node operand = unary();
        while (true) {
            int level = levelOf(peek());
            while (!runs.isEmpty() && runs.peek().level > level) {
                operand = runs.pop().close(operand);
            }
            if (level < 0) {
                return operand;
            }
            Token op = next();
            Run run = runs.peek();
            if (run == null || run.level < level) {
                run = new Run(level);
                runs.push(run);
            }
            run.operands.add(operand);
            run.ops.add(LEVEL_OPS[level][indexOf(LEVELS[level], op)]);
            run.positions.add(op.start());
            operand = unary();
        }
    }

    /** An open run of operators of one level, waiting for its last operand. */
    private static final class Run {
        final int level;
        final List<Node> operands = new ArrayList<>();
        final List<Op> ops = new ArrayList<>();
        final List<Integer> positions = new ArrayList<>();

        Run(int level) {
            this.level = level;
        }

        Node close(Node last) {
            operands.add(last);
            Node[] operandArray = operands.toArray(new Node[0]);
            int[] opPos = new int[positions.size()];
            for (int i = 0; i < opPos.length; i++) {
                opPos[i] = positions.get(i);
            }
            return level < FIRST_BINARY_LEVEL
                    ? new Node.Logical(ops.get(0), operandArray, opPos)
                    : new Node.Binary(operandArray, ops.toArray(new Op[0]), opPos);
        }
    }

    /** The precedence level (index into {@link #LEVELS}) of a binary operator token, or -1. */
    private static int levelOf(Token token) {
        for (int level = 0; level < LEVELS.length; level++) {
            if (indexOf(LEVELS[level], token) >= 0) {
                return level;
            }
        }
        return -1;
    }

    private static int indexOf(String[] symbols, Token token) {
        if (token.kind() != Token.Kind.PUNCT) {
            return -1;
        }
        for (int i = 0; i < symbols.length; i++) {
            if (symbols[i].equals(token.text())) {
                return i;
            }
        }
        return -1;
    }

    private Node unary() {
        List<Op> ops = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        while (true) {
            Token t = peek();
            Op op = t.isPunct("!") ? Op.NOT : t.isPunct("-") ? Op.NEG : t.isKeyword("typeof") ? Op.TYPEOF : null;
            if (op == null) {
                break;
            }
            next();
            ops.add(op);
            positions.add(t.start());
        }
        Node operand = postfix();
        if (ops.isEmpty()) {
            return operand;
        }
        int[] opPos = new int[positions.size()];
        for (int i = 0; i < opPos.length; i++) {
            opPos[i] = positions.get(i);
        }
        return new Node.Unary(ops.toArray(new Op[0]), opPos, operand);
    }

    private Node postfix() {
        Node base = primary();
        List<Node.Link> links = new ArrayList<>();
        while (true) {
            Token t = peek();
            if (t.isPunct(".") || t.isPunct("?.")) {
                boolean optional = t.isPunct("?.");
                next();
                if (optional && peek().isPunct("[")) {
                    links.add(indexLink(true, t.start()));
                    continue;
                }
                Token name = peek();
                if (name.kind() != Token.Kind.IDENT && name.kind() != Token.Kind.KEYWORD) {
                    throw syntax(name, "expected a property name after '" + t.text() + "' but found " + name.describe());
                }
                next();
                if (peek().isPunct("(")) {
                    Node[] args = arguments();
                    links.add(new Node.Call(name.text(), args, optional, name.start()));
                } else {
                    links.add(new Node.Member(name.text(), optional, name.start()));
                }
            } else if (t.isPunct("[")) {
                links.add(indexLink(false, t.start()));
            } else if (t.isPunct("(")) {
                throw syntax(t, "only methods can be called, as in list.map(...); there are no free function calls");
            } else {
                break;
            }
        }
        if (links.isEmpty()) {
            return base;
        }
        return new Node.Chain(base, links.toArray(new Node.Link[0]), base.pos());
    }

    private Node.Index indexLink(boolean optional, int pos) {
        Token open = next();
        enterBracket(open);
        Node key = expression();
        expect("]", "']' to close the index");
        bracketDepth--;
        return new Node.Index(key, optional, pos);
    }

    private Node[] arguments() {
        Token open = next();
        enterBracket(open);
        List<Node> args = new ArrayList<>();
        if (!peek().isPunct(")")) {
            while (true) {
                args.add(arrowAhead() ? arrow() : expression());
                if (!peek().isPunct(",")) {
                    break;
                }
                next();
            }
        }
        expect(")", "')' or ',' in the argument list");
        bracketDepth--;
        return args.toArray(new Node[0]);
    }

    /** Whether the tokens ahead are {@code IDENT =>} or {@code ( [IDENT {, IDENT}] ) =>}. */
    private boolean arrowAhead() {
        if (peek().kind() == Token.Kind.IDENT) {
            return peek(1).isPunct("=>");
        }
        if (!peek().isPunct("(")) {
            return false;
        }
        int i = 1;
        if (peek(i).isPunct(")")) {
            return peek(i + 1).isPunct("=>");
        }
        while (peek(i).kind() == Token.Kind.IDENT) {
            i++;
            if (peek(i).isPunct(")")) {
                return peek(i + 1).isPunct("=>");
            }
            if (!peek(i).isPunct(",")) {
                return false;
            }
            i++;
        }
        return false;
    }

    private Node.Arrow arrow() {
        int pos = peek().start();
        List<Token> params = new ArrayList<>();
        if (peek().kind() == Token.Kind.IDENT) {
            params.add(next());
        } else {
            next();
            while (!peek().isPunct(")")) {
                params.add(next());
                if (peek().isPunct(",")) {
                    next();
                }
            }
            next();
        }
        next(); // =>
        Set<String> seen = new HashSet<>();
        String[] names = new String[params.size()];
        int[] slots = new int[params.size()];
        int mark = scope.size();
        for (int i = 0; i < names.length; i++) {
            Token param = params.get(i);
            checkDeclarable(param);
            if (!seen.add(param.text())) {
                throw syntax(param, "duplicate parameter name '" + param.text() + "'");
            }
            names[i] = param.text();
            slots[i] = slotCount++;
        }
        for (int i = 0; i < names.length; i++) {
            scope.add(new Binding(names[i], slots[i]));
        }
        Node body = expression();
        while (scope.size() > mark) {
            scope.remove(scope.size() - 1);
        }
        return new Node.Arrow(names, slots, body, pos);
    }

    private Node primary() {
        Token t = peek();
        switch (t.kind()) {
            case NUMBER:
            case STRING:
                next();
                return new Node.Literal(t.value(), t.start());
            case TEMPLATE:
                next();
                return template(t);
            case IDENT:
                if (peek(1).isPunct("=>")) {
                    throw syntax(peek(1), "arrow functions are only allowed as method arguments, as in list.map(x => ...)");
                }
                next();
                return name(t);
            case KEYWORD:
                return keyword(t);
            case PUNCT:
                if (t.isPunct("(")) {
                    if (arrowAhead()) {
                        throw syntax(t, "arrow functions are only allowed as method arguments, as in list.map(x => ...)");
                    }
                    next();
                    enterBracket(t);
                    Node inner = expression();
                    expect(")", "')' to close the parenthesis");
                    bracketDepth--;
                    return inner;
                }
                if (t.isPunct("[")) {
                    return listLiteral();
                }
                if (t.isPunct("{")) {
                    return mapLiteral();
                }
                throw unexpected(t, "a value");
            default:
                throw syntax(t, "the expression ends where a value was expected");
        }
    }

    private Node keyword(Token t) {
        switch (t.text()) {
            case "true":
                next();
                return new Node.Literal(Boolean.TRUE, t.start());
            case "false":
                next();
                return new Node.Literal(Boolean.FALSE, t.start());
            case "null":
                next();
                return new Node.Literal(null, t.start());
            case "new":
                throw new FilterException(FilterError.at(ErrorCode.E_UNSUPPORTED,
                        "'new' is not supported: filters work on the plain event data", source, t.start()));
            default:
                throw syntax(t, "unexpected '" + t.text() + "' where a value was expected");
        }
    }

    private Node name(Token t) {
        if (t.text().equals("event")) {
            return new Node.EventRef(t.start());
        }
        for (int i = scope.size() - 1; i >= 0; i--) {
            Binding binding = scope.get(i);
            if (binding.name().equals(t.text())) {
                return new Node.Ident(t.text(), binding.slot(), t.start());
            }
        }
        if (referenceError == null) {
            referenceError = new FilterException(FilterError.at(ErrorCode.E_REFERENCE,
                    "unknown name '" + t.text() + "': only 'event' and names bound by let, arrow parameters and catch exist",
                    source, t.start()));
        }
        return new Node.Ident(t.text(), -1, t.start());
    }

    private Node listLiteral() {
        Token open = next();
        enterBracket(open);
        List<Node> items = new ArrayList<>();
        if (!peek().isPunct("]")) {
            while (true) {
                items.add(expression());
                if (!peek().isPunct(",")) {
                    break;
                }
                next();
            }
        }
        expect("]", "']' or ',' in the list");
        bracketDepth--;
        return new Node.ListLit(items.toArray(new Node[0]), open.start());
    }

    private Node mapLiteral() {
        Token open = next();
        enterBracket(open);
        List<String> keys = new ArrayList<>();
        List<Node> values = new ArrayList<>();
        if (!peek().isPunct("}")) {
            while (true) {
                Token key = peek();
                if (key.kind() == Token.Kind.IDENT || key.kind() == Token.Kind.KEYWORD) {
                    keys.add(key.text());
                } else if (key.kind() == Token.Kind.STRING) {
                    keys.add((String) key.value());
                } else {
                    throw syntax(key, "expected a map key (a name or a string) but found " + key.describe());
                }
                next();
                expect(":", "':' after the map key");
                values.add(expression());
                if (!peek().isPunct(",")) {
                    break;
                }
                next();
            }
        }
        expect("}", "'}' or ',' in the map");
        bracketDepth--;
        return new Node.MapLit(keys.toArray(new String[0]), values.toArray(new Node[0]), open.start());
    }

    private Node template(Token t) {
        Token.TemplateParts parts = (Token.TemplateParts) t.value();
        Node[] exprs = new Node[parts.exprStart().length];
        List<Token> outerTokens = tokens;
        int outerIndex = index;
        for (int i = 0; i < exprs.length; i++) {
            int start = parts.exprStart()[i];
            Token open = new Token(Token.Kind.PUNCT, "${", null, start - 2, start);
            enterBracket(open);
            tokens = new Lexer(source, start, parts.exprEnd()[i]).tokenize();
            index = 0;
            if (peek().kind() == Token.Kind.EOF) {
                throw syntax(open, "empty ${} in a template");
            }
            exprs[i] = expression();
            if (peek().kind() != Token.Kind.EOF) {
                throw unexpected(peek(), "'}' to close ${");
            }
            bracketDepth--;
        }
        tokens = outerTokens;
        index = outerIndex;
        return new Node.Template(parts.chunks(), exprs, t.start());
    }

    // ---- helpers ---------------------------------------------------------------------------

    private void expectEnd() {
        if (peek().kind() != Token.Kind.EOF) {
            throw unexpected(peek(), "the end of the expression");
        }
    }

    private Token expect(String punct, String what) {
        Token t = peek();
        if (!t.isPunct(punct)) {
            throw unexpected(t, what);
        }
        return next();
    }

    /** An error for an unexpected token, with hints for common mistakes. */
    private FilterException unexpected(Token t, String expected) {
        if (t.isPunct("=")) {
            return syntax(t, "unexpected '=': compare with '==' (there is no '===' and no assignment)");
        }
        if (t.isPunct("=>")) {
            return syntax(t, "arrow functions are only allowed as method arguments, as in list.map(x => ...)");
        }
        if (t.kind() == Token.Kind.IDENT && (t.text().equals("in") || t.text().equals("instanceof"))) {
            return syntax(t, "the '" + t.text() + "' operator is not supported");
        }
        if (t.isPunct("(")) {
            return syntax(t, "only methods can be called, as in list.map(...); there are no free function calls");
        }
        return syntax(t, "expected " + expected + " but found " + t.describe());
    }

    private void enterBracket(Token open) {
        if (++bracketDepth > FilterExpression.MAX_DEPTH) {
            throw new FilterException(FilterError.at(ErrorCode.E_DEPTH, "brackets are nested more than "
                    + FilterExpression.MAX_DEPTH + " levels deep", source, open.start()));
        }
    }

    private void enterOperator(Token op) {
        if (++operatorDepth > FilterExpression.MAX_DEPTH) {
            throw new FilterException(FilterError.at(ErrorCode.E_DEPTH, "'?:' and 'throw' are nested more than "
                    + FilterExpression.MAX_DEPTH + " levels deep", source, op.start()));
        }
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    private Token next() {
        Token t = tokens.get(index);
        if (index < tokens.size() - 1) {
            index++;
        }
        return t;
    }

    private FilterException syntax(Token t, String message) {
        return new FilterException(FilterError.at(ErrorCode.E_SYNTAX, message, source, t.start()));
    }
}
