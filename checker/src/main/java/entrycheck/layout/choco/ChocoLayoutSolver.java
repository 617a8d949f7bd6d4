package entrycheck.layout.choco;

import entrycheck.layout.FrameField;
import entrycheck.layout.FrameLayout;
import entrycheck.layout.LayoutProblem;
import entrycheck.layout.LayoutResult;
import entrycheck.layout.LayoutSolver;
import entrycheck.layout.Requirement;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chocosolver.solver.Model;
import org.chocosolver.solver.Solution;
import org.chocosolver.solver.Solver;
import org.chocosolver.solver.constraints.Constraint;
import org.chocosolver.solver.search.strategy.Search;
import org.chocosolver.solver.variables.IntVar;

/**
 * {@link LayoutSolver} on Choco Solver. The model: per field an offset and a size variable,
 * per region a start and an end, the total size, and the frame's alignment (a power of two).
 * The structural constraints are always posted; each {@link Requirement} becomes one or more
 * Choco constraints. A feasible problem is then optimised (minimal padding); an infeasible one
 * is explained with Choco's QuickXPlain ({@link Solver#findMinimumConflictingSet}) over the
 * requirements' constraints, and the constraints it returns are mapped back to requirements.
 */
public final class ChocoLayoutSolver implements LayoutSolver {

    private ChocoLayoutSolver() { }

    /** A new solver, typed as the interface so that callers' classes do not link Choco. */
    public static LayoutSolver create() { return new ChocoLayoutSolver(); }

    @Override
    public String name() { return "Choco Solver 4.10.18"; }

    @Override
    public LayoutResult solve(LayoutProblem problem) {
        Encoding feasibility = new Encoding(problem);
        if (!feasibility.model.getSolver().solve()) {
            return new LayoutResult.Conflict(new Encoding(problem).explain()); // a fresh model: QuickXPlain solves it again
        }
        Encoding optimum = new Encoding(problem);
        return new LayoutResult.Laid(optimum.minimisePadding());
    }

    /** One Choco model of the problem. */
    private static final class Encoding {
        final Model model = new Model("entrycheck-layout");
        final LayoutProblem problem;
        final List<FrameField> fields;
        final IntVar[] offset;
        final IntVar[] size;
        final IntVar[] start;
        final IntVar[] end;
        final IntVar total;
        final IntVar padding;
        /** Each posted requirement constraint, with the requirement it stands for. */
        final Map<Constraint, Requirement> soft = new IdentityHashMap<>();
        final List<Constraint> softOrder = new ArrayList<>();

        Encoding(LayoutProblem problem) {
            this.problem = problem;
            this.fields = problem.fields();
            int n = fields.size();
            int bound = 64;
            for (FrameField f : fields) bound += Math.max(f.size(), f.naturalSize()) + Math.max(1, f.align()) + 16;
            offset = new IntVar[n];
            size = new IntVar[n];
            for (int i = 0; i < n; i++) {
                FrameField f = fields.get(i);
                offset[i] = model.intVar(f.name() + ".offset", 0, bound);
                size[i] = model.intVar(f.name() + ".size", 1, Math.max(f.size(), f.naturalSize()));
                if (!f.sizeDeclared()) model.arithm(size[i], "=", f.size()).post();
            }
            List<LayoutProblem.Region> regions = problem.regions();
            start = new IntVar[regions.size()];
            end = new IntVar[regions.size()];
            total = model.intVar("size", 0, bound);
            padding = model.intVar("padding", 0, bound);
            int k = 0;
            for (int r = 0; r < regions.size(); r++) {
                start[r] = model.intVar(regions.get(r).name() + ".start", 0, bound);
                end[r] = model.intVar(regions.get(r).name() + ".end", 0, bound);
                model.arithm(start[r], "<=", end[r]).post();
                if (r == 0) model.arithm(start[r], "=", 0).post();
                else model.arithm(end[r - 1], "<=", start[r]).post();
                int first = k;
                for (FrameField f : regions.get(r).fields()) {
                    model.arithm(start[r], "<=", offset[k]).post();
                    model.arithm(offset[k], "+", size[k], "<=", end[r]).post();
                    k++;
                }
                for (int i = first; i < k; i++) {
                    for (int j = i + 1; j < k; j++) {
                        model.or(model.arithm(offset[i], "+", size[i], "<=", offset[j]),
                                model.arithm(offset[j], "+", size[j], "<=", offset[i])).post();
                    }
                }
            }
            model.arithm(end[regions.size() - 1], "<=", total).post();
            IntVar[] terms = new IntVar[n + 1];
            System.arraycopy(size, 0, terms, 0, n);
            terms[n] = padding;
            model.sum(terms, "=", total).post();
            requirements();
        }

