package dev.accessgate.domain.filter;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The immutable syntax tree of a compiled expression. Each node evaluates itself, charging the
 * steps of spec §9. {@code pos} is the source offset of the token that best locates the node
 * (errors point there). Arrays held by nodes are never modified after parsing.
 */
sealed interface Node {

    int pos();

    Object eval(Ctx ctx);

    /** A Number (Double), String, Boolean or null literal. */
    record Literal(Object value, int pos) implements Node {
        @Override
        public Object eval(Ctx ctx) {
            ctx.step(pos);
            return value;
        }
    }

    /** The predefined name {@code event}. */
    record EventRef(int pos) implements Node {
        @Override
        public Object eval(Ctx ctx) {
            ctx.step(pos);
            return ctx.event;
        }
    }

    /** A name bound by let, an arrow parameter or catch; {@code slot} indexes {@link Ctx#slots}. */
    record Ident(String name, int slot, int pos) implements Node {
        @Override
        public Object eval(Ctx ctx) {
            ctx.step(pos);
            return ctx.slots[slot];
        }
    }

    /** Prefix operators {@code ops[0] ops[1] ... operand}, applied right to left. */
    record Unary(Op[] ops, int[] opPos, Node operand) implements Node {
        @Override
        public int pos() {
            return opPos[0];
        }

        @Override
        public Object eval(Ctx ctx) {
            ctx.steps(ops.length, opPos[0]);
            Object value = operand.eval(ctx);
            for (int i = ops.length - 1; i >= 0; i--) {
                value = Operators.unary(ops[i], value, opPos[i]);
            }
            return value;
        }
    }

    /** A left-associative run of arithmetic, comparison or equality operators of one precedence level. */
    record Binary(Node[] operands, Op[] ops, int[] opPos) implements Node {
        @Override
        public int pos() {
            return opPos[0];
        }

        @Override
        public Object eval(Ctx ctx) {
            ctx.steps(ops.length, opPos[0]);
            Object acc = operands[0].eval(ctx);
            for (int i = 0; i < ops.length; i++) {
                acc = Operators.binary(ops[i], acc, operands[i + 1].eval(ctx), opPos[i], ctx);
            }
            return acc;
        }
    }

    /** A run of one short-circuit operator ({@code &&}, {@code ||} or {@code ??}). */
    record Logical(Op op, Node[] operands, int[] opPos) implements Node {
        @Override
        public int pos() {
            return opPos[0];
        }

        @Override
        public Object eval(Ctx ctx) {
            ctx.steps(opPos.length, opPos[0]);
            Object value = operands[0].eval(ctx);
            for (int i = 1; i < operands.length; i++) {
                boolean done;
                switch (op) {
                    case AND: done = !Values.truthy(value, opPos[i - 1]); break;
                    case OR: done = Values.truthy(value, opPos[i - 1]); break;
                    default: done = value != null; break;
                }
                if (done) {
                    return value;
                }
                value = operands[i].eval(ctx);
            }
            return value;
        }
    }

    /** {@code condition ? then : otherwise}. */
    record Conditional(Node condition, Node then, Node otherwise, int pos) implements Node {
        @Override
        public Object eval(Ctx ctx) {
            ctx.step(pos);
            return Values.truthy(condition.eval(ctx), pos) ? then.eval(ctx) : otherwise.eval(ctx);
        }
    }

    /** {@code throw operand}: raises a catchable E-THROW carrying the String. */
    record Throw(Node operand, int pos) implements Node {
        @Override
        public Object eval(Ctx ctx) {
            ctx.step(pos);
            Object value = operand.eval(ctx);
            if (value instanceof String message) {
                throw new EvalError(ErrorCode.E_THROW, message, pos);
            }
            throw EvalError.type("throw needs a String, got " + Values.typeName(value, pos), pos);
        }
    }

    /** {@code [a, b, ...]}. */
    record ListLit(Node[] items, int pos) implements Node {
        @Override
        public Object eval(Ctx ctx) {
            ctx.step(pos);
            ctx.build(items.length, pos);
            Object[] values = new Object[items.length];
            for (int i = 0; i < items.length; i++) {
                values[i] = items[i].eval(ctx);
            }
            return Values.list(values);
        }
    }

