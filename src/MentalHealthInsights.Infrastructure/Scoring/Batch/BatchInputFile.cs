namespace MentalHealthInsights.Infrastructure.Scoring.Batch;

/// <summary>One input file of a job, with what identifies its version and how its name is written.</summary>
/// <param name="Path">Full path.</param>
/// <param name="Length">Size in bytes when the job was planned.</param>
/// <param name="LastWriteTicks">Last modification time (UTC ticks) when the job was planned.</param>
/// <param name="SourceText">The file name as a CSV field (formula-neutralised, quoted when needed).</param>
/// <param name="SourceField">The same, UTF-8, followed by a comma: the start of each output line.</param>
internal sealed record BatchInputFile(
    string Path,
    long Length,
    long LastWriteTicks,
    string SourceText,
    byte[] SourceField
);
