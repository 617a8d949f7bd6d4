package entrycheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class SizeConverterTest {
    private final SizeConverter c = new SizeConverter();

    @Test
    void binaryUnitsAndMegabytesByDefault() {
        assertEquals(512L << 20, c.convert("512m"));
        assertEquals(512L << 20, c.convert("512"));
        assertEquals(4L << 30, c.convert("4G"));
        assertEquals(1536L << 20, c.convert("1536MB"));
        assertEquals(100L << 10, c.convert("100k"));
        assertEquals(2L << 40, c.convert("2t"));
    }

    @Test
    void rejectsNonsense() {
        assertThrows(TypeConversionException.class, () -> c.convert("0"));
        assertThrows(TypeConversionException.class, () -> c.convert("-5m"));
        assertThrows(TypeConversionException.class, () -> c.convert("5x"));
        assertThrows(TypeConversionException.class, () -> c.convert("99999999999t"));
    }
}
