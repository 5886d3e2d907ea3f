using System.Globalization;
using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Data.Validation;
using MentalHealthInsights.Core.Scoring.PredictionLog;
using MentalHealthInsights.Infrastructure.Data;
using nietras.SeparatedValues;

namespace MentalHealthInsights.Infrastructure.Scoring.PredictionLog;

/// <summary>
/// Imports observed outcomes from a CSV file with the dataset's <c>User_ID</c> and
/// <c>Mental_Health_Condition</c> (Yes/No) columns (other columns are ignored, so the dataset
/// file itself works): each id is pseudonymised with the keyed hash and attached to the logged
/// predictions in chunks. Streams the file. Rows are checked as <c>mhi data validate</c> checks
/// them: the separator is a comma (a file separated by semicolons, tabs or pipes is refused with
/// the validator's message), a row with another number of fields than the header, without an id,
/// or with another outcome than Yes/No is rejected; rejected rows go to a rejects CSV (line,
/// reason, column, original text — the validator's writer), never to the output. A person
/// labelled twice in the file: the same outcome again is counted as a duplicate (harmless,
/// ignored); another outcome is counted as conflicting and that later row rejected
/// (<see cref="RejectReason.DuplicateUserId"/>) — the first label is kept, as the validator keeps
/// the first row of a repeated User_ID.
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
        TextWriter? rejects,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(pseudonymiser);
        // The header is read as a row (Sep's own header handling throws on a repeated name).
        using var reader = Open(path);
        var (fieldCount, idColumn, outcomeColumn) = ReadHeader(reader, path);
        var rejectsCsv = rejects is null ? null : new RejectsCsvWriter(rejects);
        rejectsCsv?.WriteHeader();
        long read = 0,
            rejected = 0,
            duplicates = 0,
            conflicting = 0,
            matched = 0,
            unmatched = 0,
            updated = 0;
        var chunk = new List<OutcomeLabel>(ChunkSize);
        // The first outcome of each person in the file, by the first 128 bits of the pseudonym
        // (a collision is as unlikely as one of the pseudonyms themselves): 2 × 16 bytes an id.
        var firstOutcomes = new Dictionary<UInt128, bool>();
        var originalCopy = Array.Empty<char>();
        while (MoveNext(reader, path, read))
        {
            var row = reader.Current;
            if (row.Span.IsEmpty)
            {
                continue; // a blank line is not a row (as mhi data validate and mhi batch)
            }
            read++;
            // Unescaping rewrites the row in place: keep a quoted row's text before reading a
            // field, in case it is rejected (as the dataset reader does).
            var original = rejectsCsv is null
                ? row.Span
                : RejectsCsvWriter.KeepOriginal(row.Span, ref originalCopy);
            var (label, rejection) = Check(row, fieldCount, idColumn, outcomeColumn);
            if (rejection is { } why)
            {
                rejected++;
                rejectsCsv?.Write(row.LineNumberFrom, why, original);
                continue;
            }
            var key = pseudonymiser.Pseudonymise(label.Id);
            if (firstOutcomes.TryGetValue(Fingerprint(key), out var first))
            {
                if (first == label.Outcome)
                {
                    duplicates++; // harmless: the same label again
                    continue;
                }
                // Another outcome for one person: the first is kept (it may be attached already),
                // this row is rejected as the validator rejects a repeated User_ID.
                conflicting++;
                rejected++;
                rejectsCsv?.Write(
                    row.LineNumberFrom,
                    new RowRejection(RejectReason.DuplicateUserId, DatasetSchema.UserId),
                    original
                );
                continue;
            }
            firstOutcomes.Add(Fingerprint(key), label.Outcome);
            chunk.Add(new OutcomeLabel(key, label.Outcome));
            if (chunk.Count == ChunkSize)
            {
                await AttachAsync();
            }
        }
        if (chunk.Count > 0)
        {
            await AttachAsync();
        }
        rejects?.Flush();
        return new OutcomeLabelImportResult(
            read,
            read - rejected,
            rejected,
            matched,
            unmatched,
            duplicates,
            conflicting,
            updated
        );

        async Task AttachAsync()
        {
            var attached = await store.AttachOutcomesAsync(chunk, attachedAt, cancellationToken);
            matched += attached.Matched;
            unmatched += attached.Unmatched;
            updated += attached.PredictionsUpdated;
            chunk.Clear();
        }
    }

    private static UInt128 Fingerprint(string pseudonym) =>
        UInt128.Parse(
            pseudonym.AsSpan(0, 32),
            NumberStyles.AllowHexSpecifier,
            CultureInfo.InvariantCulture
        );

    /// <summary>The row's label, or why it is rejected (the validator's reasons and order).</summary>
    private static ((string Id, bool Outcome) Label, RowRejection? Rejection) Check(
        SepReader.Row row,
        int fieldCount,
        int idColumn,
        int outcomeColumn
    )
    {
        if (row.ColCount != fieldCount)
        {
            return (default, new RowRejection(RejectReason.WrongFieldCount, string.Empty));
        }
        var id = row[idColumn].Span.Trim();
        if (id.IsEmpty)
        {
            return (default, new RowRejection(RejectReason.MissingUserId, DatasetSchema.UserId));
        }
        var outcome = row[outcomeColumn].Span.Trim();
        if (outcome.IsEmpty)
        {
            return (
                default,
                new RowRejection(RejectReason.MissingTarget, DatasetSchema.MentalHealthCondition)
            );
        }
        return outcome.Equals("Yes", StringComparison.OrdinalIgnoreCase)
                ? ((id.ToString(), true), null)
            : outcome.Equals("No", StringComparison.OrdinalIgnoreCase)
                ? ((id.ToString(), false), null)
            : (
                default,
                new RowRejection(RejectReason.InvalidTarget, DatasetSchema.MentalHealthCondition)
            );
    }

    private static SepReader Open(string path)
    {
        try
        {
            // A fixed comma: Sep's default detects the separator from the header, which read a
            // semicolon-separated file as labels although mhi data validate refuses it.
            return Sep.New(',')
                .Reader(o =>
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

    /// <summary>The header's field count and its User_ID and outcome columns.</summary>
    /// <exception cref="InvalidDataException">No header, not comma-separated, a column missing or named more than once.</exception>
    private static (int Fields, int Id, int Outcome) ReadHeader(SepReader reader, string path)
    {
        if (!MoveNext(reader, path, 0))
        {
            throw new InvalidDataException(
                $"{path} is empty: expected a header row naming the columns."
            );
        }
        var row = reader.Current;
        // Counted before any field is read: unescaping rewrites the row text in place.
        var separatorProblem = CsvDatasetReader.WrongSeparator(row.Span);
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
        if (id < 0 || outcome < 0)
        {
            // As mhi data validate: the separator is named only when the columns are not found.
            throw new InvalidDataException(
                separatorProblem is null
                    ? $"{path} needs the columns {DatasetSchema.UserId} and {DatasetSchema.MentalHealthCondition}."
                    : $"{path}: {separatorProblem}"
            );
        }
        return (names.Length, id, outcome);
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
