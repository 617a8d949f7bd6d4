package entrycheck.configs;

import entrycheck.lang.Options;

/**
 * The constraint solver behind {@code entrycheck configs} (one method, like the layout and
 * bounded engines' backends). Given a model's options and a strength T, it returns a small set
 * of valid configurations such that every T-wise combination of option values that occurs in
 * some valid configuration occurs in one of them (a covering array constrained by the options'
 * dependencies), with the size of the full valid product next to it. The first configuration is
 * the model's default configuration when that is valid.
 */
public interface CoveringSolver {

    /** The solver's name and version, for the output's header. */
    String name();

    /**
     * @param options  the model's options (not empty)
     * @param strength T, at least 1; more than the number of factors means all of them
     */
    Covering cover(Options options, int strength);
}
