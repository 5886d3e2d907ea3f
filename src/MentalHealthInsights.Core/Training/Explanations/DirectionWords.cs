using MentalHealthInsights.Core.Training.Reports;

namespace MentalHealthInsights.Core.Training.Explanations;

/// <summary>Directions of effect in words, written from the computed sign only.</summary>
internal static class DirectionWords
{
    public static string Numeric(string column, EffectDirection direction) =>
        direction switch
        {
            EffectDirection.HigherRisk => $"more {column} → higher risk",
            EffectDirection.LowerRisk => $"more {column} → lower risk",
            _ => None(column),
        };

    public static string Ordinal(string column, EffectDirection direction) =>
        direction switch
        {
            EffectDirection.HigherRisk => $"higher {column} → higher risk",
            EffectDirection.LowerRisk => $"higher {column} → lower risk",
            _ => None(column),
        };

    public static string Nominal(string column, string? level, EffectDirection direction) =>
        direction == EffectDirection.HigherRisk && level is not null
            ? $"{column}={level} → higher risk than other levels"
            : None(column);

    private static string None(string column) => $"{column}: no consistent direction";
}
