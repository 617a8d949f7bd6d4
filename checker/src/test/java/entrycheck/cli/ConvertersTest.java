package entrycheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class ConvertersTest {

    private final ModelOptions.DefineConverter defines = new ModelOptions.DefineConverter();
    private final DurationConverter durations = new DurationConverter();

    @Test
    void defines() {
        assertEquals(new ModelOptions.Define("DEPTH", 4), defines.convert("DEPTH=4"));
        assertEquals(new ModelOptions.Define("_x9", -7), defines.convert("_x9=-7"));
        assertEquals(new ModelOptions.Define("MASK", 0x2a), defines.convert("MASK=0x2A"));
        assertEquals(new ModelOptions.Define("ON", 1), defines.convert("ON=true"));
        assertEquals(new ModelOptions.Define("ON", 0), defines.convert("ON=false"));
        assertEquals(new ModelOptions.Define("BIG", Integer.MAX_VALUE), defines.convert("BIG=2147483647"));
        assertEquals(new ModelOptions.Define("SMALL", Integer.MIN_VALUE), defines.convert("SMALL=-2147483648"));
        for (String bad : List.of("DEPTH", "DEPTH=", "4=4", "A-B=1", "X=2147483648", "X=1e3", "X= 1", "X=True")) {
            assertThrows(TypeConversionException.class, () -> defines.convert(bad), bad);
        }
    }

    @Test
    void durations() {
        assertEquals(Duration.ofSeconds(30), durations.convert("30s"));
        assertEquals(Duration.ofMinutes(5), durations.convert("5m"));
        assertEquals(Duration.ofMillis(500), durations.convert("500ms"));
        assertEquals(Duration.ofMinutes(90), durations.convert("1h30m"));
        assertEquals(Duration.ofSeconds(61), durations.convert("1m1s"));
        for (String bad : List.of("", "30", "30 s", "0s", "0m0s", "1.5h", "5d", "m", "-1s", "PT30S")) {
            assertThrows(TypeConversionException.class, () -> durations.convert(bad), bad);
        }
    }

    @Test
    void lastDefineOfANameWins() {
        CliRun r = CliRun.run(CliEnvironment.plain(), cmd -> cmd.addSubcommand("defs", new DefsCommand()),
                "defs", "-D", "A=1", "-DB=0x10", "-D", "A=3");
        assertEquals(0, r.exitCode(), r.both());
        assertEquals("{A=3, B=16}\n", r.out());
    }

    @picocli.CommandLine.Command(name = "defs")
    static final class DefsCommand implements java.util.concurrent.Callable<Integer> {
        @picocli.CommandLine.Mixin ModelOptions options;
        @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().getOut().println(options.overrides());
            return 0;
        }
    }
}
