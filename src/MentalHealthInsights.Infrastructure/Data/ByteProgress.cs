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
        // An S3 object stream cannot seek but knows its length and counts what it has read.
        if (progress is not null && (stream.CanSeek || stream is S3ReadStream))
        {
            start = stream.Position;
            length = stream.Length - start;
        }
    }

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
