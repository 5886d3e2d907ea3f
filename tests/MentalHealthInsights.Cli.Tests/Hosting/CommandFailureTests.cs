using MentalHealthInsights.Cli.Hosting;

namespace MentalHealthInsights.Cli.Tests.Hosting;

/// <summary>User-facing messages never carry .NET's " (Parameter 'name')" suffix.</summary>
public sealed class CommandFailureTests
{
    [Fact]
    public void Usage_ArgumentExceptionWithParameter_MessageAlone()
    {
        var failure = CommandFailure.Usage(
            new ArgumentException("The output must not be the input file.", "own")
        );

        Assert.Equal(ExitCodes.Usage, failure.ExitCode);
        Assert.Equal("The output must not be the input file.", failure.Message);
    }
}
