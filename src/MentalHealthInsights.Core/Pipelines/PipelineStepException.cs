namespace MentalHealthInsights.Core.Pipelines;

/// <summary>
/// A step failure with a message fit for the run record. <see cref="Retryable"/> false (bad
/// input, a refused configuration) fails the step at once instead of burning its retries.
/// </summary>
public sealed class PipelineStepException : Exception
{
    /// <summary>A failure that is not worth retrying.</summary>
    public PipelineStepException(string message)
        : base(message) { }

    /// <summary>A failure; <paramref name="retryable"/> says whether another attempt may help.</summary>
    public PipelineStepException(string message, bool retryable, Exception? inner = null)
        : base(message, inner)
    {
        Retryable = retryable;
    }

    /// <summary>Parameterless form required by the exception pattern (not retryable).</summary>
    public PipelineStepException()
        : base("pipeline step failed") { }

    /// <summary>Message and cause (not retryable).</summary>
    public PipelineStepException(string message, Exception innerException)
        : base(message, innerException) { }

    /// <summary>
    /// A failure (not retryable) told by <paramref name="cause"/>, whose message is written for
    /// the user, as <see cref="UserMessages.Of"/> tells it: without the " (Parameter 'name')"
    /// that .NET appends to an <see cref="ArgumentException"/>'s message, which the run store
    /// would otherwise keep and <c>mhi pipeline show</c> print.
    /// </summary>
    public static PipelineStepException From(Exception cause) => new(UserMessages.Of(cause), cause);

    /// <summary>True when another attempt may succeed. Default false.</summary>
    public bool Retryable { get; }
}
