package entrycheck.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses a positive memory size in bytes: a number with a binary unit {@code k}, {@code m},
 * {@code g} or {@code t} (optionally followed by {@code b}, any case), as the JVM's {@code -Xmx}
 * reads it: {@code 512m}, {@code 4g}, {@code 1536MB}. A plain number means megabytes.
 */
final class SizeConverter implements ITypeConverter<Long> {
    private static final Pattern SIZE = Pattern.compile("([0-9]{1,12})([kmgt]?)b?");

    @Override
    public Long convert(String text) {
        Matcher m = SIZE.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new TypeConversionException("expected a size such as 512m, 4g or 1536 (megabytes), but was '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        int shift;
        switch (m.group(2)) {
            case "k": shift = 10; break;
            case "g": shift = 30; break;
            case "t": shift = 40; break;
            default: shift = 20; break;
        }
        if (n == 0) throw new TypeConversionException("the size must be positive, but was '" + text + "'");
        if (n > Long.MAX_VALUE >> shift) throw new TypeConversionException("the size '" + text + "' is too large");
        return n << shift;
    }
}
