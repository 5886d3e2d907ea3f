using System.Text;
using MentalHealthInsights.Core.Scoring.PredictionLog;
using MentalHealthInsights.Infrastructure.Scoring.PredictionLog;
using MentalHealthInsights.Server.Apis;
using MentalHealthInsights.Server.PredictionLogging;
using MentalHealthInsights.Server.Serving;
using Microsoft.AspNetCore.Server.Kestrel.Core;
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
        ["--pipelines-config"] = "Scheduling:Config",
    };

    public static WebApplicationBuilder AddMentalHealthServer(
        this WebApplicationBuilder builder,
        string[] args
    )
    {
        AddConfiguration(builder, args);
        var services = builder.Services;
        // Options are bound when first resolved, after every configuration source (including
        // a test host's overrides) is in place; StartupCheck validates them before anything listens.
        services.AddSingleton(sp => ServerSettings.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton(sp => sp.GetRequiredService<ServerSettings>().Serving);
        services.AddSingleton(sp => sp.GetRequiredService<ServerSettings>().PredictionLog);
        services.AddSingleton(sp => sp.GetRequiredService<ServerSettings>().RateLimiting);
        services.AddSingleton(sp => new AdminKey(
            sp.GetRequiredService<ServerSettings>().AdminApiKey
        ));
        services.AddHostedService<StartupCheck>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ServerMetrics>();
        services.AddSingleton<ModelSlot>();
        services.AddSingleton<ModelLoader>();
        services.AddSingleton<ModelReloader>();
        services.AddSingleton<PredictionService>();
        services.AddSingleton<PredictionLogQueue>();
        services.AddSingleton(sp =>
            PredictionLogStoreFactory.Create(
                sp.GetRequiredService<ServerSettings>().PredictionLogLocation
            )
        );
        services.AddSingleton(sp =>
        {
            var log = sp.GetRequiredService<PredictionLogOptions>();
            return new PredictionRecorder(
                sp.GetRequiredService<PredictionLogQueue>(),
                log.Enabled && log.FindProblem() is null
                    ? new SubjectPseudonymiser(Encoding.UTF8.GetBytes(log.PseudonymisationKey!))
                    : null,
                sp.GetRequiredService<TimeProvider>()
            );
        });
        services.AddHostedService<PredictionLogWriter>();
        services.AddHostedService<ModelWatchService>();
        services.AddHostedService<StdinShutdownService>();
        // Off unless Scheduling:Enabled; stopped first (hosted services stop in reverse order).
        services.AddSingleton(sp =>
            SchedulingOptions.From(sp.GetRequiredService<IConfiguration>())
        );
        services.TryAddSingleton(SchedulerCatalog.Default);
        services.AddSingleton<SchedulingSettings>();
        services.AddHostedService<PipelineSchedulerService>();

        services.ConfigureHttpJsonOptions(json =>
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, ServerJsonContext.Default)
        );
        services.AddProblemDetails();
        // A query value that does not bind (?top=abc) throws, so that QueryValueProblems can
        // name the parameter in the 400 problem; the exception stops at that handler (inside
        // the developer page in Development), so it is never shown or logged as an error.
        services.Configure<RouteHandlerOptions>(route => route.ThrowOnBadRequest = true);
        services.AddExceptionHandler<QueryValueProblems>();
        services.AddServerRateLimiting();
        services.AddServerOpenApi();
        services
            .AddOptions<KestrelServerOptions>()
            .Configure<ServingOptions>(
                (kestrel, serving) =>
                {
                    // Kestrel's own cap sits just above the largest body any endpoint accepts.
                    kestrel.Limits.MaxRequestBodySize = serving.MaxBatchBodyBytes + 1024L;
                    kestrel.AddServerHeader = false;
                }
            );
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
            // The framework would call a folder "not found"; say what it is (refused as any
            // unreadable settings file is, by ServerHost.CreateBuilder).
            var full = Path.GetFullPath(file);
            if (Directory.Exists(full))
            {
                throw new InvalidDataException(
                    $"settings file {full} (--config) is a folder, not a file; give the path of a JSON file."
                );
            }
            // An explicit file sits below the environment and the flags, which are added again.
            configuration.AddJsonFile(full, optional: false);
            configuration.AddEnvironmentVariables();
            configuration.AddEnvironmentVariables("MHI_");
            configuration.AddCommandLine(args, Flags);
        }
    }

    /// <summary>JSON lines on stdout; also used for a refusal before the host exists (<see cref="ServerHost"/>).</summary>
    internal static void ConfigureLogging(ILoggingBuilder logging)
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
