namespace MentalHealthInsights.Core.Eda;

/// <summary>How many records have the condition (Mental_Health_Condition = Yes).</summary>
/// <param name="Total">Records analysed.</param>
/// <param name="WithCondition">Records with the condition.</param>
/// <param name="WithoutCondition">Records without the condition.</param>
public sealed record TargetBalance(long Total, long WithCondition, long WithoutCondition)
{
    /// <summary>WithCondition / Total; NaN when there are no records.</summary>
    public double ConditionRate => Total > 0 ? (double)WithCondition / Total : double.NaN;
}
