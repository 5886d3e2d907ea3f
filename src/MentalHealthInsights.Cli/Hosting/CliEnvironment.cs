namespace MentalHealthInsights.Cli.Hosting;

/// <summary>
/// What the commands need from the process around them, passed in so tests can run commands
/// in-process: whether a live progress display can draw, and the clock.
/// </summary>
/// <param name="Interactive">True when stderr is a terminal that Spectre.Console can animate.</param>
/// <param name="Time">The clock (never DateTime.Now).</param>
internal sealed record CliEnvironment(bool Interactive, TimeProvider Time)
{
    /// <summary>A non-interactive environment on the system clock (tests, redirected output).</summary>
    public static CliEnvironment Plain { get; } = new(false, TimeProvider.System);
}
