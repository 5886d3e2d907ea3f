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

    [Theory]
    [InlineData("""{ "heartbeatSeconds": 1e15 }""", "heartbeatSeconds")]
    [InlineData("""{ "leaseSeconds": 1e16 }""", "leaseSeconds")]
    [InlineData("""{ "heartbeatSeconds": 0 }""", "heartbeatSeconds")]
    [InlineData(
        """{ "steps": { "*": { "initialDelaySeconds": 1e300 } } }""",
        "steps[\"*\"].initialDelaySeconds"
    )]
    [InlineData(
        """{ "steps": { "*": { "maxDelaySeconds": -1 } } }""",
        "steps[\"*\"].maxDelaySeconds"
    )]
    [InlineData(
        """{ "steps": { "training/train": { "timeoutMinutes": 1e300 } } }""",
        "steps[\"training/train\"].timeoutMinutes"
    )]
    [InlineData("""{ "steps": { "*": { "maxAttempts": 0 } } }""", "steps[\"*\"].maxAttempts")]
    [InlineData("""{ "steps": { "*": { "jitter": 1 } } }""", "steps[\"*\"].jitter")]
    [InlineData(
        """{ "scheduler": { "misfireThresholdSeconds": 1e300 } }""",
        "scheduler.misfireThresholdSeconds"
    )]
    [InlineData(
        """{ "scheduler": { "checkinIntervalSeconds": 1e300 } }""",
        "scheduler.checkinIntervalSeconds"
    )]
    public void FindProblems_DurationOutOfRange_NamedNotThrown(string json, string setting)
    {
        File.WriteAllText(_path, json);

        var problems = PipelineSettingsLoader.Load(_path).FindProblems(PipelineCatalog.Names);

        var problem = Assert.Single(problems);
        Assert.StartsWith(setting + " must be ", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void FindProblems_LeaseShorterThanTwoHeartbeats_NamesBoth()
    {
        var settings = new PipelineSettings { HeartbeatSeconds = 10, LeaseSeconds = 15 };

        var problem = Assert.Single(settings.FindProblems(PipelineCatalog.Names));

        Assert.Equal("leaseSeconds (15) must be at least twice heartbeatSeconds (10).", problem);
    }

    [Fact]
    public void FindProblems_LargestAcceptedDurations_NoProblem()
    {
        var settings = new PipelineSettings
        {
            HeartbeatSeconds = PipelineSettings.MaxHeartbeatSeconds,
            LeaseSeconds = PipelineSettings.MaxLeaseSeconds,
            Steps =
            {
                ["*"] = new StepPolicySettings
                {
                    MaxAttempts = StepPolicySettings.MaxAttemptsLimit,
                    InitialDelaySeconds = StepPolicySettings.MaxDelayLimitSeconds,
                    MaxDelaySeconds = StepPolicySettings.MaxDelayLimitSeconds,
                    BackoffMultiplier = StepPolicySettings.MaxBackoffMultiplier,
                    TimeoutMinutes = StepPolicySettings.MaxTimeoutMinutes,
                },
            },
        };

        Assert.Empty(settings.FindProblems(PipelineCatalog.Names));
        Assert.Equal(TimeSpan.FromDays(7), settings.ToRunnerOptions().PolicyFor("x", "y").Timeout);
    }

    [Fact]
    public void FindProblems_ScheduleParameterThePipelineRefuses_ReportedAtStartUp()
    {
        var settings = new PipelineSettings
        {
            Schedules =
            [
                new ScheduleSettings
                {
                    Name = "weekly",
                    Pipeline = "training",
                    Cron = "0 0 3 ? * MON",
                    Parameters = { ["rows"] = "abc" },
                },
            ],
        };

        var problem = Assert.Single(settings.FindProblems(PipelineCatalog.Names));

        Assert.StartsWith(
            "schedule 'weekly': parameter rows must be an integer",
            problem,
            StringComparison.Ordinal
        );
    }

    [Theory]
    [InlineData("""{ "heartbeatSeconds": 5, "heartbeatSeconds": 6 }""", "heartbeatSeconds")]
    [InlineData(
        """{ "steps": { "*": { "maxAttempts": 1 }, "*": { "maxAttempts": 2 } } }""",
        "steps.*"
    )]
    public void Load_DuplicateKey_RefusedNamingKeyAndFile(string json, string key)
    {
        File.WriteAllText(_path, json);

        var error = Assert.Throws<InvalidDataException>(() => PipelineSettingsLoader.Load(_path));

        Assert.Equal($"{_path}: {key} is given twice; give each setting once.", error.Message);
    }

    /// <summary>A folder named as the settings file is called a folder, not "not found".</summary>
    [Fact]
    public void Load_Folder_RefusedSayingItIsAFolder()
    {
        Directory.CreateDirectory(_path);
        try
        {
            var error = Assert.Throws<InvalidDataException>(() =>
                PipelineSettingsLoader.Load(_path)
            );

            Assert.Equal(
                $"pipelines settings file {_path} is a folder, not a file; give the path of a file.",
                error.Message
            );
        }
        finally
        {
            Directory.Delete(_path);
        }
    }

    [Fact]
    public void Load_WrongType_MessageWithoutDotNetTypeNames()
    {
        File.WriteAllText(_path, """{ "steps": { "*": { "maxAttempts": "three" } } }""");

        var error = Assert.Throws<InvalidDataException>(() => PipelineSettingsLoader.Load(_path));

        Assert.DoesNotContain("System.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("MentalHealthInsights.", error.Message, StringComparison.Ordinal);
        Assert.Contains("maxAttempts", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nope/x", "steps[\"nope/x\"]: unknown pipeline 'nope'")]
    [InlineData("training/nope", "steps[\"training/nope\"]: pipeline training has no step 'nope'")]
    [InlineData("training", "steps[\"training\"]: a step policy key is PIPELINE/STEP")]
    public void FindProblems_StepPolicyForUnknownPipelineOrStep_Reported(
        string key,
        string expected
    )
    {
        var settings = new PipelineSettings { Steps = { [key] = new StepPolicySettings() } };

        var problem = Assert.Single(settings.FindProblems(PipelineCatalog.Names));

        Assert.StartsWith(expected, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("monitoring/*")]
    [InlineData("training/train")]
    public void FindProblems_StepPolicyKeys_Accepted(string key) =>
        Assert.Empty(
            new PipelineSettings { Steps = { [key] = new StepPolicySettings() } }.FindProblems(
                PipelineCatalog.Names
            )
        );

    public void Dispose() => File.Delete(_path);
}
