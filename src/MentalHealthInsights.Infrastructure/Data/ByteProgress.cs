using MentalHealthInsights.Infrastructure.Hashing;
using MentalHealthInsights.Infrastructure.Storage;

namespace MentalHealthInsights.Infrastructure.Data;

/// <summary>
/// Reports the fraction of a stream's bytes consumed, in whole percent steps, so a listener
/// hears at most about 100 reports however large the input. Unseekable streams other than
/// S3 object streams (which know their length) only report 1.0 at the end.
/// </summary>
internal sealed class ByteProgress
{
    private readonly Stream stream;
    private readonly IProgress<double>? progress;
    private readonly long start;
    private readonly long length;
    private int lastPercent = -1;

    public ByteProgress(Stream stream, IProgress<double>? progress)
    {
        this.stream = stream;
        this.progress = progress;
        if (progress is not null && KnowsLength(stream))
        {
            start = stream.Position;
            length = stream.Length - start;
        }
    }

    /// <summary>
    /// Whether <paramref name="stream"/>'s Length and Position can be read: seekable streams, and
    /// S3 object streams (they cannot seek but know their length and count what they read), also
    /// behind the hashing pass-through.
    /// </summary>
    private static bool KnowsLength(Stream stream) =>
        stream.CanSeek
        || stream is S3ReadStream
        || stream is HashingReadStream hashing && KnowsLength(hashing.Inner);

    public void Update()
    {
        if (progress is null || length <= 0)
        {
            return;
        }

        var percent = (int)Math.Clamp((stream.Position - start) * 100 / length, 0, 100);
        if (percent > lastPercent)
        {
            lastPercent = percent;
            progress.Report(percent / 100.0);
        }
    }

    public void Complete()
    {
        if (progress is not null && lastPercent < 100)
        {
            lastPercent = 100;
            progress.Report(1.0);
        }
    }
}
