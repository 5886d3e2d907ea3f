namespace MentalHealthInsights.Infrastructure.Tests.Training.Jobs;

/// <summary>
/// Tests that set process environment variables (MLflow's credentials) run alone, so no other
/// test reads a value that is not its own.
/// </summary>
[CollectionDefinition(nameof(SharedProcessEnvironment), DisableParallelization = true)]
public sealed class SharedProcessEnvironment;
