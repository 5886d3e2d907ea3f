namespace MentalHealthInsights.Core.Data;

/// <summary>
/// Validation rules that are configuration, not code. Defaults follow the documented ranges
/// (docs/data-validation.md): Age 16–100, Sleep_Hours 0–24, Work_Hours 0–168,
/// Physical_Activity_Hours 0–168, inclusive.
/// </summary>
public sealed record ValidationOptions
{
    /// <summary>Inclusive range for Age. Default 16–100.</summary>
    public NumericRange Age { get; init; } = new(16, 100);

    /// <summary>Inclusive range for Sleep_Hours (per day). Default 0–24.</summary>
    public NumericRange SleepHours { get; init; } = new(0, 24);

    /// <summary>Inclusive range for Work_Hours (per week). Default 0–168.</summary>
    public NumericRange WorkHours { get; init; } = new(0, 168);

    /// <summary>Inclusive range for Physical_Activity_Hours (per week). Default 0–168.</summary>
    public NumericRange PhysicalActivityHours { get; init; } = new(0, 168);

    /// <summary>Longest accepted field, in characters. Default 1,024.</summary>
    public int MaxFieldLength { get; init; } = 1024;

    /// <summary>
    /// Reject a row whose User_ID was already accepted (reason DuplicateUserId). Default true.
    /// Costs ~32 bytes per distinct id; batch scoring turns it off so its memory stays flat in
    /// the input size (scoring the same person twice is not an error there).
    /// </summary>
    public bool RejectDuplicateUserIds { get; init; } = true;

    /// <summary>The default rules.</summary>
    public static ValidationOptions Default { get; } = new();
}

/// <summary>An inclusive numeric range.</summary>
/// <param name="Min">Smallest accepted value.</param>
/// <param name="Max">Largest accepted value.</param>
public readonly record struct NumericRange(double Min, double Max)
{
    /// <summary>True when <paramref name="value"/> lies in [Min, Max].</summary>
    public bool Contains(double value) => value >= Min && value <= Max;
}
