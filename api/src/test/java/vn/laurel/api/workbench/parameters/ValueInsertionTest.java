package vn.laurel.api.workbench.parameters;

import org.junit.jupiter.api.Test;
import vn.laurel.api.ThrowawayPostgres;
import vn.laurel.engine.policy.Parameter;
import vn.laurel.engine.policy.ParameterValue;
import vn.laurel.engine.ruleset.RuleBundle;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The text insertion of a new dated value: comments and layout kept, the value read back as meant. */
class ValueInsertionTest {
    static final String PATH = "rules/parameters/advanced-laborer.yaml";

    static String repoFile() throws Exception {
        return Files.readString(ThrowawayPostgres.repoRoot().resolve(PATH));
    }

    static Parameter reread(String text, String name) {
        ParameterFiles.Read read = ParameterFiles.of(RuleBundle.of(Map.of(PATH, text.getBytes(StandardCharsets.UTF_8))));
        assertThat(read.unreadable()).isEmpty();
        return read.parameters().get(name);
    }

    /** Everything but the inserted lines is the file as it was, byte for byte. */
    static void keepsTheRest(String before, ValueInsertion.Result r) {
        int at = r.text().indexOf(r.inserted());
        assertThat(at).isPositive();
        assertThat(r.text().substring(0, at) + r.text().substring(at + r.inserted().length())).isEqualTo(before);
    }

