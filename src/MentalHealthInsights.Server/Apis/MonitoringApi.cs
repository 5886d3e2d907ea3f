using System.Globalization;
using MentalHealthInsights.Core.Monitoring;
using MentalHealthInsights.Core.Monitoring.Alerts;
using MentalHealthInsights.Server.Apis.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MentalHealthInsights.Server.Apis;

/// <summary>
/// GET /v1/monitoring/snapshots and /v1/monitoring/alerts: read-only views of the monitoring
/// store (<see cref="DashboardStores.MonitoringLocation"/>, SQLite or PostgreSQL) for the dashboard
/// page. A missing SQLite store is an empty answer with a note, never an error, and is not created.
/// </summary>
internal static class MonitoringApi
{
    /// <summary>The largest <c>limit</c> accepted (the store's own cap).</summary>
    public const int MaxLimit = 10_000;

    private const string NoStore = "No monitoring runs yet: the monitoring store does not exist.";

    public static IEndpointRouteBuilder MapMonitoringApi(this IEndpointRouteBuilder app)
    {
        // One store per server, shared by every request (not one per request).
        var stores = new DashboardStores.SharedMonitoringStore(
            app.ServiceProvider.GetRequiredService<IConfiguration>()
        );
        var group = app.MapGroup("/v1/monitoring").WithTags("Monitoring").RateLimited();
        group
            .MapGetAndHead(
                "/snapshots",
                (int? limit, string? from, string? to, CancellationToken cancellationToken) =>
                    SnapshotsAsync(stores, limit, from, to, cancellationToken)
            )
            .WithName("ListMonitoringSnapshots")
            .WithSummary(
                "Monitoring runs, oldest window first: drift, F1, fairness gap and report path (limit 1–10000, default 200; the newest kept). from/to: ISO 8601 dates or times (UTC without an offset); windows ending at or after from and before to."
            )
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group
            .MapGetAndHead(
                "/alerts",
                (int? limit, string? from, string? to, CancellationToken cancellationToken) =>
                    AlertsAsync(stores, limit, from, to, cancellationToken)
            )
            .WithName("ListMonitoringAlerts")
            .WithSummary(
                "Latest alerts, newest window first, fired and suppressed (limit 1–10000, default 50). from/to: ISO 8601 dates or times (UTC without an offset); windows ending at or after from and before to."
            )
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static Task<Results<Ok<MonitoringSnapshotsResponse>, ProblemHttpResult>> SnapshotsAsync(
        DashboardStores.SharedMonitoringStore stores,
        int? limit,
        string? from,
        string? to,
        CancellationToken cancellationToken
    ) =>
        ListAsync(
            stores,
            limit,
            from,
            to,
            async (store, range, token) =>
            {
                var snapshots = await store.ListSnapshotsAsync(
                    new MonitoringSnapshotQuery
                    {
                        Limit = limit ?? 200,
                        From = range.From,
                        To = range.To,
                    },
                    token
                );
                var items = snapshots
                    .Select(s => new MonitoringSnapshotItem(
                        s.RunId,
                        s.WindowStart,
                        s.WindowEnd,
                        s.CreatedAt,
                        s.Model,
                        s.ReportPath,
                        s.KeyMetrics,
                        s.Verdicts
                    ))
                    .ToList();
                return new MonitoringSnapshotsResponse(
                    items,
                    items.Count == 0 ? "No monitoring runs yet." : null
                );
            },
            note => new MonitoringSnapshotsResponse([], note),
            cancellationToken
        );

    private static Task<Results<Ok<MonitoringAlertsResponse>, ProblemHttpResult>> AlertsAsync(
        DashboardStores.SharedMonitoringStore stores,
        int? limit,
        string? from,
        string? to,
        CancellationToken cancellationToken
    ) =>
        ListAsync(
            stores,
            limit,
            from,
            to,
            async (store, range, token) =>
            {
                var alerts = await store.ListAlertsAsync(
                    new AlertQuery
                    {
                        Limit = limit ?? 50,
                        From = range.From,
                        To = range.To,
                    },
                    token
                );
                var items = alerts
                    .Select(a => new MonitoringAlertItem(
                        a.AlertId,
                        a.MonitoringRunId,
                        a.RuleName,
                        a.Condition,
                        a.Metric,
                        a.Value,
                        a.Threshold,
                        AlertPolicy.SeverityName(a.Severity),
                        AlertPolicy.StatusName(a.Status),
                        a.Reason,
                        a.WindowStart,
                        a.WindowEnd,
                        a.BreachedSince,
                        a.CreatedAt
                    ))
                    .ToList();
                return new MonitoringAlertsResponse(
                    items,
                    items.Count == 0 ? "No alerts recorded." : null
                );
            },
            note => new MonitoringAlertsResponse([], note),
            cancellationToken
        );

    /// <summary>The window-end range of a listing: at or after From, before To (either open).</summary>
    internal readonly record struct TimeRange(DateTimeOffset? From, DateTimeOffset? To);

    /// <summary>
    /// What both listings do around their query: the limit and range checks (400), an empty
    /// answer with a note when no store exists, and 503 when the store cannot be read.
    /// </summary>
    private static async Task<Results<Ok<TResponse>, ProblemHttpResult>> ListAsync<TResponse>(
        DashboardStores.SharedMonitoringStore stores,
        int? limit,
        string? from,
        string? to,
        Func<IMonitoringStore, TimeRange, CancellationToken, Task<TResponse>> list,
        Func<string, TResponse> noStore,
        CancellationToken cancellationToken
    )
    {
        if (BadLimit(limit) is { } badLimit)
        {
            return badLimit;
        }
        if (BadRange(from, to, out var range) is { } badRange)
        {
            return badRange;
        }
        try
        {
            return stores.Get() is { } store
                ? TypedResults.Ok(await list(store, range, cancellationToken))
                : TypedResults.Ok(noStore(NoStore));
        }
        catch (Exception ex) when (ex is IOException or ArgumentException)
        {
            // ArgumentException: a malformed Monitoring:Store (the start-up log says so too).
            return Unreadable();
        }
    }

    /// <summary>A 400 problem for a limit outside 1–<see cref="MaxLimit"/>, else null.</summary>
    internal static ProblemHttpResult? BadLimit(int? limit) =>
        limit is < 1 or > MaxLimit
            ? Problems.BadRequest(
                "Invalid limit.",
                "limit must be between 1 and "
                    + MaxLimit.ToString(CultureInfo.InvariantCulture)
                    + "."
            )
            : null;

    /// <summary>
    /// Reads <c>from</c>/<c>to</c> (each optional): a 400 problem for one that is not an ISO 8601
    /// date or time, or for from not before to; else null and the range.
    /// </summary>
    internal static ProblemHttpResult? BadRange(string? from, string? to, out TimeRange range)
    {
        range = default;
        if (!TryParseBound(from, out var start))
        {
            return InvalidBound("from");
        }
        if (!TryParseBound(to, out var end))
        {
            return InvalidBound("to");
        }
        if (start >= end)
        {
            return Problems.BadRequest("Invalid time range.", "from must be before to.");
        }
        range = new TimeRange(start, end);
        return null;
    }

    // Absent is no bound; present must be an ISO 8601 date or time.
    private static bool TryParseBound(string? text, out DateTimeOffset? bound)
    {
        bound = null;
        if (text is null)
        {
            return true;
        }
        if (!MonitoringTime.TryParse(text, out var value))
        {
            return false;
        }
        bound = value;
        return true;
    }

    private static ProblemHttpResult InvalidBound(string name) =>
        Problems.BadRequest(
            "Invalid time range.",
            $"{name} must be an ISO 8601 date or time (UTC without an offset), e.g. 2026-11-01 or {MonitoringTime.Example}."
        );

    // The store's message names the file; the page needs only to know it cannot be read now.
    private static ProblemHttpResult Unreadable() =>
        TypedResults.Problem(
            detail: "The monitoring store could not be read; retry shortly or check the server log.",
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Monitoring store unavailable."
        );
}
