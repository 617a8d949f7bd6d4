package entrycheck.compile;

/** What expressions need to know about the numbered code of each level. */
interface CodeInfo {
    /** The locations of level {@code level} inside {@code instrumentable} blocks. */
    int[] instrumentable(int level);

    /** The locations of level {@code level} from label a (included) to label b (excluded), in every instance of their procedure. */
    int[] labelRange(int level, String a, String b);
}