    @Test
    void a_value_goes_after_the_last_item_keeping_every_comment() throws Exception {
        String before = repoFile();
        NewValue v = new NewValue(LocalDate.of(2026, 1, 1), 7, "Thông tư 99/2026/TT-BNV, Điều 3", "UNCONFIRMED", null, null);
        ValueInsertion.Result r = ValueInsertion.insert(before, "advanced_laborer.min_service_months", v);
        keepsTheRest(before, r);
        assertThat(r.inserted()).isEqualTo("""
                    - from: 2026-01-01
                      value: 7
                      reference: "Thông tư 99/2026/TT-BNV, Điều 3"
                      confidence: UNCONFIRMED
                """);
        // Right after the 2024 value (its comment included), before the next parameter.
        assertThat(r.text()).contains("— VERIFIED\n" + r.inserted() + "\nadvanced_laborer.excluding_discipline_form:");
        Parameter p = reread(r.text(), "advanced_laborer.min_service_months");
        assertThat(p.values()).hasSize(4);
        ParameterValue added = p.values().get(3);
        assertThat(added.from()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(added.value()).isEqualTo(7);
        assertThat(added.confidence()).isEqualTo("UNCONFIRMED");
        assertThat(InsertionCheck.holds(p, v)).isTrue();
        // The other parameters of the file are read as before.
        assertThat(reread(r.text(), "advanced_laborer.excluding_discipline_form").values()).hasSize(3);
    }

    @Test
    void a_reference_with_quotes_colons_backslashes_and_vietnamese_survives() throws Exception {
        String before = repoFile();
        String reference = "Nghị định 152/2025/NĐ-CP: Điều 4 \"khoản 4\" — 'trích' \\ a: b #không phải chú thích";
        NewValue v = new NewValue(LocalDate.of(2026, 2, 1), "WARNING", reference, "RECALLED", "HN-SGDDT", null);
        ValueInsertion.Result r = ValueInsertion.insert(before, "advanced_laborer.excluding_discipline_form", v);
        keepsTheRest(before, r);
        ParameterValue added = reread(r.text(), "advanced_laborer.excluding_discipline_form").values().get(3);
        assertThat(added.reference()).isEqualTo(reference);
        assertThat(added.organisation()).isEqualTo("HN-SGDDT");
        assertThat(added.value()).isEqualTo("WARNING");
    }

    @Test
    void the_last_parameter_of_the_file_and_a_list_followed_by_comments() throws Exception {
        // excluding_absence_days is last in the file, and its values follow a commented example.
        String before = repoFile();
        NewValue v = new NewValue(LocalDate.of(2026, 1, 1), 30, "Quy chế: \"số 5\"", "VERIFIED", null, "EDUCATION");
        ValueInsertion.Result r = ValueInsertion.insert(before, "advanced_laborer.excluding_absence_days", v);
        keepsTheRest(before, r);
        assertThat(r.text()).endsWith(r.inserted());
        Parameter p = reread(r.text(), "advanced_laborer.excluding_absence_days");
        assertThat(p.values()).extracting(ParameterValue::value).containsExactly(40, "NONE", 30);
        assertThat(p.values().get(2).sector()).isEqualTo("EDUCATION");

        String withTrailing = """
                # head
                a.b:
                  unit: x   # the unit
                  values:
                  - from: 2020-01-01
                    value: 0.5
                    reference: r
                    # about the value above
                  # the next value will come here
                  # - from: 2030-01-01

                # the next parameter
                c.d:
                  values:
                    - {from: 2020-01-01, value: 1, reference: r}
                """;
        NewValue d = new NewValue(LocalDate.of(2026, 1, 1), new BigDecimal("0.75"), "s", "VERIFIED", null, null);
        ValueInsertion.Result t = ValueInsertion.insert(withTrailing, "a.b", d);
        keepsTheRest(withTrailing, t);
        assertThat(t.text()).contains("    # about the value above\n  - from: 2026-01-01\n    value: 0.75\n    reference: \"s\"\n"
                + "    confidence: VERIFIED\n  # the next value will come here\n");
        assertThat(InsertionCheck.holds(reread(t.text(), "a.b"), d)).isTrue();
        // A flow-style item is still a list item: the new one follows it.
        ValueInsertion.Result flow = ValueInsertion.insert(withTrailing, "c.d", new NewValue(LocalDate.of(2026, 1, 1), 2, "r2", "VERIFIED", null, null));
        assertThat(reread(flow.text(), "c.d").values()).hasSize(2);
    }

    @Test
    void a_file_without_a_final_line_break_and_with_crlf_lines() throws Exception {
        String crlf = "p.q:\r\n  values:\r\n    - from: 2020-01-01\r\n      value: true\r\n      reference: r";
        ValueInsertion.Result r = ValueInsertion.insert(crlf, "p.q", new NewValue(LocalDate.of(2026, 1, 1), false, "r", "VERIFIED", null, null));
        keepsTheRest(crlf, r);
        assertThat(r.inserted()).startsWith("\r\n    - from: 2026-01-01\r\n").doesNotEndWith("\n");
        assertThat(reread(r.text(), "p.q").values()).extracting(ParameterValue::value).containsExactly(true, false);
    }

    @Test
    void what_it_cannot_write_into_is_refused() {
        assertThatThrownBy(() -> ValueInsertion.insert("x.y:\n  values: [ {from: 2020-01-01, value: 1} ]\n", "x.y",
                new NewValue(LocalDate.of(2026, 1, 1), 2, "r", "VERIFIED", null, null))).isInstanceOf(ValueInsertion.Unsupported.class);
        assertThatThrownBy(() -> ValueInsertion.insert("x.y:\n  values:\n    - from: 2020-01-01\n      value: 1\n", "x.z",
                new NewValue(LocalDate.of(2026, 1, 1), 2, "r", "VERIFIED", null, null))).isInstanceOf(ValueInsertion.Unsupported.class);
        // A deeper key named values is not the parameter's list.
        assertThatThrownBy(() -> ValueInsertion.insert("x.y:\n  description:\n    values:\n      - a\n", "x.y",
                new NewValue(LocalDate.of(2026, 1, 1), 2, "r", "VERIFIED", null, null))).isInstanceOf(ValueInsertion.Unsupported.class);
    }

    @Test
    void values_are_typed_as_the_parameters_values_are() {
        Parameter months = new Parameter("m", null, "months", "VERIFIED", "f", java.util.List.of(
                new ParameterValue(LocalDate.of(2020, 1, 1), 6, "r", null, null)));
        assertThat(ValueType.of(months).parse("7")).isEqualTo(7);
        assertThat(ValueType.of(months).parse("abc")).isNull();
        assertThat(ValueType.of(months).parse("7.5")).isNull();
        Parameter limit = new Parameter("l", null, "days", "VERIFIED", "f", java.util.List.of(
                new ParameterValue(LocalDate.of(2020, 1, 1), 40, "r", null, null), new ParameterValue(LocalDate.of(2021, 1, 1), "NONE", "r", null, null)));
        assertThat(ValueType.of(limit).parse("NONE")).isEqualTo("NONE");
        assertThat(ValueType.of(limit).parse("30")).isEqualTo(30);
        assertThat(ValueType.of(limit).parse("OTHER")).isNull();
        Parameter form = new Parameter("d", null, "form", "VERIFIED", "f", java.util.List.of(
                new ParameterValue(LocalDate.of(2020, 1, 1), "REPRIMAND", "r", null, null)));
        assertThat(ValueType.of(form).parse("WARNING")).isEqualTo("WARNING");
        assertThat(ValueType.of(form).parse("7")).isNull();
        assertThat(ValueInsertion.scalar("NO")).isEqualTo("\"NO\"");
    }
}
