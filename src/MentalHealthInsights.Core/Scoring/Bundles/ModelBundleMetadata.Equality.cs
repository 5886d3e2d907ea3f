namespace MentalHealthInsights.Core.Scoring.Bundles;

public sealed partial record ModelBundleMetadata
{
    /// <summary>
    /// Content equality: lists element by element (ordinal), dictionaries as sets of pairs
    /// (order ignored), metric values with <see cref="double.Equals(double)"/> (NaN equals NaN).
    /// </summary>
    public bool Equals(ModelBundleMetadata? other) =>
        other is not null
        && BundleSchemaVersion == other.BundleSchemaVersion
        && string.Equals(ModelName, other.ModelName, StringComparison.Ordinal)
        && string.Equals(TrainerName, other.TrainerName, StringComparison.Ordinal)
        && string.Equals(DisplayName, other.DisplayName, StringComparison.Ordinal)
        && string.Equals(ModelFormat, other.ModelFormat, StringComparison.Ordinal)
        && SequenceEqual(Features, other.Features)
        && string.Equals(Target, other.Target, StringComparison.Ordinal)
        && Threshold.Equals(other.Threshold)
        && string.Equals(ThresholdStrategy, other.ThresholdStrategy, StringComparison.Ordinal)
        && Calibration == other.Calibration
        && MapEqual(Metrics, other.Metrics)
        && MapEqual(CvMetrics, other.CvMetrics)
        && string.Equals(DataSha256, other.DataSha256, StringComparison.Ordinal)
        && Seed == other.Seed
        && MapEqual(HyperParameters, other.HyperParameters)
        && MapEqual(LibraryVersions, other.LibraryVersions)
        && string.Equals(GitCommit, other.GitCommit, StringComparison.Ordinal)
        && CreatedAtUtc.Equals(other.CreatedAtUtc)
        && CreatedAtUtc.Offset == other.CreatedAtUtc.Offset
        && Promotable == other.Promotable
        && string.Equals(PromotableReason, other.PromotableReason, StringComparison.Ordinal)
        && SequenceEqual(Warnings, other.Warnings);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        // Scalars only: consistent with Equals, and cheap.
        var hash = new HashCode();
        hash.Add(BundleSchemaVersion);
        hash.Add(ModelName, StringComparer.Ordinal);
        hash.Add(TrainerName, StringComparer.Ordinal);
        hash.Add(ModelFormat, StringComparer.Ordinal);
        hash.Add(Threshold);
        hash.Add(DataSha256, StringComparer.Ordinal);
        hash.Add(Seed);
        hash.Add(CreatedAtUtc);
        hash.Add(Promotable);
        return hash.ToHashCode();
    }

    private static bool SequenceEqual(IReadOnlyList<string>? a, IReadOnlyList<string>? b) =>
        ReferenceEquals(a, b)
        || (a is not null && b is not null && a.SequenceEqual(b, StringComparer.Ordinal));

    private static bool MapEqual<T>(
        IReadOnlyDictionary<string, T>? a,
        IReadOnlyDictionary<string, T>? b
    )
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a is null || b is null || a.Count != b.Count)
        {
            return false;
        }

        foreach (var (key, value) in a)
        {
            if (
                !b.TryGetValue(key, out var otherValue)
                || !EqualityComparer<T>.Default.Equals(value, otherValue)
            )
            {
                return false;
            }
        }

        return true;
    }
}
