using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Scoring.PredictionLog;
using nietras.SeparatedValues;

namespace MentalHealthInsights.Infrastructure.Scoring.PredictionLog;

/// <summary>
/// Imports observed outcomes from a CSV file with the dataset's <c>User_ID</c> and
/// <c>Mental_Health_Condition</c> (Yes/No) columns (other columns are ignored, so the dataset
/// file itself works): each id is pseudonymised with the keyed hash and attached to the logged
/// predictions in chunks. Streams the file; rows without an id or with another outcome than
/// Yes/No are counted as rejected, never echoed.
/// </summary>
public static class OutcomeLabelImport
{
    /// <summary>Rows attached per store call.</summary>
    public const int ChunkSize = 1000;

    /// <summary>Reads <paramref name="path"/> and attaches its outcomes to <paramref name="store"/>.</summary>
    /// <exception cref="InvalidDataException">The file lacks the User_ID or Mental_Health_Condition column.</exception>
    public static async Task<OutcomeLabelImportResult> ImportAsync(
        string path,
        IPredictionLogStore store,
        SubjectPseudonymiser pseudonymiser,
        DateTimeOffset attachedAt,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(pseudonymiser);
        // The header is read as a row (Sep's own header handling throws on a repeated name).
        using var reader = Open(path);
        var (idColumn, outcomeColumn) = ReadHeader(reader, path);
        long read = 0,
            rejected = 0,
            updated = 0;
        var chunk = new List<OutcomeLabel>(ChunkSize);
        while (MoveNext(reader, path, read))
        {
            var row = reader.Current;
            if (row.Span.IsEmpty)
            {
                continue; // a blank line is not a row (as mhi data validate and mhi batch)
            }
            read++;
            if (idColumn >= row.ColCount || outcomeColumn >= row.ColCount)
            {
                rejected++;
                continue;
            }
            var id = row[idColumn].Span.Trim();
            var outcome = row[outcomeColumn].Span.Trim();
            bool? value =
                outcome.Equals("Yes", StringComparison.OrdinalIgnoreCase) ? true
                : outcome.Equals("No", StringComparison.OrdinalIgnoreCase) ? false
                : null;
            if (id.IsEmpty || value is null)
            {
                rejected++;
                continue;
            }
            chunk.Add(new OutcomeLabel(pseudonymiser.Pseudonymise(id.ToString()), value.Value));
            if (chunk.Count == ChunkSize)
            {
                updated += await store.AttachOutcomesAsync(chunk, attachedAt, cancellationToken);
                chunk.Clear();
            }
        }
        if (chunk.Count > 0)
        {
            updated += await store.AttachOutcomesAsync(chunk, attachedAt, cancellationToken);
        }
        return new OutcomeLabelImportResult(read, read - rejected, rejected, updated);
    }

    private static SepReader Open(string path)
    {
        try
        {
            return Sep.Reader(o =>
                    o with
                    {
                        HasHeader = false,
                        Unescape = true,
                        DisableColCountCheck = true,
                    }
                )
                .FromFile(path);
        }
        catch (NotSupportedException)
        {
            throw new InvalidDataException(
                $"{path}: the first row is longer than 16,777,216 characters, usually because a quote (\") is never closed."
            );
        }
    }

    /// <summary>The User_ID and outcome columns of the header row.</summary>
    /// <exception cref="InvalidDataException">No header, a column missing or named more than once.</exception>
    private static (int Id, int Outcome) ReadHeader(SepReader reader, string path)
    {
        if (!MoveNext(reader, path, 0))
        {
            throw new InvalidDataException(
                $"{path} is empty: expected a header row naming the columns."
            );
        }
        var row = reader.Current;
        var names = new string[row.ColCount];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = row[i].ToString();
        }
        var duplicated = names
            .GroupBy(n => n, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key)
            .ToList();
        if (duplicated.Count > 0)
        {
            throw new InvalidDataException(
                $"{path}: Column(s) named more than once in the header: {string.Join(", ", duplicated)}."
            );
        }
        var id = Array.IndexOf(names, DatasetSchema.UserId);
        var outcome = Array.IndexOf(names, DatasetSchema.MentalHealthCondition);
        return id < 0 || outcome < 0
            ? throw new InvalidDataException(
                $"{path} needs the columns {DatasetSchema.UserId} and {DatasetSchema.MentalHealthCondition}."
            )
            : (id, outcome);
    }

    /// <summary>The next row; a row over Sep's limit (an unclosed quote) stops the import.</summary>
    /// <exception cref="InvalidDataException">A row is longer than 16,777,216 characters.</exception>
    private static bool MoveNext(SepReader reader, string path, long read)
    {
        try
        {
            return reader.MoveNext();
        }
        catch (NotSupportedException)
        {
            throw new InvalidDataException(
                $"{path}: reading stopped after {read} data rows: a row is longer than 16,777,216 characters, usually because a quote (\") is never closed. Outcomes of earlier rows may already be attached."
            );
        }
    }
}
