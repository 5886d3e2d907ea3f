using System.Data.Common;
using MentalHealthInsights.Core.Pipelines;
using MentalHealthInsights.Infrastructure.Pipelines;
using MentalHealthInsights.Server.Apis.Contracts;
using MentalHealthInsights.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MentalHealthInsights.Server.Apis;

/// <summary>
/// GET /v1/pipelines/runs and /v1/pipelines/runs/{id}: read-only views of the pipeline run store
/// (<see cref="DashboardStores.PipelinesLocation"/>: the store the hosted scheduler writes) that
/// the pipelines page polls for live state. A missing SQLite store is an empty answer with a note
/// and is not created; an unreadable store or pipelines settings file is a 503.
/// </summary>
internal static class PipelinesApi
{
    private const string NoStore = "No pipeline runs yet: the run store does not exist.";

    public static IEndpointRouteBuilder MapPipelinesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/pipelines").WithTags("Pipelines").RateLimited();
        group
            .MapGetAndHead("/runs", ListAsync)
            .WithName("ListPipelineRuns")
            .WithSummary("Pipeline runs, most recent first (limit 1–10000, default 50).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group
            .MapGetAndHead("/runs/{id}", GetAsync)
            .WithName("GetPipelineRun")
            .WithSummary("One pipeline run with its steps; 404 for an unknown id.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<Results<Ok<PipelineRunsResponse>, ProblemHttpResult>> ListAsync(
        IConfiguration configuration,
        SchedulingSettings scheduling,
        int? limit,
        CancellationToken cancellationToken
    )
    {
        if (MonitoringApi.BadLimit(limit) is { } bad)
        {
            return bad;
        }
        try
        {
            var location = Location(configuration, scheduling);
            if (DashboardStores.PipelinesSqliteFile(location) is { } file && !File.Exists(file))
            {
                return TypedResults.Ok(new PipelineRunsResponse([], NoStore));
            }
            await using var store = await PipelineRunStoreFactory.OpenAsync(
                location,
                cancellationToken
            );
            var runs = await store.ListRunsAsync(limit ?? 50, cancellationToken);
            return TypedResults.Ok(
                new PipelineRunsResponse(
                    runs.Select(ToItem).ToList(),
                    runs.Count == 0 ? "No pipeline runs yet." : null
                )
            );
        }
        catch (Exception ex) when (IsStoreFailure(ex))
        {
            return Unreadable();
        }
    }

    private static async Task<Results<Ok<PipelineRunResponse>, ProblemHttpResult>> GetAsync(
        IConfiguration configuration,
        SchedulingSettings scheduling,
        string id,
        CancellationToken cancellationToken
    )
    {
        try
        {
            var location = Location(configuration, scheduling);
            if (DashboardStores.PipelinesSqliteFile(location) is { } file && !File.Exists(file))
            {
                return NotFound();
            }
            await using var store = await PipelineRunStoreFactory.OpenAsync(
                location,
                cancellationToken
            );
            if (await store.GetRunAsync(id, cancellationToken) is not { } run)
            {
                return NotFound();
            }
            var steps = await store.GetStepsAsync(id, cancellationToken);
            return TypedResults.Ok(
                new PipelineRunResponse(
                    ToItem(run),
                    steps
                        .Select(s => new PipelineStepItem(
                            s.Index,
                            s.Name,
                            Name(s.State),
                            s.Attempts,
                            s.StartedAt,
                            s.EndedAt,
                            s.Error,
                            s.Message,
                            s.Links.Select(l => new PipelineLinkItem(l.Kind, l.Value)).ToList()
                        ))
                        .ToList()
                )
            );
        }
        catch (Exception ex) when (IsStoreFailure(ex))
        {
            return Unreadable();
        }
    }

    /// <summary>
    /// The run store the hosted scheduler writes; a settings file that cannot be read (only
    /// possible with the scheduler off, else the start was refused) → <see cref="ArgumentException"/>.
    /// </summary>
    private static string Location(IConfiguration configuration, SchedulingSettings scheduling)
    {
        try
        {
            return DashboardStores.PipelinesLocation(configuration, scheduling.Value);
        }
        catch (StartupRefusedException ex)
        {
            throw new ArgumentException(ex.Message, ex);
        }
    }

    private static PipelineRunItem ToItem(PipelineRunRecord run) =>
        new(
            run.Id,
            run.Pipeline,
            Name(run.Trigger),
            Name(run.State),
            run.IsFinished,
            run.CreatedAt,
            run.StartedAt,
            run.EndedAt,
            run.HeartbeatAt,
            run.Error,
            run.CancelRequested,
            run.Parameters
        );

    private static string Name<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static bool IsStoreFailure(Exception ex) =>
        ex is DbException or IOException or ArgumentException or InvalidOperationException;

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(
            detail: "No pipeline run has this id.",
            statusCode: StatusCodes.Status404NotFound,
            title: "Pipeline run not found."
        );

    // The location may hold a password (PostgreSQL URI): never echoed.
    private static ProblemHttpResult Unreadable() =>
        TypedResults.Problem(
            detail: "The pipeline run store could not be read; retry shortly or check the server configuration.",
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Pipeline run store unavailable."
        );
}
