using MentalHealthInsights.Core.Registry;
using MentalHealthInsights.Core.Tracking;
using MentalHealthInsights.Infrastructure.Hashing;

namespace MentalHealthInsights.Infrastructure.Monitoring;

/// <summary>
/// Finds a model version's training data. A training run records the SHA-256 of its input
/// (param <c>data_sha256</c>, on the model's run or its parent) but not the path, so the data is
/// found by hash among the CSV files of the given folders (not recursive): the file used is
/// provably the one the model was trained on.
/// </summary>
public static class TrainingDataLocator
{
    /// <summary>The run parameter holding the training data's SHA-256.</summary>
    public const string DataHashParam = "data_sha256";

    /// <summary>The recorded training-data hash of <paramref name="version"/>'s run (or its parent); null when absent.</summary>
    public static async Task<string?> RecordedHashAsync(
        ITrackingStore tracking,
        ModelVersion version,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(tracking);
        ArgumentNullException.ThrowIfNull(version);
        if (version.RunId is null)
        {
            return null;
        }
        var run = await tracking.GetRunAsync(version.RunId, cancellationToken);
        if (run.Data.Params.TryGetValue(DataHashParam, out var hash) && hash.Length > 0)
        {
            return hash;
        }
        if (run.ParentRunId is { } parentId)
        {
            var parent = await tracking.GetRunAsync(parentId, cancellationToken);
            if (
                parent.Data.Params.TryGetValue(DataHashParam, out var parentHash)
                && parentHash.Length > 0
            )
            {
                return parentHash;
            }
        }
        return null;
    }

    /// <summary>The first *.csv file in <paramref name="folders"/> whose SHA-256 is <paramref name="sha256"/>; null when none.</summary>
    public static string? FindByHash(string sha256, IEnumerable<string> folders)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sha256);
        ArgumentNullException.ThrowIfNull(folders);
        foreach (var folder in folders.Where(Directory.Exists))
        {
            foreach (
                var file in Directory.EnumerateFiles(folder, "*.csv").Order(StringComparer.Ordinal)
            )
            {
                if (
                    string.Equals(FileHash.Sha256(file), sha256, StringComparison.OrdinalIgnoreCase)
                )
                {
                    return file;
                }
            }
        }
        return null;
    }
}
