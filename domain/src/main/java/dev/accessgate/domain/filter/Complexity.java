package dev.accessgate.domain.filter;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The static cost estimate of spec §10: a polynomial upper bound on the steps, whose variables
 * are the unknown sizes of the lists the expression iterates over.
 */
final class Complexity {

    /** Size variable names in order of introduction; after these come V14, V15, ... */
    private static final String[] NAMES = {"N", "M", "L", "K", "J", "H", "G", "F", "E", "D", "C", "B", "A"};
    private static final Set<String> SIZE_PRESERVING = Set.of("map", "filter", "slice");

    /** Variable key (receiver token text) to variable index, in order of introduction. */
    private final Map<String, Integer> variables = new LinkedHashMap<>();
    private final Map<Integer, Node.Decl> declsBySlot = new HashMap<>();
    private int overLimitPos = -1;

    private Complexity() {
    }

    /** The formula, e.g. {@code 4*N*N + 4*N + 6}; throws E-COMPLEXITY past {@link FilterExpression#MAX_SIZE_VARIABLES}. */
    static String analyse(Node.Body program, String source) {
        Complexity analysis = new Complexity();
        Poly cost = analysis.cost(program);
        String formula = cost.format();
        if (analysis.variables.size() > FilterExpression.MAX_SIZE_VARIABLES) {
            StringBuilder names = new StringBuilder();
            for (Map.Entry<String, Integer> v : analysis.variables.entrySet()) {
                names.append(names.length() == 0 ? "" : ", ").append(name(v.getValue())).append(" = ").append(v.getKey());
            }
            throw new FilterException(FilterError.at(ErrorCode.E_COMPLEXITY, "the expression is too complex: its cost "
                    + formula + " depends on " + analysis.variables.size() + " list sizes (" + names + "), at most "
                    + FilterExpression.MAX_SIZE_VARIABLES + " are allowed", source, analysis.overLimitPos));
        }
        return formula;
    }

    static String name(int variable) {
        return variable < NAMES.length ? NAMES[variable] : "V" + (variable + 1);
    }

    private Poly cost(Node node) {
        if (node instanceof Node.Literal || node instanceof Node.EventRef || node instanceof Node.Ident) {
            return Poly.constant(1);
        }
        if (node instanceof Node.Unary u) {
            return Poly.constant(u.ops().length).plus(cost(u.operand()));
        }
        if (node instanceof Node.Binary b) {
            return sum(Poly.constant(b.ops().length), b.operands());
        }
        if (node instanceof Node.Logical l) {
            return sum(Poly.constant(l.opPos().length), l.operands());
        }
        if (node instanceof Node.Conditional c) {
            return Poly.constant(1).plus(cost(c.condition())).plus(cost(c.then())).plus(cost(c.otherwise()));
        }
        if (node instanceof Node.Throw t) {
            return Poly.constant(1).plus(cost(t.operand()));
        }
        if (node instanceof Node.ListLit l) {
            return sum(Poly.constant(1), l.items());
        }
        if (node instanceof Node.MapLit m) {
            return sum(Poly.constant(1), m.values());
        }
        if (node instanceof Node.Template t) {
            return sum(Poly.constant(1), t.exprs());
        }
        if (node instanceof Node.Chain c) {
            return chain(c);
        }
        if (node instanceof Node.Body b) {
            Poly total = Poly.constant(0);
            for (Node.Decl decl : b.decls()) {
                total = total.plus(Poly.constant(1)).plus(cost(decl.init()));
                declsBySlot.put(decl.slot(), decl);
            }
            return total.plus(cost(b.statement()));
        }
        if (node instanceof Node.If i) {
            Poly total = sum(Poly.constant(1), i.conditions());
            total = sum(total, i.blocks());
            return total.plus(cost(i.otherwise()));
        }
        if (node instanceof Node.Try t) {
            return Poly.constant(1).plus(cost(t.body())).plus(cost(t.handler()));
        }
        throw new IllegalStateException("no cost for " + node.getClass().getSimpleName());
    }

    private Poly sum(Poly start, Node[] nodes) {
        Poly total = start;
        for (Node n : nodes) {
            total = total.plus(cost(n));
        }
        return total;
    }

    private Poly chain(Node.Chain chain) {
        Poly total = cost(chain.base());
        Node.Link[] links = chain.links();
        for (int i = 0; i < links.length; i++) {
            Node.Link link = links[i];
            total = total.plus(Poly.constant(1));
            if (link instanceof Node.Index index) {
                total = total.plus(cost(index.index()));
            } else if (link instanceof Node.Call call) {
                boolean iterating = Methods.ITERATING.contains(call.name());
                for (Node arg : call.args()) {
                    if (!(arg instanceof Node.Arrow arrow)) {
                        total = total.plus(cost(arg));
                    } else if (iterating) {
                        Poly size = size(chain, i);
                        total = total.plus(size.times(Poly.constant(1).plus(cost(arrow.body()))));
                    }
                }
            }
        }
        return total;
    }

