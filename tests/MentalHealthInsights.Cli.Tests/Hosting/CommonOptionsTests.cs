using MentalHealthInsights.Cli.Hosting;

namespace MentalHealthInsights.Cli.Tests.Hosting;

/// <summary>The one reading of time options (mhi monitor --from/--to, mhi batch --scored-at).</summary>
public sealed class CommonOptionsTests
{
    [Fact]
    public void ParseTime_NotGiven_Null()
    {
        Assert.Null(CommonOptions.ParseTime(null, "--from"));
    }

    [Fact]
    public void ParseTime_NoOffset_Utc()
    {
        Assert.Equal(
            new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero),
            CommonOptions.ParseTime("2026-11-30T06:00:00", "--to")
        );
    }

    [Theory]
    [InlineData("--from")]
    [InlineData("--scored-at")]
    public void ParseTime_NotATime_UsageErrorNamingTheOption(string option)
    {
        var failure = Assert.Throws<CommandFailure>(() =>
            CommonOptions.ParseTime("yesterday", option)
        );

        Assert.Equal(ExitCodes.Usage, failure.ExitCode);
        Assert.StartsWith(
            option + " must be an ISO 8601 time",
            failure.Message,
            StringComparison.Ordinal
        );
    }
}
