namespace MentalHealthInsights.Core.Eda;

/// <summary>One level of a categorical column cross-tabulated with the target.</summary>
/// <param name="Name">The level ("(missing)" for a null value).</param>
/// <param name="WithCondition">Records at this level with the condition.</param>
/// <param name="WithoutCondition">Records at this level without the condition.</param>
public sealed record CategoryLevel(string Name, long WithCondition, long WithoutCondition)
{
    /// <summary>Records at this level.</summary>
    public long Count => WithCondition + WithoutCondition;

    /// <summary>Share of the level's records with the condition; NaN when the level is empty.</summary>
    public double ConditionRate => Count > 0 ? (double)WithCondition / Count : double.NaN;
}
