package entrycheck.ir;

/** A state invariant of property {@code property}: {@code holds} must be non-zero in every reachable state. */
public record Invariant(int property, Expr holds) { }
