namespace MentalHealthInsights.Core.Tests;

/// <summary>User-facing messages never carry .NET's " (Parameter 'name')" suffix.</summary>
public sealed class UserMessagesTests
{
    [Fact]
    public void Of_ArgumentExceptionWithParameter_MessageAlone()
    {
        Assert.Equal(
            "The output must not be the input file.",
            UserMessages.Of(new ArgumentException("The output must not be the input file.", "own"))
        );
    }

    [Fact]
    public void Of_ArgumentOutOfRange_NeitherParameterNorActualValue()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() =>
            ArgumentOutOfRangeException.ThrowIfGreaterThan(5, 1, "chunkRows")
        );

        Assert.Equal(
            "chunkRows ('5') must be less than or equal to '1'.",
            UserMessages.Of(exception)
        );
    }

    [Fact]
    public void Of_ArgumentNull_MessageAlone()
    {
        Assert.Equal(
            "Value cannot be null.",
            UserMessages.Of(new ArgumentNullException("options"))
        );
    }

    [Theory]
    [InlineData("A plain message (Parameter 'x') as text.")]
    [InlineData("no parameter")]
    public void Of_NoParameterName_Unchanged(string message)
    {
        Assert.Equal(message, UserMessages.Of(new ArgumentException(message)));
        Assert.Equal(message, UserMessages.Of(new NotSupportedException(message)));
    }
}
