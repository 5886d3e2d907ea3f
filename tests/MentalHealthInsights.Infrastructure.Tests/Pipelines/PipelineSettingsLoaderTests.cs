using MentalHealthInsights.Infrastructure.Pipelines;
using MentalHealthInsights.Infrastructure.Pipelines.Configuration;

namespace MentalHealthInsights.Infrastructure.Tests.Pipelines;

public sealed class PipelineSettingsLoaderTests : IDisposable
{
    private readonly string _path = Path.Combine(
        Path.GetTempPath(),
        "mhi-settings-" + Guid.NewGuid().ToString("N") + ".json"
    );

    [Fact]
    public void Load_PartialFile_DefaultsKeptAndValuesRead()
    {
        File.WriteAllText(
            _path,
            """
            {
              // comments are allowed
              "heartbeatSeconds": 2,
              "steps": { "training/train": { "maxAttempts": 1, "timeoutMinutes": 0 } },
              "schedules": [ { "name": "weekly", "pipeline": "training", "cron": "0 0 3 ? * MON" } ],
            }
            """
        );

        var settings = PipelineSettingsLoader.Load(_path);
        var options = settings.ToRunnerOptions();

        Assert.Equal(TimeSpan.FromSeconds(2), options.HeartbeatInterval);
        Assert.Equal(TimeSpan.FromSeconds(60), options.Lease);
        Assert.Equal(1, options.PolicyFor("training", "train").MaxAttempts);
        Assert.Equal(Timeout.InfiniteTimeSpan, options.PolicyFor("training", "train").Timeout);
        Assert.Equal(3, options.PolicyFor("training", "eda").MaxAttempts);
        Assert.Equal("sqlite:///quartz.db", settings.Scheduler.JobStore);
        Assert.Equal(1, settings.Scheduler.Threads);
        Assert.Equal("fire-once", settings.Schedules[0].Misfire);
        Assert.Empty(settings.Schedules[0].Parameters);
        Assert.Empty(settings.FindProblems(PipelineCatalog.Names));
    }

    [Fact]
    public void FindProblems_BadSchedule_EveryProblemNamed()
    {
        File.WriteAllText(
            _path,
            """
            { "schedules": [ { "name": "x", "pipeline": "nope", "cron": "every day", "misfire": "later", "timeZone": "Mars/Olympus" } ] }
            """
        );

        var problems = PipelineSettingsLoader.Load(_path).FindProblems(PipelineCatalog.Names);

        Assert.Equal(4, problems.Count);
        Assert.Contains(
            problems,
            p => p.Contains("unknown pipeline 'nope'", StringComparison.Ordinal)
        );
        Assert.Contains(
            problems,
            p => p.Contains("not a Quartz cron expression", StringComparison.Ordinal)
        );
    }

    [Fact]
    public void FindProblems_UnsupportedStores_NamedWithoutCredentials()
    {
        var settings = new PipelineSettings
        {
            RunStore = "sqlite:///",
            Scheduler = new SchedulerSettings { JobStore = "mysql://admin:hunter2@db/quartz" },
        };

        var problems = settings.FindProblems(PipelineCatalog.Names);

        Assert.Equal(2, problems.Count);
        Assert.StartsWith("Unsupported job store", problems[0], StringComparison.Ordinal);
        Assert.StartsWith(
            "Invalid SQLite location for the run store",
            problems[1],
            StringComparison.Ordinal
        );
        Assert.DoesNotContain(problems, p => p.Contains("hunter2", StringComparison.Ordinal));
    }

    [Fact]
    public void FindProblems_PostgresJobStoreAndRunStore_NoProblem()
    {
        var settings = new PipelineSettings
        {
            RunStore = "Host=db;Database=runs",
            Scheduler = new SchedulerSettings
            {
                JobStore = "postgresql://u:p@db/quartz",
                Clustered = true,
            },
        };

        Assert.Empty(settings.FindProblems(PipelineCatalog.Names));
    }

    [Fact]
    public void Load_UnknownProperty_ClearError()
    {
        File.WriteAllText(_path, """{ "heartbeat": 5 }""");

        var error = Assert.Throws<InvalidDataException>(() => PipelineSettingsLoader.Load(_path));

        Assert.StartsWith(_path, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => File.Delete(_path);
}
