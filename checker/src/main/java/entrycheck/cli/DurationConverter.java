package entrycheck.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses a positive duration written as number-unit pairs: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h30m}. */
final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern WHOLE = Pattern.compile("(?:[0-9]{1,9}(?:ms|s|m|h))+");
    private static final Pattern PART = Pattern.compile("([0-9]{1,9})(ms|s|m|h)");

    @Override
    public Duration convert(String text) {
        if (!WHOLE.matcher(text).matches()) {
            throw new TypeConversionException(
                    "expected a duration such as 30s, 5m, 1h30m or 500ms, but was '" + text + "'");
        }
        Duration d = Duration.ZERO;
        Matcher m = PART.matcher(text);
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            switch (m.group(2)) {
                case "ms": d = d.plusMillis(n); break;
                case "s": d = d.plusSeconds(n); break;
                case "m": d = d.plusMinutes(n); break;
                default: d = d.plusHours(n); break;
            }
        }
        if (d.isZero()) throw new TypeConversionException("the duration must be positive, but was '" + text + "'");
        return d;
    }
}
