using System.Text;
using MentalHealthInsights.Core.Scoring.PredictionLog;
using MentalHealthInsights.Infrastructure.Scoring.PredictionLog;
using MentalHealthInsights.Server.Apis;
using MentalHealthInsights.Server.PredictionLogging;
using MentalHealthInsights.Server.Serving;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MentalHealthInsights.Server.Hosting;

/// <summary>
/// Composition of the server: configuration (appsettings.json in the working directory or
/// <c>--config FILE</c>, then environment variables, then flags), options validated once, the
/// services of every capability, JSON logs, rate limiting, OpenAPI.
/// </summary>
internal static class ServerServices
{
    /// <summary>Friendly flags of <c>mhi serve</c>, mapped to configuration keys.</summary>
    private static readonly Dictionary<string, string> Flags = new(StringComparer.Ordinal)
    {
        ["--model"] = "Serving:Model",
        ["--tracking-uri"] = "Serving:TrackingUri",
        ["--watch-interval"] = "Serving:WatchInterval",
        ["--prediction-log"] = "PredictionLog:ConnectionString",
        ["--config"] = "ConfigFile",
    };

    public static WebApplicationBuilder AddMentalHealthServer(
        this WebApplicationBuilder builder,
        string[] args
    )
    {
        AddConfiguration(builder, args);
        var configuration = builder.Configuration;
        var serving =
            configuration.GetSection(ServingOptions.Section).Get<ServingOptions>() ?? new();
        var logOptions =
            configuration.GetSection(PredictionLogOptions.Section).Get<PredictionLogOptions>()
            ?? new();
        if (logOptions.PseudonymisationKey is null)
        {
            logOptions = logOptions with
            {
                PseudonymisationKey = Environment.GetEnvironmentVariable(
                    PredictionLogOptions.KeyVariable
                ),
            };
        }
        var rateLimits =
            configuration.GetSection(RateLimitingOptions.Section).Get<RateLimitingOptions>()
            ?? new();
        var problems = new List<string>();
        problems.AddRange(
            new[]
            {
                serving.FindProblem(),
                logOptions.FindProblem(),
                rateLimits.FindProblem(),
            }.OfType<string>()
        );
        var logPath = LogStorePath(logOptions, problems);

        var services = builder.Services;
        services.AddHostedService(_ => new StartupCheck(problems));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(serving);
        services.AddSingleton(logOptions);
        services.AddSingleton(new AdminKey(configuration["Admin:ApiKey"]));
        services.AddSingleton<ServerMetrics>();
        services.AddSingleton<ModelSlot>();
        services.AddSingleton<ModelLoader>();
        services.AddSingleton<ModelReloader>();
        services.AddSingleton<PredictionService>();
        services.AddSingleton<PredictionLogQueue>();
        services.AddSingleton<IPredictionLogStore>(_ => new SqlitePredictionLogStore(
            logPath ?? PredictionLogStoreFactory.DefaultPath
        ));
        services.AddSingleton(sp => new PredictionRecorder(
            sp.GetRequiredService<PredictionLogQueue>(),
            logOptions.Enabled && logOptions.FindProblem() is null
                ? new SubjectPseudonymiser(Encoding.UTF8.GetBytes(logOptions.PseudonymisationKey!))
                : null,
            sp.GetRequiredService<TimeProvider>()
        ));
        if (logOptions.Enabled)
        {
            services.AddHostedService<PredictionLogWriter>();
        }
        services.AddHostedService<ModelWatchService>();
        if (configuration.GetValue<bool>("Hosting:StopWhenStdinCloses"))
        {
            services.AddHostedService<StdinShutdownService>();
        }

        services.ConfigureHttpJsonOptions(json =>
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, ServerJsonContext.Default)
        );
        services.AddProblemDetails();
        services.AddServerRateLimiting(rateLimits);
        services.AddServerOpenApi();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // Kestrel's own cap sits just above the largest body any endpoint accepts.
            kestrel.Limits.MaxRequestBodySize = serving.MaxBatchBodyBytes + 1024L;
            kestrel.AddServerHeader = false;
        });
        ConfigureLogging(builder.Logging);
        return builder;
    }

    private static void AddConfiguration(WebApplicationBuilder builder, string[] args)
    {
        var configuration = builder.Configuration;
        configuration.AddEnvironmentVariables("MHI_");
        configuration.AddCommandLine(args, Flags);
        if (configuration["ConfigFile"] is { Length: > 0 } file)
        {
            // An explicit file sits below the environment and the flags, which are added again.
            configuration.AddJsonFile(Path.GetFullPath(file), optional: false);
            configuration.AddEnvironmentVariables();
            configuration.AddEnvironmentVariables("MHI_");
            configuration.AddCommandLine(args, Flags);
        }
    }

    private static string? LogStorePath(PredictionLogOptions options, List<string> problems)
    {
        try
        {
            return PredictionLogStoreFactory.SqlitePath(options.ConnectionString);
        }
        catch (NotSupportedException ex)
        {
            if (options.Enabled)
            {
                problems.Add(ex.Message);
            }
            return null;
        }
    }

    private static void ConfigureLogging(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddJsonConsole(json =>
        {
            // Scopes carry the request id (RequestId, TraceId) into every line of a request.
            json.IncludeScopes = true;
            json.UseUtcTimestamp = true;
            json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
    }
}
