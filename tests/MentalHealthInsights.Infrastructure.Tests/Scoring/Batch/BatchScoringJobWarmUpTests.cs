using System.Reflection;
using MentalHealthInsights.Infrastructure.Scoring.Batch;

namespace MentalHealthInsights.Infrastructure.Tests.Scoring.Batch;

/// <summary>
/// The warm-up compiles the row path ahead of the job: every method the scorers compile on first
/// use, the generic row checks for the batch's row type included, and it never faults.
/// </summary>
public sealed class BatchScoringJobWarmUpTests
{
    [Fact]
    public void WarmUp_CompilesTheRowPathIncludingTheGenericRowChecks()
    {
        var prepared = BatchScoringJob.WarmUp();

        Assert.Contains("BatchTextRowFields..ctor", prepared);
        Assert.Contains("RecordValidator.TryCheck", prepared);
        Assert.Contains("RecordValidator.CheckFields", prepared);
        Assert.Contains("FittedPreprocessor.Transform", prepared);
        Assert.Contains("XGBoostTreeEnsemble.AddTreesNoNaN", prepared);
        Assert.Contains("SubjectPseudonymWriter.WriteMany", prepared);
        Assert.Contains("BatchRowFormat.Write", prepared);
        Assert.Equal(prepared.Count, prepared.Distinct().Count());
    }

    [Fact]
    public void WarmUp_EveryAggressivelyOptimisedMethodOfTheScoringAssemblies()
    {
        var expected = new[] { typeof(Core.Scoring.Predictor), typeof(BatchScoringJob) }
            .SelectMany(t => t.Assembly.GetTypes())
            .Where(t => !t.ContainsGenericParameters)
            .SelectMany(t =>
                t.GetMethods(All)
                    .Cast<MethodBase>()
                    .Concat(t.GetConstructors(All))
                    .Where(m =>
                        m.MethodImplementationFlags.HasFlag(
                            MethodImplAttributes.AggressiveOptimization
                        )
                    )
                    .Select(m => $"{t.Name}.{m.Name}")
            )
            .Order(StringComparer.Ordinal);

        Assert.Equal(expected, BatchScoringJob.WarmUp().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task WarmUpAsync_Completes()
    {
        var warmUp = BatchScoringJob.WarmUpAsync();

        await warmUp.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.True(warmUp.IsCompletedSuccessfully);
    }

    private const BindingFlags All =
        BindingFlags.DeclaredOnly
        | BindingFlags.Instance
        | BindingFlags.Static
        | BindingFlags.Public
        | BindingFlags.NonPublic;
}
