namespace MentalHealthInsights.Infrastructure.Scoring.Batch;

/// <summary>Running counts of the rows read, in input order (all partitions).</summary>
/// <param name="Read">Data rows read (also the number of rows consumed: the resume point).</param>
/// <param name="Scored">Rows of this partition accepted (each is written to the output).</param>
/// <param name="Rejected">Rows of this partition rejected.</param>
/// <param name="Other">Rows of other partitions.</param>
internal readonly record struct BatchCounts(long Read, long Scored, long Rejected, long Other);
