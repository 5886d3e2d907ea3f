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
        using var reader = Sep.Reader(o => o with { Unescape = true, DisableColCountCheck = true })
            .FromFile(path);
        if (
            !reader.Header.TryIndexOf(DatasetSchema.UserId, out var idColumn)
            || !reader.Header.TryIndexOf(DatasetSchema.MentalHealthCondition, out var outcomeColumn)
        )
        {
            throw new InvalidDataException(
                $"{path} needs the columns {DatasetSchema.UserId} and {DatasetSchema.MentalHealthCondition}."
            );
        }
        long read = 0,
            rejected = 0,
            updated = 0;
        var chunk = new List<OutcomeLabel>(ChunkSize);
        foreach (var row in reader)
        {
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
}
