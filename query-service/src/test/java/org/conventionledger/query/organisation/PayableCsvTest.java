package org.conventionledger.query.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.conventionledger.query.organisation.SessionReport.PayableRow;
import org.junit.jupiter.api.Test;

class PayableCsvTest {

    private static BigDecimal euros(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    void aHeaderThenOneRowPerMemberWithTwoDecimalAmountsAndCrlfLineEnds() {
        String csv = PayableCsv.write(
                List.of(new PayableRow("m-1", true, euros("20.00"), euros("1234.50"), euros("1254.50"), false)));

        assertThat(csv)
                .isEqualTo("memberId,present,indemnity,expensesApproved,total,paid\r\n"
                        + "m-1,yes,20.00,1234.50,1254.50,no\r\n");
    }

    @Test
    void anEmptyListIsTheHeaderAlone() {
        assertThat(PayableCsv.write(List.of())).isEqualTo(PayableCsv.HEADER + "\r\n");
    }

    @Test
    void anIdHoldingACommaOrAQuoteIsQuoted() {
        String csv = PayableCsv.write(List.of(
                new PayableRow("m,1", false, euros("0.00"), euros("5.00"), euros("5.00"), true),
                new PayableRow("m\"2", false, euros("0.00"), euros("5.00"), euros("5.00"), true)));

        assertThat(csv.split("\r\n"))
                .containsExactly(
                        PayableCsv.HEADER, "\"m,1\",no,0.00,5.00,5.00,yes", "\"m\"\"2\",no,0.00,5.00,5.00,yes");
    }

    @Test
    void anIdCannotSmuggleAFormulaButANegativeAmountStaysANumber() {
        String csv = PayableCsv.write(List.of(
                new PayableRow("=HYPERLINK(\"http://x\")", true, euros("0.00"), euros("-5.00"), euros("-5.00"), false),
                new PayableRow("@SUM(A1)", true, euros("0.00"), euros("5.00"), euros("5.00"), false)));

        assertThat(csv.split("\r\n"))
                .containsExactly(
                        PayableCsv.HEADER,
                        "\"'=HYPERLINK(\"\"http://x\"\")\",yes,0.00,-5.00,-5.00,no",
                        "'@SUM(A1),yes,0.00,5.00,5.00,no");
    }

    @Test
    void amountsAreShownWithTwoDecimalsWhateverTheirScale() {
        assertThat(Euros.shown(euros("12.4"))).hasToString("12.40");
        assertThat(Euros.shown(euros("30"))).hasToString("30.00");
        assertThat(Euros.shown(euros("9.995"))).hasToString("10.00");
    }
}
