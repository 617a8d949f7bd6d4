package entrycheck.engine;

import entrycheck.ir.Program;
import entrycheck.ir.Property;
import entrycheck.ir.Transition;
import entrycheck.ir.Var;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The checkpoint of a breadth-first search: one file, {@code DIR/checkpoint.bin}, holding
 * <ol>
 *   <li>a header that identifies the run: the model's name, its source hash, its constants,
 *       the checked properties and a digest of the compiled layout and transitions; a resume
 *       is refused unless all of them match this run;</li>
 *   <li>the position: transitions fired, queue head, level and its end, depth, elapsed time;</li>
 *   <li>the canonical violation of each property found so far;</li>
 *   <li>the state store: every state found, its parent and its transition (the visited set is
 *       not written: it is the set of keys of these states and is rebuilt on resume);</li>
 *   <li>a CRC-32 of all of the above, so a damaged file is refused rather than resumed.</li>
 * </ol>
 * The file is written atomically, as {@code entrycheck.trace.AtomicFile} writes traces: to a
 * temporary file in the same directory, forced to disk, then renamed over the previous
 * checkpoint, so a crash or a second Ctrl-C while writing leaves the previous checkpoint
 * intact. The search writes only between rounds, where its data are consistent (see
 * {@link ParallelBfs}); resuming reproduces the rest of the run exactly, with any thread count.
 */
final class Checkpoint {
    private Checkpoint() { }

    static final String FILE = "checkpoint.bin";
    private static final long MAGIC = 0x454e545259434b50L; // "ENTRYCKP"
    private static final int VERSION = 1;

    /** What identifies the run a checkpoint belongs to. */
    record Header(String model, String sourceHash, String constants, String properties, String digest) {

        static Header of(Program program, boolean[] selected) {
            Map<String, Integer> constants = new TreeMap<>(program.constants());
            List<String> props = new ArrayList<>();
            for (Property p : program.properties()) if (selected[p.id()]) props.add(p.name());
            StringBuilder layout = new StringBuilder();
            for (Var v : program.layout().vars()) {
                layout.append(v.name()).append(':').append(v.type().lo()).append("..").append(v.type().hi())
                        .append('=').append(v.init()).append('@').append(v.word()).append('.').append(v.shift()).append(';');
            }
            for (Transition t : program.transitions()) layout.append(t.label()).append(';');
            return new Header(program.name(), program.sourceHash(), constants.toString(), String.join(",", props),
                    sha256(layout.toString()));
        }

        void writeTo(DataOutputStream out) throws IOException {
            out.writeUTF(model);
            out.writeUTF(sourceHash);
            out.writeUTF(constants);
            out.writeUTF(properties);
            out.writeUTF(digest);
        }

        static Header readFrom(DataInputStream in) throws IOException {
            return new Header(in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF());
        }

        /** Why a checkpoint with this header cannot be resumed by a run with {@code run}'s, or null. */
        String mismatch(Header run) {
            if (!sourceHash.equals(run.sourceHash) || !digest.equals(run.digest)) {
                return "it is of model " + model + " (source " + shortHash(sourceHash) + "), this run checks "
                        + run.model + " (source " + shortHash(run.sourceHash) + ")";
            }
            if (!constants.equals(run.constants)) return "it was written with constants " + constants + ", this run has " + run.constants;
            if (!properties.equals(run.properties)) {
                return "it checks properties " + properties + ", this run checks " + run.properties
                        + " (give the same -p options)";
            }
            return null;
        }

        private static String shortHash(String h) {
            return h.isEmpty() ? "unhashed" : "sha256 " + h.substring(0, Math.min(12, h.length()));
        }
    }

    /** When the next periodic checkpoint is due. */
    static final class Schedule {
        private final Path dir;
        private final long intervalNanos;
        private long last;

        Schedule(Path dir, Duration interval, long now) {
            this.dir = dir;
            this.intervalNanos = ParallelBfs.saturatedNanos(interval);
            this.last = now;
        }

        Path dir() { return dir; }

        boolean due(long now) { return now - last >= intervalNanos; }

        void written(long now) { last = now; }
    }

    static Path file(Path dir) { return dir.resolve(FILE); }

    /** Writes the checkpoint of {@code position} (its first {@code position.size} states) into {@code dir}. */
    static void write(Path dir, Header header, ParallelBfs.Position position, FirstViolations found, StateStore store)
            throws IOException {
        Files.createDirectories(dir);
        Path target = file(dir);
        Path tmp = Files.createTempFile(dir, "." + FILE + ".", ".tmp");
        boolean done = false;
        try {
            try (OutputStream raw = Files.newOutputStream(tmp)) {
                CheckedOutputStream checked = new CheckedOutputStream(new BufferedOutputStream(raw, 1 << 16), new CRC32());
                DataOutputStream out = new DataOutputStream(checked);
                out.writeLong(MAGIC);
                out.writeInt(VERSION);
                header.writeTo(out);
                out.writeInt(store.words());
                out.writeLong(position.fired);
                out.writeInt(position.head);
                out.writeInt(position.level);
                out.writeInt(position.levelEnd);
                out.writeInt(position.depth);
                out.writeLong(position.elapsedNanos);
                found.writeTo(out);
                store.writeTo(out, position.size);
                long crc = checked.getChecksum().getValue();
                out.writeLong(crc);
                out.flush();
            }
            try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        } finally {
            if (!done) Files.deleteIfExists(tmp);
        }
    }

    /**
     * Reads the checkpoint in {@code dir} into {@code found} and the empty {@code store}.
     *
     * @throws CheckpointException when there is none, it is damaged, or it belongs to another run
     */
    static ParallelBfs.Position read(Path dir, Header run, FirstViolations found, StateStore store) {
        Path f = file(dir);
        try (InputStream raw = Files.newInputStream(f)) {
            CheckedInputStream checked = new CheckedInputStream(new BufferedInputStream(raw, 1 << 16), new CRC32());
            DataInputStream in = new DataInputStream(checked);
            if (in.readLong() != MAGIC) throw new CheckpointException(f + " is not an entrycheck checkpoint");
            int version = in.readInt();
            if (version != VERSION) {
                throw new CheckpointException(f + " has format version " + version + "; this entrycheck reads version " + VERSION);
            }
            String why = Header.readFrom(in).mismatch(run);
            if (why != null) throw new CheckpointException("the checkpoint in " + dir + " belongs to another run: " + why);
            if (in.readInt() != store.words()) throw new CheckpointException("the checkpoint in " + dir + " has another state layout");
            ParallelBfs.Position p = new ParallelBfs.Position();
            p.fired = in.readLong();
            p.head = in.readInt();
            p.level = in.readInt();
            p.levelEnd = in.readInt();
            p.depth = in.readInt();
            p.elapsedNanos = in.readLong();
            found.readFrom(in);
            if (!store.readFrom(in)) {
                throw new CheckpointException("cannot resume from " + dir + ": its states do not fit the memory budget");
            }
            p.size = store.size();
            long crc = checked.getChecksum().getValue();
            if (in.readLong() != crc) throw new CheckpointException(f + " is damaged (checksum mismatch)");
            if (p.head < 0 || p.head > p.size || p.levelEnd < p.head || p.levelEnd > p.size) {
                throw new CheckpointException(f + " is damaged (queue position outside the stored states)");
            }
            return p;
        } catch (NoSuchFileException e) {
            throw new CheckpointException("no checkpoint to resume: " + f + " does not exist");
        } catch (IOException e) {
            throw new CheckpointException("cannot read the checkpoint " + f + ": " + e.getMessage(), e);
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
