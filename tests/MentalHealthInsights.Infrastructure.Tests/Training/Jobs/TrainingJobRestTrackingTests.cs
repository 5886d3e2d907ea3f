using MentalHealthInsights.Core.Data.Synthetic;
using MentalHealthInsights.Core.Training.Protocol;
using MentalHealthInsights.Infrastructure.Data;
using MentalHealthInsights.Infrastructure.Tests.Tracking.Rest;
using MentalHealthInsights.Infrastructure.Tracking.Sqlite;
using MentalHealthInsights.Infrastructure.Training.Jobs;

namespace MentalHealthInsights.Infrastructure.Tests.Training.Jobs;

/// <summary>The training job against an MLflow-shaped server on loopback, with MLflow's credentials.</summary>
[Collection(nameof(SharedProcessEnvironment))]
public sealed class TrainingJobRestTrackingTests : IDisposable
{
    private readonly FakeMlflowServer _server = new();
    private readonly string _folder = Path.Combine(
        Path.GetTempPath(),
        "mhi-job-rest-" + Guid.NewGuid().ToString("N")
    );

    public TrainingJobRestTrackingTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        _server.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Run_ServerUriWithTokenInTheEnvironment_LogsAndRegistersWithTheBearerToken()
    {
        var input = Path.Combine(_folder, "d.csv");
        CsvDatasetWriter.WriteFile(
            SyntheticDataGenerator.Generate(new SyntheticDataOptions { Rows = 900, Seed = 4 }),
            input
        );
        var previous = Environment.GetEnvironmentVariable(TrackingBackendFactory.TokenVariable);
        Environment.SetEnvironmentVariable(TrackingBackendFactory.TokenVariable, "secret-token");
        TrainingJobResult result;
        try
        {
            result = new TrainingJob(TimeProvider.System).Run(
                new TrainingJobOptions
                {
                    InputPath = input,
                    OutputDirectory = Path.Combine(_folder, "t"),
                    Models = ["lr"],
                    TrackingUri = _server.Uri.AbsoluteUri,
                    Protocol = new TrainingOptions
                    {
                        Folds = 3,
                        SearchBudget = 1,
                        BootstrapResamples = 200,
                        PermutationRepeats = 2,
                    },
                }
            );
        }
        finally
        {
            Environment.SetEnvironmentVariable(TrackingBackendFactory.TokenVariable, previous);
        }

        Assert.Null(result.Tracking!.Error);
        Assert.Equal(1, result.Tracking.Version);
        Assert.NotEmpty(_server.Requests);
        Assert.All(_server.Requests, r => Assert.Equal("Bearer secret-token", r.Authorization));
    }
}
