namespace MentalHealthInsights.Core.Training.Evaluation;

/// <summary>
/// Draws bootstrap resamples of n rows with replacement as per-row multiplicities. The draw
/// sequence is n calls of <c>Random.Next(n)</c> per resample from <c>new Random(seed)</c>, so a
/// seed fixes every resample and the index-based and weight-based paths see identical resamples.
/// </summary>
internal sealed class Resampler
{
    private readonly Random random;
    private readonly int rows;

    public Resampler(int rows, int seed)
    {
        this.rows = rows;
        random = new Random(seed);
    }

    /// <summary>Fills <paramref name="weights"/> (length n) with how often each row was drawn.</summary>
    public void NextWeights(Span<int> weights)
    {
        weights.Clear();
        for (var j = 0; j < rows; j++)
        {
            weights[random.Next(rows)]++;
        }
    }

    /// <summary>Fills <paramref name="indices"/> (length n) with the drawn rows in draw order.</summary>
    public void NextIndices(Span<int> indices)
    {
        for (var j = 0; j < rows; j++)
        {
            indices[j] = random.Next(rows);
        }
    }

    internal static void ValidateCount(int resamples)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);
    }
}
