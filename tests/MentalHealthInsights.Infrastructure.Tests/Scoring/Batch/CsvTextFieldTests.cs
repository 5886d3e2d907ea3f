using MentalHealthInsights.Infrastructure.Scoring.Batch;

namespace MentalHealthInsights.Infrastructure.Tests.Scoring.Batch;

public sealed class CsvTextFieldTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("=a,b", "\"'=a,b\"")]
    [InlineData("\rx", "\"'\rx\"")]
    [InlineData("x=1", "x=1")]
    [InlineData("'x", "''x")]
    [InlineData("'=1", "''=1")]
    public void Escape_Value_NeutralisedAndQuotedAsNeeded(string value, string expected)
    {
        Assert.Equal(expected, CsvTextField.Escape(value));
        Assert.Equal(value == expected, CsvTextField.IsPlain(value));
    }

    [Theory]
    [InlineData("=1+1,30")]
    [InlineData("'=1+1,30")]
    [InlineData("''")]
    [InlineData("'")]
    [InlineData("-3")]
    [InlineData("say \"hi\", =x")]
    [InlineData("plain")]
    public void Escape_ReadBackWithoutOneLeadingApostrophe_TheValueExactly(string value)
    {
        var field = CsvTextField.Escape(value);
        var read = field.StartsWith('"')
            ? field[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal)
            : field;

        Assert.Equal(value, read.StartsWith('\'') ? read[1..] : read);
    }
}
