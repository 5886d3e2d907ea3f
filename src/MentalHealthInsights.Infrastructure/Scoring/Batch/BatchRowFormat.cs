using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using MentalHealthInsights.Core.Scoring;
using MentalHealthInsights.Core.Scoring.PredictionLog;

namespace MentalHealthInsights.Infrastructure.Scoring.Batch;

/// <summary>
/// Formats output lines straight into UTF-8: <c>source,line,subject,probability,label,</c> then a
/// tail that is the same on every line (<c>threshold,model,model_version,scored_at</c>, computed
/// once). Numbers are invariant-culture, probabilities in shortest round-trip form; text fields go
/// through <see cref="CsvTextField"/>. Thread-safe (no shared mutable state).
/// </summary>
internal sealed class BatchRowFormat
{
    // line (≤ 11) + probability (≤ 24) + label + separators, with room to spare.
    private const int NumbersBytes = 64;

    private readonly BatchPlan plan;
    private readonly byte[] tail;
    private readonly double threshold;

    public BatchRowFormat(BatchPlan plan, string scoredAt)
    {
        this.plan = plan;
        threshold = plan.Model.Threshold;
        var culture = CultureInfo.InvariantCulture;
        tail = Encoding.UTF8.GetBytes(
            string.Create(
                culture,
                $",{threshold.ToString("R", culture)},{CsvTextField.Escape(plan.Model.Name)},{CsvTextField.Escape(plan.Model.Version)},{scoredAt}\n"
            )
        );
    }

    /// <summary>Scores the chunk's records and writes their output lines into the chunk.</summary>
    /// <remarks>
    /// All records are scored first, a block of rows at a time (<see cref="Predictor.PredictProbabilities"/>:
    /// the same probabilities as one call per row), then pseudonymised (sixteen ids per HMAC
    /// computation where the machine has AVX-512: <see cref="SubjectPseudonymWriter.WriteMany"/>),
    /// then formatted.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Write(BatchChunk chunk, Predictor predictor)
    {
        var count = chunk.Count;
        var probabilities = chunk.Probabilities.AsSpan(0, count);
        predictor.PredictProbabilities(chunk.Records.AsSpan(0, count), probabilities);
        using var pseudonyms = plan.Pseudonymiser?.CreateWriter();
        if (pseudonyms is not null)
        {
            var ids = chunk.UserIds.AsSpan(0, count);
            for (var i = 0; i < count; i++)
            {
                ids[i] = chunk.Records[i].UserId;
            }

            pseudonyms.WriteMany(ids, chunk.Pseudonyms);
        }

        var length = 0;
        long positives = 0;
        for (var i = 0; i < count; i++)
        {
            var record = chunk.Records[i];
            var probability = probabilities[i];
            var label = probability >= threshold;
            positives += label ? 1 : 0;
            var source = plan.Files[chunk.Files[i]].SourceField;
            // The pseudonym is hexadecimal (always plain); a raw id is the user's text and is escaped.
            var subject = pseudonyms is null ? CsvTextField.Escape(record.UserId) : null;
            var needed =
                source.Length
                + (
                    subject is null
                        ? SubjectPseudonymWriter.Length
                        : Encoding.UTF8.GetMaxByteCount(subject.Length)
                )
                + NumbersBytes
                + tail.Length;
            if (chunk.Output.Length - length < needed)
            {
                var grown = new byte[Math.Max(2 * chunk.Output.Length, length + needed)];
                chunk.Output.AsSpan(0, length).CopyTo(grown);
                chunk.Output = grown;
            }

            var span = chunk.Output.AsSpan(length);
            source.CopyTo(span);
            var at = source.Length;
            chunk
                .Lines[i]
                .TryFormat(span[at..], out var written, default, CultureInfo.InvariantCulture);
            at += written;
            span[at++] = (byte)',';
            if (subject is null)
            {
                chunk
                    .Pseudonyms.AsSpan(
                        i * SubjectPseudonymWriter.Length,
                        SubjectPseudonymWriter.Length
                    )
                    .CopyTo(span[at..]);
                at += SubjectPseudonymWriter.Length;
            }
            else
            {
                at += Encoding.UTF8.GetBytes(subject, span[at..]);
            }

            span[at++] = (byte)',';
            ProbabilityText.TryWrite(probability, span[at..], out written);
            at += written;
            span[at++] = (byte)',';
            span[at++] = label ? (byte)'1' : (byte)'0';
            tail.CopyTo(span[at..]);
            length += at + tail.Length;
        }

        chunk.OutputLength = length;
        chunk.Positives = positives;
    }
}
