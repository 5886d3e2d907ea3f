using System.Text;
using MentalHealthInsights.Core.Data;

namespace MentalHealthInsights.Core.Features;

/// <summary>
/// Which columns are model features and which column is the target. Configuration, not code:
/// it is recorded with every model (inside the fitted preprocessor's JSON).
/// </summary>
/// <remarks>
/// Defaults: the nine feature columns of <see cref="FeatureColumns.All"/> in that order, and the
/// target Mental_Health_Condition (= Yes is the positive class). Severity is never a feature: it
/// is an outcome recorded with the diagnosis and leaks the target. Equality compares the feature
/// lists element by element (ordinal), not by reference.
/// </remarks>
public sealed record FeatureSpec
{
    /// <summary>Feature columns, in output order. Default: <see cref="FeatureColumns.All"/>.</summary>
    public IReadOnlyList<string> Features { get; init; } = FeatureColumns.All;

    /// <summary>The target column. Default and only supported value: Mental_Health_Condition.</summary>
    public string Target { get; init; } = DatasetSchema.MentalHealthCondition;

    /// <summary>The default specification (nine features, target Mental_Health_Condition).</summary>
    public static FeatureSpec Default { get; } = new();

    /// <summary>
    /// Every problem with this specification, as sentences naming the column; empty when valid.
    /// Rejected: an empty list, null/blank names, columns not in the dataset schema, duplicates,
    /// User_ID, the target, Severity, and any target other than Mental_Health_Condition.
    /// </summary>
    public IReadOnlyList<string> FindProblems()
    {
        var problems = new List<string>();
        if (Target != DatasetSchema.MentalHealthCondition)
        {
            problems.Add(
                $"Target '{Target}' is not supported; the target must be '{DatasetSchema.MentalHealthCondition}'."
            );
        }

        if (Features is null || Features.Count == 0)
        {
            problems.Add("The feature list is empty; at least one feature column is required.");
            return problems;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Features.Count; i++)
        {
            var column = Features[i];
            if (string.IsNullOrWhiteSpace(column))
            {
                problems.Add($"Feature {i} has no column name.");
            }
            else if (!seen.Add(column))
            {
                problems.Add($"Feature column '{column}' is listed more than once.");
            }
            else if (column == DatasetSchema.Severity)
            {
                problems.Add(
                    $"'{DatasetSchema.Severity}' cannot be a feature: it is an outcome recorded with the diagnosis and leaks the target ('{DatasetSchema.MentalHealthCondition}')."
                );
            }
            else if (column == DatasetSchema.MentalHealthCondition || column == Target)
            {
                problems.Add($"The target '{column}' cannot also be a feature.");
            }
            else if (column == DatasetSchema.UserId)
            {
                problems.Add(
                    $"'{DatasetSchema.UserId}' cannot be a feature: it is an identifier, not information about the person."
                );
            }
            else if (!FeatureColumns.IsFeatureColumn(column))
            {
                problems.Add(
                    $"Feature column '{column}' is not a column of the dataset schema (names are case-sensitive)."
                );
            }
        }

        return problems;
    }

    /// <summary>Throws when <see cref="FindProblems"/> reports anything.</summary>
    /// <exception cref="ArgumentException">The specification is invalid; the message lists every problem.</exception>
    public void Validate()
    {
        var problems = FindProblems();
        if (problems.Count > 0)
        {
            throw new ArgumentException(
                "Invalid feature specification: " + string.Join(" ", problems)
            );
        }
    }

    /// <inheritdoc />
    public bool Equals(FeatureSpec? other) =>
        other is not null
        && string.Equals(Target, other.Target, StringComparison.Ordinal)
        && (
            ReferenceEquals(Features, other.Features)
            || (
                Features is not null
                && other.Features is not null
                && Features.SequenceEqual(other.Features, StringComparer.Ordinal)
            )
        );

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Target, StringComparer.Ordinal);
        foreach (var feature in Features ?? [])
        {
            hash.Add(feature, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    private bool PrintMembers(StringBuilder builder)
    {
        builder
            .Append("Features = [")
            .AppendJoin(", ", Features ?? [])
            .Append("], Target = ")
            .Append(Target);
        return true;
    }
}