    /** {@code {key: value, ...}}; a duplicate key keeps the last value. */
    record MapLit(String[] keys, Node[] values, int pos) implements Node {
        @Override
        public Object eval(Ctx ctx) {
            ctx.step(pos);
            ctx.build(keys.length, pos);
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < keys.length; i++) {
                map.put(keys[i], values[i].eval(ctx));
            }
            return Values.map(map);
        }
    }

    /** A template literal: {@code chunks[0] ${exprs[0]} chunks[1] ...}. */
    record Template(String[] chunks, Node[] exprs, int pos) implements Node {
        @Override
        public Object eval(Ctx ctx) {
            ctx.step(pos);
            ctx.build(chunks[0].length(), pos);
            StringBuilder out = new StringBuilder(chunks[0]);
            for (int i = 0; i < exprs.length; i++) {
                String rendered = Values.render(exprs[i].eval(ctx), exprs[i].pos());
                ctx.build((long) rendered.length() + chunks[i + 1].length(), exprs[i].pos());
                out.append(rendered).append(chunks[i + 1]);
            }
            return out.toString();
        }
    }

    /**
     * A primary followed by member links. When a {@code ?.} link meets null the whole rest of the
     * chain is skipped and the chain yields null; parentheses end a chain (the base is then itself
     * a Chain).
     */
    record Chain(Node base, Link[] links, int pos) implements Node {
        @Override
        public Object eval(Ctx ctx) {
            Object value = base.eval(ctx);
            for (Link link : links) {
                if (value == null && link.optional()) {
                    return null;
                }
                value = link.apply(value, ctx);
            }
            return value;
        }
    }

    /** An arrow function; only ever a method-call argument, invoked by the method. */
    record Arrow(String[] params, int[] slots, Node body, int pos) implements Node {
        @Override
        public Object eval(Ctx ctx) {
            throw new IllegalStateException("an arrow function is not a value");
        }

        Object invoke(Object arg, Ctx ctx) {
            ctx.step(pos);
            ctx.slots[slots[0]] = arg;
            return body.eval(ctx);
        }

        Object invoke(Object first, Object second, Ctx ctx) {
            ctx.step(pos);
            ctx.slots[slots[0]] = first;
            ctx.slots[slots[1]] = second;
            return body.eval(ctx);
        }
    }

    /** A program or block: declarations, then the statement whose value is the body's value. */
    record Body(Decl[] decls, Node statement, boolean explicitReturn, int pos) implements Node {
        @Override
        public Object eval(Ctx ctx) {
            for (Decl decl : decls) {
                ctx.step(decl.pos());
                ctx.slots[decl.slot()] = decl.init().eval(ctx);
            }
            return statement.eval(ctx);
        }
    }

    /** {@code [let] name = init}. */
    record Decl(String name, boolean let, int slot, Node init, int pos) { }

    /** {@code if (c0) {b0} else if (c1) {b1} ... else {otherwise}}. */
    record If(Node[] conditions, Body[] blocks, Body otherwise, int pos) implements Node {
        @Override
        public Object eval(Ctx ctx) {
            ctx.step(pos);
            for (int i = 0; i < conditions.length; i++) {
                if (Values.truthy(conditions[i].eval(ctx), conditions[i].pos())) {
                    return blocks[i].eval(ctx);
                }
            }
            return otherwise.eval(ctx);
        }
    }

    /** {@code try {body} catch (name) {handler}}; {@code name} is null and slot -1 without identifier. */
    record Try(Body body, String catchName, int catchSlot, Body handler, int pos) implements Node {
        @Override
        public Object eval(Ctx ctx) {
            ctx.step(pos);
            try {
                return body.eval(ctx);
            } catch (EvalError e) {
                if (!e.code.catchable()) {
                    throw e;
                }
                if (catchSlot >= 0) {
                    ctx.slots[catchSlot] = e.getMessage();
                }
                return handler.eval(ctx);
            }
        }
    }

    /** One postfix link of a {@link Chain}. */
    sealed interface Link {
        boolean optional();

        int pos();

        Object apply(Object receiver, Ctx ctx);
    }

    /** {@code .name} or {@code ?.name}. */
    record Member(String name, boolean optional, int pos) implements Link {
        @Override
        public Object apply(Object receiver, Ctx ctx) {
            ctx.step(pos);
            return Values.member(receiver, name, pos);
        }
    }

    /** {@code [index]} or {@code ?.[index]}. */
    record Index(Node index, boolean optional, int pos) implements Link {
        @Override
        public Object apply(Object receiver, Ctx ctx) {
            ctx.step(pos);
            return Values.index(receiver, index.eval(ctx), pos);
        }
    }

    /**
     * {@code .name(args)} or {@code ?.name(args)}; an argument is a value expression or an
     * {@link Arrow}.
     */
    record Call(String name, Node[] args, boolean optional, int pos) implements Link {
        private static final Object[] NO_ARGS = {};

        @Override
        public Object apply(Object receiver, Ctx ctx) {
            ctx.step(pos);
            if (receiver == null) {
                throw EvalError.type("cannot call '" + name + "' on null", pos);
            }
            Object[] values = args.length == 0 ? NO_ARGS : new Object[args.length];
            for (int i = 0; i < args.length; i++) {
                values[i] = args[i] instanceof Arrow ? args[i] : args[i].eval(ctx);
            }
            return Methods.call(this, receiver, values, ctx);
        }
    }
}