    /** S of the receiver of {@code chain.links[upTo]} (a call): the chain's base plus its first {@code upTo} links. */
    private Poly size(Node.Chain chain, int upTo) {
        Node.Call call = (Node.Call) chain.links()[upTo];
        if (upTo == 0) {
            return size(chain.base(), key(chain.base()), call.pos());
        }
        if (chain.links()[upTo - 1] instanceof Node.Call previous && SIZE_PRESERVING.contains(previous.name())) {
            return size(chain, upTo - 1);
        }
        return variable(key(new Node.Chain(chain.base(), Arrays.copyOf(chain.links(), upTo), chain.pos())),
                call.pos());
    }

    /**
     * The key of a size variable: the receiver in canonical print. The spec keys variables by
     * token sequence; printing makes that independent of spelling ({@code ""} and {@code ''},
     * {@code 1} and {@code 1.0}, escapes in templates), which keying by source text was not.
     */
    private static String key(Node receiver) {
        return Printer.print(receiver);
    }

    /** S of a whole expression whose token text is {@code key}. */
    private Poly size(Node node, String key, int pos) {
        if (node instanceof Node.ListLit list) {
            return Poly.constant(list.items().length);
        }
        if (node instanceof Node.Ident ident && declsBySlot.containsKey(ident.slot())) {
            Node.Decl decl = declsBySlot.get(ident.slot());
            return size(decl.init(), key(decl.init()), pos);
        }
        if (node instanceof Node.Chain chain) {
            int last = chain.links().length - 1;
            if (chain.links()[last] instanceof Node.Call call && SIZE_PRESERVING.contains(call.name())) {
                return size(chain, last);
            }
        }
        return variable(key, pos);
    }

    private Poly variable(String key, int pos) {
        Integer index = variables.get(key);
        if (index == null) {
            index = variables.size();
            variables.put(key, index);
            if (index == FilterExpression.MAX_SIZE_VARIABLES) {
                overLimitPos = pos;
            }
        }
        return Poly.variable(index);
    }

    /** A polynomial with non-negative integer coefficients over size variables. */
    static final class Poly {
        /** Monomial (sorted variable indexes, repeated for powers) to coefficient. */
        private final Map<List<Integer>, BigInteger> terms;

        private Poly(Map<List<Integer>, BigInteger> terms) {
            this.terms = terms;
        }

        static Poly constant(long c) {
            Map<List<Integer>, BigInteger> terms = new HashMap<>();
            if (c != 0) {
                terms.put(List.of(), BigInteger.valueOf(c));
            }
            return new Poly(terms);
        }

        static Poly variable(int index) {
            Map<List<Integer>, BigInteger> terms = new HashMap<>();
            terms.put(List.of(index), BigInteger.ONE);
            return new Poly(terms);
        }

        Poly plus(Poly other) {
            Map<List<Integer>, BigInteger> result = new HashMap<>(terms);
            other.terms.forEach((m, c) -> result.merge(m, c, BigInteger::add));
            return new Poly(result);
        }

        Poly times(Poly other) {
            Map<List<Integer>, BigInteger> result = new HashMap<>();
            for (Map.Entry<List<Integer>, BigInteger> a : terms.entrySet()) {
                for (Map.Entry<List<Integer>, BigInteger> b : other.terms.entrySet()) {
                    Integer[] vars = new Integer[a.getKey().size() + b.getKey().size()];
                    int n = 0;
                    for (Integer v : a.getKey()) {
                        vars[n++] = v;
                    }
                    for (Integer v : b.getKey()) {
                        vars[n++] = v;
                    }
                    Arrays.sort(vars);
                    result.merge(List.of(vars), a.getValue().multiply(b.getValue()), BigInteger::add);
                }
            }
            return new Poly(result);
        }

        /** Terms by descending degree, then variable order, constant last; e.g. {@code 4*N*N + 4*N + 6}. */
        String format() {
            List<List<Integer>> monomials = new ArrayList<>(terms.keySet());
            monomials.sort((a, b) -> {
                if (a.size() != b.size()) {
                    return Integer.compare(b.size(), a.size());
                }
                for (int i = 0; i < a.size(); i++) {
                    int c = Integer.compare(a.get(i), b.get(i));
                    if (c != 0) {
                        return c;
                    }
                }
                return 0;
            });
            StringBuilder out = new StringBuilder();
            for (List<Integer> monomial : monomials) {
                BigInteger coefficient = terms.get(monomial);
                if (out.length() > 0) {
                    out.append(" + ");
                }
                StringBuilder term = new StringBuilder();
                if (monomial.isEmpty() || !coefficient.equals(BigInteger.ONE)) {
                    term.append(coefficient);
                }
                for (Integer v : monomial) {
                    term.append(term.length() == 0 ? "" : "*").append(name(v));
                }
                out.append(term);
            }
            return out.length() == 0 ? "0" : out.toString();
        }
    }
}