        private void requirements() {
            IntVar frameAlign = model.intVar("frame.align", powersOfTwo());
            List<LayoutProblem.Region> regions = problem.regions();
            for (Requirement req : problem.requirements()) {
                if (req instanceof Requirement.FieldAlign fa) {
                    int i = fields.indexOf(fa.field());
                    int a = Math.max(1, fa.field().align());
                    if (a > 1) soft(req, model.mod(offset[i], a, 0), model.mod(frameAlign, a, 0));
                } else if (req instanceof Requirement.DeclaredSize ds) {
                    soft(req, model.arithm(size[fields.indexOf(ds.field())], "=", ds.field().size()));
                } else if (req instanceof Requirement.FitsType ft) {
                    soft(req, model.arithm(size[fields.indexOf(ft.field())], ">=", ft.field().naturalSize()));
                } else if (req instanceof Requirement.FrameAlignment f) {
                    soft(req, model.arithm(frameAlign, "=", f.bytes()));
                } else if (req instanceof Requirement.ZeroedStart z) {
                    soft(req, model.mod(start[regionIndex("zeroed")], z.bytes(), 0));
                } else if (req instanceof Requirement.ZeroedSize z) {
                    int r = regionIndex("zeroed");
                    IntVar length = model.intVar("zeroed.size", 0, end[r].getUB());
                    model.arithm(length, "=", end[r], "-", start[r]).post();
                    soft(req, model.mod(length, z.bytes(), 0));
                } else if (req instanceof Requirement.PtRegsAligned p) {
                    soft(req, model.mod(start[firstPtRegs(regions)], p.bytes(), 0));
                } else if (req instanceof Requirement.PtRegsAtEnd) {
                    soft(req, model.arithm(end[regions.size() - 1], "=", total));
                } else if (req instanceof Requirement.TotalSize t) {
                    soft(req, model.mod(total, t.bytes(), 0));
                } else {
                    throw new IllegalArgumentException("unknown requirement " + req);
                }
            }
        }

        private void soft(Requirement req, Constraint... cs) {
            for (Constraint c : cs) {
                c.post();
                soft.put(c, req);
                softOrder.add(c);
            }
        }

        private static int[] powersOfTwo() {
            int[] p = new int[21];
            for (int i = 0; i < p.length; i++) p[i] = 1 << i;
            return p;
        }

        private int regionIndex(String name) {
            List<LayoutProblem.Region> regions = problem.regions();
            for (int r = 0; r < regions.size(); r++) if (regions.get(r).name().equals(name)) return r;
            throw new IllegalArgumentException("no region " + name);
        }

        private static int firstPtRegs(List<LayoutProblem.Region> regions) {
            for (int r = 0; r < regions.size(); r++) if (regions.get(r).isPtRegs()) return r;
            throw new IllegalArgumentException("no pt_regs region");
        }

        /** A minimal set of conflicting requirements (QuickXPlain over their constraints). */
        List<Requirement> explain() {
            List<Constraint> conflict = model.getSolver().findMinimumConflictingSet(new ArrayList<>(softOrder));
            Set<Requirement> reqs = new LinkedHashSet<>();
            for (Constraint c : softOrder) if (conflict.contains(c)) reqs.add(soft.get(c));
            return new ArrayList<>(reqs);
        }

        /** The layout with minimal padding; ties: smallest offsets in declaration order. */
        FrameLayout minimisePadding() {
            Solver solver = model.getSolver();
            List<IntVar> order = new ArrayList<>();
            int k = 0;
            for (int r = 0; r < problem.regions().size(); r++) {
                order.add(start[r]);
                for (int j = 0; j < problem.regions().get(r).fields().size(); j++) {
                    order.add(size[k]);
                    order.add(offset[k++]);
                }
                order.add(end[r]);
            }
            order.add(total);
            solver.setSearch(Search.inputOrderLBSearch(order.toArray(new IntVar[0])),
                    Search.inputOrderLBSearch(model.retrieveIntVars(true)));
            Solution best = solver.findOptimalSolution(padding, Model.MINIMIZE);
            if (best == null) throw new IllegalStateException("layout: a feasible problem has no optimal solution");
            List<FrameLayout.Placed> placed = new ArrayList<>();
            for (int i = 0; i < fields.size(); i++) {
                FrameField f = fields.get(i);
                int s = best.getIntVal(size[i]);
                FrameField sized = s == f.size() ? f : new FrameField(f.name(), f.region(), s, f.naturalSize(), f.align(),
                        f.type(), f.sizeDeclared(), f.alignDeclared());
                placed.add(new FrameLayout.Placed(sized, best.getIntVal(offset[i])));
            }
            List<FrameLayout.PlacedRegion> regions = new ArrayList<>();
            for (int r = 0; r < problem.regions().size(); r++) {
                int s = best.getIntVal(start[r]);
                regions.add(new FrameLayout.PlacedRegion(problem.regions().get(r).name(), s, best.getIntVal(end[r]) - s));
            }
            return new FrameLayout(placed, regions, best.getIntVal(total), best.getIntVal(padding));
        }
    }
}
