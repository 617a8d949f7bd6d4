package entrycheck.cli;

import entrycheck.configs.Covering;
import entrycheck.configs.CoveringSolver;
import entrycheck.lang.CheckedModel;
import entrycheck.lang.ModelException;
import entrycheck.lang.ModelLoader;
import entrycheck.lang.Options;
import entrycheck.trace.SafeText;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code entrycheck configs [MODEL...] [--strength T]}: a covering set of the models' option configurations. */
@Command(name = "configs", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        description = {"Compute with Choco Solver a small set of valid configurations of the model's Kconfig-style options "
                + "(docs/LANGUAGE.md section 3a) that covers every T-wise combination of option values occurring in some "
                + "valid configuration, and print it next to the size of the full valid product.",
            "Each line is a --config argument for 'entrycheck check'; a batch job checks them all with 'configs: covering'."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the covering sets are printed", "2:usage error or a bad model", ExitCodes.DOC_INTERNAL})
public final class ConfigsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "MODEL", arity = "0..*",
            description = "A bundled model name or a path to a .entry file. None: every bundled model that declares options.")
    private List<String> models = new ArrayList<>();

    @Mixin
    private ModelOptions modelOptions;

    @Option(names = "--strength", paramLabel = "T", defaultValue = "2",
            description = "Cover every combination of T options' values (default: ${DEFAULT-VALUE}; 1 = every value of every option).")
    private int strength;

    /** The solver; Choco's classes load here and only here. */
    static CoveringSolver solver() {
        return entrycheck.configs.choco.ChocoCovering.create();
    }

    @Override
    public Integer call() throws ModelException {
        if (strength < 1) throw new ParameterException(spec.commandLine(), "--strength must be at least 1, but was " + strength);
        boolean all = models.isEmpty();
        List<String> names = all ? ModelLoader.bundledModels() : models;
        PrintWriter out = spec.commandLine().getOut();
        CoveringSolver solver = solver();
        Map<String, String> seen = new HashMap<>();
        boolean printed = false;
        for (String name : names) {
            CheckedModel m = ModelLoader.check(name, modelOptions.overrides());
            Options opts = m.symbols().options();
            if (opts.isEmpty()) {
                if (!all) out.println(SafeText.of(m.name()) + ": declares no options (docs/LANGUAGE.md section 3a)");
                continue;
            }
            String key = opts.constraints().toString().replaceAll("Pos\\[[^]]*]", "") + opts.factors();
            if (seen.containsKey(key)) {
                out.println(SafeText.of(m.name()) + ": the options of " + SafeText.of(seen.get(key)) + " (same covering set)");
                continue;
            }
            seen.put(key, m.name());
            Covering c = solver.cover(opts, strength);
            out.printf(Locale.ROOT, "%s: %d options (%d factors); valid configurations: %,d; covering every valid %d-wise "
                    + "combination (%d of %d valid): %d configurations [%s]%n", SafeText.of(m.name()), opts.options().size(),
                    opts.factors().size(), c.validProduct(), c.strength(), c.validTuples(), c.allTuples(), c.rows().size(),
                    solver.name());
            for (int i = 0; i < c.rows().size(); i++) {
                Map<String, Boolean> row = c.rows().get(i);
                String mark = row.equals(m.symbols().configuration()) ? "  (the defaults)" : "";
                out.printf(Locale.ROOT, "  %2d  %s%s%n", i + 1, opts.describe(row), mark);
            }
            printed = true;
        }
        if (all && !printed && seen.isEmpty()) out.println("no bundled model declares options");
        out.flush();
        return ExitCodes.OK;
    }
}
