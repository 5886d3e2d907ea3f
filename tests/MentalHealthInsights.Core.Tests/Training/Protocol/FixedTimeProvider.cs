namespace MentalHealthInsights.Core.Tests.Training.Protocol;

/// <summary>A clock stopped at one instant, so reports are comparable across runs.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public static FixedTimeProvider Default { get; } =
        new(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}
