package vn.laurel.api.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A decimal value out of its column's range or scale is named as given, never written out in full (review H1). */
class RowParserTest {
    private static final Column VALUE = FactKinds.CAMPAIGN_RESULTS.columns().stream()
            .filter(c -> c.db().equals("result_value")).findFirst().orElseThrow();

    private static String refused(Object value) {
        IllegalArgumentException e = catchThrowableOfType(IllegalArgumentException.class, () -> RowParser.convert(VALUE, value));
        assertThat(e).as("%s is refused", value).isNotNull();
        return e.getMessage();
    }

    @Test
    @Timeout(10)
    void a_huge_or_tiny_value_is_quoted_as_given_cut_short() {
        // Written in plain digits, each is a billion characters: the import ran out of memory building the message.
        assertThat(refused("1e999999999")).isEqualTo("\"1e999999999\" is out of range (-1000000000000 to 1000000000000)");
        assertThat(refused("-1e999999999")).startsWith("\"-1e999999999\" is out of range");
        assertThat(refused("1e-999999999")).isEqualTo("\"1e-999999999\" has more than 4 decimal places");
        assertThat(refused(new BigDecimal("1e999999999"))).startsWith("\"1E+999999999\" is out of range");
        String longText = "0." + "1".repeat(200);
        assertThat(refused(longText)).isEqualTo("\"0." + "1".repeat(38) + "…\" has more than 4 decimal places");
    }

    @Test
    void values_within_the_columns_range_and_scale_read() {
        assertThat(RowParser.convert(VALUE, "92.5")).isEqualTo(new BigDecimal("92.5"));
        assertThat(RowParser.convert(VALUE, "1e12")).isEqualTo(new BigDecimal("1000000000000"));
        assertThat(RowParser.convert(VALUE, "-1000000000000")).isEqualTo(new BigDecimal("-1000000000000"));
        assertThat(RowParser.convert(VALUE, "0.12340000")).isEqualTo(new BigDecimal("0.1234"));
        assertThat(refused("90.12345")).isEqualTo("\"90.12345\" has more than 4 decimal places");
    }
}
