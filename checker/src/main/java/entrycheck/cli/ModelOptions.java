package entrycheck.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Options of every command that loads a model: {@code -D NAME=VALUE} constant overrides. */
public final class ModelOptions {

    @Option(names = "-D", paramLabel = "NAME=VALUE", converter = DefineConverter.class,
            description = "Override a const of the model, e.g. -D DEPTH=4 (decimal, 0x hex, true/false). "
                    + "Repeatable; the last value of a name wins. An unknown name is an error.")
    private List<Define> defines = new ArrayList<>();

    @Option(names = "--config", paramLabel = "NAME=y|n,...", converter = ConfigConverter.class,
            description = "Check under this configuration of the model's Kconfig-style options, e.g. "
                    + "--config PREEMPT_NONE=y,PROVE_LOCKING=n (CONFIG_ prefix optional). Options not named take their "
                    + "defaults as Kconfig resolves them; a configuration that violates a dependency is an error (exit 2). "
                    + "'entrycheck configs MODEL' lists a covering set.")
    private List<Map<String, Boolean>> configs = new ArrayList<>();

    /** The overrides: -D in command-line order, then the --config options as CONFIG_NAME = 1 or 0. */
    public Map<String, Integer> overrides() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (Define d : defines) m.put(d.name(), d.value());
        for (Map<String, Boolean> c : configs) m.putAll(entrycheck.lang.Options.overrides(c));
        return m;
    }

    /** Parses {@code NAME=y,NAME=n}. */
    static final class ConfigConverter implements ITypeConverter<Map<String, Boolean>> {
        @Override
        public Map<String, Boolean> convert(String text) {
            try {
                return entrycheck.lang.Options.parseAssignment(text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** One {@code -D NAME=VALUE}. */
    public record Define(String name, int value) { }

    /** Parses {@code NAME=VALUE}; NAME an identifier, VALUE an int (decimal or 0x hex) or a boolean. */
    static final class DefineConverter implements ITypeConverter<Define> {
        private static final Pattern SYNTAX = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(.*)");
        private static final Pattern INT = Pattern.compile("(-?)(?:0[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}))");

        @Override
        public Define convert(String text) {
            Matcher m = SYNTAX.matcher(text);
            if (!m.matches()) {
                throw new TypeConversionException("expected NAME=VALUE (e.g. DEPTH=4), but was '" + text + "'");
            }
            String value = m.group(2);
            if (value.equals("true")) return new Define(m.group(1), 1);
            if (value.equals("false")) return new Define(m.group(1), 0);
            Matcher v = INT.matcher(value);
            if (v.matches()) {
                long magnitude = v.group(2) != null ? Long.parseLong(v.group(2), 16) : Long.parseLong(v.group(3));
                long n = v.group(1).isEmpty() ? magnitude : -magnitude;
                if (n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE) return new Define(m.group(1), (int) n);
            }
            throw new TypeConversionException("the value of " + m.group(1)
                    + " must be a 32-bit integer (decimal or 0x hex) or true/false, but was '" + value + "'");
        }
    }
}
