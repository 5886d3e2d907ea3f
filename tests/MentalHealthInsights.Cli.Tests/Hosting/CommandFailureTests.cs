using MentalHealthInsights.Cli.Hosting;

namespace MentalHealthInsights.Cli.Tests.Hosting;

/// <summary>User-facing messages never carry .NET's " (Parameter 'name')" suffix.</summary>
public sealed class CommandFailureTests
{
    [Fact]
    public void UserMessage_ArgumentExceptionWithParameter_MessageAlone()
    {
        var failure = CommandFailure.Usage(
            new ArgumentException("The output must not be the input file.", "own")
        );

        Assert.Equal(ExitCodes.Usage, failure.ExitCode);
        Assert.Equal("The output must not be the input file.", failure.Message);
    }

    [Fact]
    public void UserMessage_ArgumentOutOfRange_NeitherParameterNorActualValue()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() =>
            ArgumentOutOfRangeException.ThrowIfGreaterThan(5, 1, "chunkRows")
        );

        Assert.Equal(
            "chunkRows ('5') must be less than or equal to '1'.",
            CommandFailure.UserMessage(exception)
        );
    }

    [Fact]
    public void UserMessage_ArgumentNull_MessageAlone()
    {
        Assert.Equal(
            "Value cannot be null.",
            CommandFailure.UserMessage(new ArgumentNullException("options"))
        );
    }

    [Theory]
    [InlineData("A plain message (Parameter 'x') as text.")]
    [InlineData("no parameter")]
    public void UserMessage_NoParameterName_Unchanged(string message)
    {
        Assert.Equal(message, CommandFailure.UserMessage(new ArgumentException(message)));
        Assert.Equal(message, CommandFailure.UserMessage(new NotSupportedException(message)));
    }
}
