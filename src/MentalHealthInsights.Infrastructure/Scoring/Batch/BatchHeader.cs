using MentalHealthInsights.Core.Data.Validation;
using MentalHealthInsights.Infrastructure.Data;

namespace MentalHealthInsights.Infrastructure.Scoring.Batch;

/// <summary>
/// Maps a batch input's header as an unlabelled input (<see cref="UnlabelledHeader"/>): User_ID
/// and the nine feature columns are required; Mental_Health_Condition and Severity, when present,
/// are ignored (outcomes are not inputs) and replaced by the virtual fields of
/// <see cref="UnlabelledRowFields"/>; other columns are ignored.
/// </summary>
internal static class BatchHeader
{
    /// <summary>Virtual fields appended to every row: the target, then Severity.</summary>
    public const int VirtualColumns = UnlabelledHeader.VirtualColumns;

    /// <summary>The required input columns, in schema order.</summary>
    public static IReadOnlyList<string> RequiredColumns => UnlabelledHeader.RequiredColumns;

    /// <summary>Builds the column map, or returns why the header cannot be used (names only, never data).</summary>
    public static ColumnMap? Map(IReadOnlyList<string> names, out string? error)
    {
        var map = UnlabelledHeader.Map(names);
        if (map.IsComplete)
        {
            error = null;
            return map;
        }

        // An earlier job's results given as input: say so rather than list the missing columns.
        var line = string.Join(',', names);
        if (line is BatchScoringJob.OutputHeader or BatchScoringJob.RejectsHeader)
        {
            error =
                "It is an mhi batch output or rejects file (its header is the one mhi batch writes), not an input to score.";
            return null;
        }

        // As `mhi data validate` says it: a header read as one or few names because its fields
        // are separated by something else. The names joined by commas count the separators as
        // the header line does (quotes aside).
        if (CsvDatasetReader.WrongSeparator(line) is { } separator)
        {
            error = separator;
            return null;
        }

        var problems = new List<string>(3);
        if (map.MissingColumns.Count > 0)
        {
            problems.Add($"Missing required column(s): {string.Join(", ", map.MissingColumns)}.");
        }

        if (map.DuplicatedColumns.Count > 0)
        {
            problems.Add(
                $"Column(s) named more than once in the header: {string.Join(", ", map.DuplicatedColumns)}."
            );
        }

        problems.Add(
            $"A batch input's header names each of {string.Join(", ", RequiredColumns)} once (any order; case, spaces and underscores are ignored)."
        );
        error = string.Join(' ', problems);
        return null;
    }
}
