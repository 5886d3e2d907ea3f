using System.Text.Json;

namespace MentalHealthInsights.Infrastructure.Scoring.Batch;

/// <summary>
/// The committed state of a batch job (<c>OUTPUT.checkpoint.json</c>): how many data rows are
/// done and how many bytes of the partial output and rejects files hold them. Rewritten
/// atomically (temporary file, then rename) after each chunk; counts only, never record values.
/// </summary>
internal sealed record BatchCheckpoint
{
    public const int CurrentFormat = 1;

    public int Format { get; init; } = CurrentFormat;

    /// <summary>SHA-256 of everything that determines the output bytes (see BatchScoringJob.Fingerprint).</summary>
    public required string Fingerprint { get; init; }

    /// <summary>The timestamp written on every row (round-trip "O" format).</summary>
    public required string ScoredAt { get; init; }

    public long RowsConsumed { get; init; }

    public long OutputBytes { get; init; }

    public long RejectsBytes { get; init; }

    public long RowsRead { get; init; }

    public long RowsScored { get; init; }

    public long RowsRejected { get; init; }

    public long RowsOther { get; init; }

    public long Positives { get; init; }

    /// <summary>True once every row is committed and flushed; only the renames may remain.</summary>
    public bool Finished { get; init; }

    public static BatchCheckpoint? TryRead(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(
                File.ReadAllBytes(path),
                BatchCheckpointJsonContext.Default.BatchCheckpoint
            );
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Where <see cref="Write"/> writes before renaming over <paramref name="path"/>.</summary>
    public static string TemporaryPathOf(string path) => path + ".tmp";

    /// <summary>Writes beside <paramref name="path"/> and renames over it, so readers see the old or the new state.</summary>
    public void Write(string path)
    {
        var temporary = TemporaryPathOf(path);
        File.WriteAllBytes(
            temporary,
            JsonSerializer.SerializeToUtf8Bytes(
                this,
                BatchCheckpointJsonContext.Default.BatchCheckpoint
            )
        );
        File.Move(temporary, path, overwrite: true);
    }
}
