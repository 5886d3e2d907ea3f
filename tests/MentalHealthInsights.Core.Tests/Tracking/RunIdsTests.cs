using System.Text.RegularExpressions;
using MentalHealthInsights.Core.Tracking;

namespace MentalHealthInsights.Core.Tests.Tracking;

public sealed class RunIdsTests
{
    [Fact]
    public void NewRunId_Twice_Two32HexIdsThatDiffer()
    {
        var a = RunIds.NewRunId();
        var b = RunIds.NewRunId();

        Assert.Matches("^[0-9a-f]{32}$", a);
        Assert.True(RunIds.IsWellFormed(a));
        Assert.NotEqual(a, b);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0123456789ABCDEF0123456789abcdef")]
    [InlineData("0123456789abcdef0123456789abcde")]
    [InlineData("0123456789abcdef0123456789abcdeg")]
    public void IsWellFormed_NotLowercase32Hex_False(string? id) =>
        Assert.False(RunIds.IsWellFormed(id));

    [Fact]
    public void Generate_RunName_AdjectiveNounNumber() =>
        Assert.Matches(new Regex("^[a-z]+-[a-z]+-[0-9]{1,3}$"), RunNameGenerator.Generate());
}
