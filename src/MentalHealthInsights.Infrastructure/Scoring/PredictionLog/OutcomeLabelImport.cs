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
/// predictions in chunks. Streams the file. The file is read and its rows checked as
/// <c>mhi data validate</c> reads and checks them: header names are matched by
/// <see cref="ColumnMap"/> (case, whitespace and underscores ignored), the separator is a comma
/// (a file separated by semicolons, tabs or pipes is refused with the validator's message), a
/// row over 1,048,576 characters with a quote stops the import, and a row with a field over the
/// validator's length limit or bytes that are not UTF-8, another number of fields than the
/// header, without an id, or with another outcome than Yes/No is rejected, for the first of these
/// reasons in the validator's order; rejected rows go to a rejects CSV (line,
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
    /// <exception cref="InvalidDataException">The file lacks the User_ID or Mental_Health_Condition column, names a column twice, or holds a row too long to read (over 1,048,576 characters, an unclosed quote).</exception>
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
        // Decoded as the dataset reader decodes (invalid bytes become U+FFFD, rejected below).
        using var text = new StreamReader(
            path,
            CsvDatasetReader.Utf8,
            detectEncodingFromByteOrderMarks: true,
            CsvDatasetReader.TextBufferSize
        );
        // The header is read as a row (Sep's own header handling throws on a repeated name).
        using var reader = Open(text, path);
        var columns = ReadHeader(reader, path);
        var nextLine = reader.Current.LineNumberToExcl;
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
        while (MoveNext(reader, path, nextLine))
        {
            var row = reader.Current;
            nextLine = row.LineNumberToExcl;
            if (row.Span.IsEmpty)
            {
                continue; // a blank line is not a row (as mhi data validate and mhi batch)
            }
            // As mhi data validate and mhi batch: an unclosed quote swallowing the file stops.
            if (CsvRecordLimit.StopsReading(row.Span, row.ColCount, columns.Map.FieldCount))
            {
                throw TooLong(path, row.LineNumberFrom);
            }
            read++;
            // Unescaping rewrites the row in place: keep a quoted row's text before reading a
            // field, in case it is rejected (as the dataset reader does).
            var original = rejectsCsv is null
                ? row.Span
                : RejectsCsvWriter.KeepOriginal(row.Span, ref originalCopy);
            var (label, rejection) = Check(row, columns);
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
                rejectsCsv?.Write(row.LineNumberFrom, RecordValidator.Duplicate, original);
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
        LabelColumns columns
    )
    {
        // First, as the validator: a field over the dataset's length limit or with bytes that
        // are not UTF-8, in any column of the row (the rule and the limit are the validator's).
        if (
            RecordValidator.CheckLengthAndEncoding(
                new SepRowFields(row),
                columns.Map,
                ValidationOptions.Default.MaxFieldLength
            ) is
            { } textProblem
        )
        {
            return (default, textProblem);
        }
        if (row.ColCount != columns.Map.FieldCount)
        {
            return (default, new RowRejection(RejectReason.WrongFieldCount, string.Empty));
        }
        var id = row[columns.Id].Span.Trim();
        if (id.IsEmpty)
        {
            return (default, new RowRejection(RejectReason.MissingUserId, DatasetSchema.UserId));
        }
        var outcome = row[columns.Outcome].Span.Trim();
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

    private static SepReader Open(TextReader text, string path)
    {
        try
        {
            // A fixed comma, as the dataset reader's: Sep's default detects the separator from
            // the header, which read a semicolon-separated file as labels although mhi data
            // validate refuses it.
            return CsvDatasetReader.SepOptions.From(text, leaveOpen: true);
        }
        catch (NotSupportedException)
        {
            throw TooLong(path, 1);
        }
    }

    /// <summary>The header's columns, mapped as the dataset reader maps them.</summary>
    /// <param name="Map">The header, by <see cref="ColumnMap"/>: names match ignoring case, whitespace and underscores.</param>
    /// <param name="Id">The User_ID field.</param>
    /// <param name="Outcome">The Mental_Health_Condition field.</param>
    private sealed record LabelColumns(ColumnMap Map, int Id, int Outcome);

    /// <summary>The header's User_ID and outcome columns, matched as <c>mhi data validate</c> matches names.</summary>
    /// <exception cref="InvalidDataException">No header, not comma-separated, a column missing or named more than once.</exception>
    private static LabelColumns ReadHeader(SepReader reader, string path)
    {
        if (!MoveNext(reader, path, 1))
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
        // The dataset reader's header matching (case, whitespace, underscores and a BOM
        // ignored); the columns other than these two are not needed, so only they must be there.
        var map = ColumnMap.FromHeader(names);
        if (map.DuplicatedColumns.Count > 0)
        {
            throw new InvalidDataException(
                $"{path}: Column(s) named more than once in the header: {string.Join(", ", map.DuplicatedColumns)}."
            );
        }
        var id = map.FieldIndexOf(DatasetSchema.UserId);
        var outcome = map.FieldIndexOf(DatasetSchema.MentalHealthCondition);
        if (id < 0 || outcome < 0)
        {
            // As mhi data validate: the separator is named only when the columns are not found.
            throw new InvalidDataException(
                separatorProblem is null
                    ? $"{path} needs the columns {DatasetSchema.UserId} and {DatasetSchema.MentalHealthCondition} (any order; case, spaces and underscores are ignored)."
                    : $"{path}: {separatorProblem}"
            );
        }
        return new LabelColumns(map, id, outcome);
    }

    /// <summary>The next row; a row over Sep's own limit (an unclosed quote) stops the import.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="path">The file, for the message.</param>
    /// <param name="nextLine">The line the next row starts on (where the last one ended).</param>
    /// <exception cref="InvalidDataException">The next row is longer than 16,777,216 characters.</exception>
    private static bool MoveNext(SepReader reader, string path, int nextLine)
    {
        try
        {
            return reader.MoveNext();
        }
        catch (NotSupportedException)
        {
            throw TooLong(path, nextLine);
        }
    }

    /// <summary>The record-length limit's message (<see cref="CsvRecordLimit"/>), as mhi batch and mhi data validate say it.</summary>
    private static InvalidDataException TooLong(string path, int line) =>
        new(
            $"{CsvRecordLimit.StoppedAt(path, line)} Outcomes of earlier rows may already be attached."
        );
}
