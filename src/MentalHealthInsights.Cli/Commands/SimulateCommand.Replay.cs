using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using MentalHealthInsights.Cli.Hosting;
using MentalHealthInsights.Core.Monitoring.Simulation;

namespace MentalHealthInsights.Cli.Commands;

internal static partial class SimulateCommand
{
    /// <summary>The variable holding the server's admin API key (its Admin:ApiKey) for --replay.</summary>
    // The server reads the same variable when Admin:ApiKey is not set (ServerSettings.AdminKeyVariable;
    // the two projects never reference each other).
    public const string ApiKeyVariable = "MHI_ADMIN_API_KEY";

    // Attempts per request on 429, 5xx or a refused connection, waiting 0.25 s, 0.5 s, 1 s, ...
    // (or the server's Retry-After, capped) in between.
    private const int Attempts = 6;
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LabelRetryPause = TimeSpan.FromMilliseconds(250);

    private static readonly TimeSpan LabelRetryPauseLimit = TimeSpan.FromSeconds(4);

    /// <summary>What a replay sent and what the server did with it.</summary>
    internal readonly record struct ReplayTotals(
        long Predictions,
        long Rejected,
        long Labels,
        long LabelsAttached
    );

    /// <summary>
    /// Replays every day through a running <c>mhi serve</c>: the day's batch to POST
    /// /v1/predict/batch (chunks of <paramref name="batchSize"/>, no explanations), stamped with
    /// the simulated day (X-Event-Time, 12:00 UTC) so monitoring windows match the days, then the
    /// outcomes arriving that day to POST /v1/labels (stamped 18:00 UTC). Outcomes are sent only
    /// as labels, never with the predictions.
    /// </summary>
    /// <exception cref="CommandFailure">The server is unreachable, refuses the key or the data (one line, exit 2).</exception>
    internal static async Task<ReplayTotals> ReplayAsync(
        MonitoringSimulator simulator,
        Uri server,
        string apiKey,
        int batchSize,
        TextWriter progress,
        CancellationToken cancellationToken
    )
    {
        using var client = new HttpClient
        {
            BaseAddress = server,
            Timeout = TimeSpan.FromSeconds(100),
        };
        var totals = default(ReplayTotals);
        var days = simulator.Options.Days;
        for (var day = 1; day <= days; day++)
        {
            var date = simulator.DateOf(day);
            var noon = new DateTimeOffset(date, new TimeOnly(12, 0), TimeSpan.Zero);
            long sent = 0;
            long rejected = 0;
            foreach (var chunk in simulator.Day(day).Chunk(batchSize))
            {
                using var response = await SendAsync(
                    client,
                    "v1/predict/batch?explain=false",
                    PredictionsBody(chunk),
                    apiKey,
                    noon,
                    cancellationToken
                );
                sent += chunk.Length;
                rejected += await ReadCountAsync(response, "rejected", cancellationToken);
            }

            long labels = 0;
            long attached = 0;
            var labelledDay = simulator.LabelsArrivingOn(day);
            if (labelledDay is { } batchDay)
            {
                var evening = new DateTimeOffset(date, new TimeOnly(18, 0), TimeSpan.Zero);
                foreach (var chunk in simulator.Day(batchDay).Chunk(batchSize))
                {
                    var body = LabelsBody(chunk);
                    var updated = await PostLabelsAsync(
                        client,
                        body,
                        apiKey,
                        evening,
                        cancellationToken
                    );
                    // Labels attach only to predictions already written, and the server writes
                    // its log off the request path: the day's last predictions may still be
                    // queued (with --label-delay 0, or on a busy server). A send attaches only
                    // outcomes still missing, so send again after growing pauses (≈ 7.75 s in
                    // all) until the chunk's count is reached, adding up what each send attached.
                    for (
                        var pause = LabelRetryPause;
                        updated < chunk.Length && pause <= LabelRetryPauseLimit;
                        pause *= 2
                    )
                    {
                        await Task.Delay(pause, cancellationToken);
                        updated += await PostLabelsAsync(
                            client,
                            body,
                            apiKey,
                            evening,
                            cancellationToken
                        );
                    }

                    labels += chunk.Length;
                    attached += updated;
                }
            }

            totals = new ReplayTotals(
                totals.Predictions + sent,
                totals.Rejected + rejected,
                totals.Labels + labels,
                totals.LabelsAttached + attached
            );
            var c = CultureInfo.InvariantCulture;
            await progress.WriteLineAsync(
                string.Create(
                    c,
                    $"replay day {day}/{days} ({date:yyyy-MM-dd}): {sent:N0} predictions ({rejected:N0} rejected)"
                )
                    + (
                        labelledDay is { } d
                            ? string.Create(
                                c,
                                $", {labels:N0} labels for day {d} ({attached:N0} attached)"
                            )
                            : ""
                    )
            );
        }

        return totals;
    }

    private static async Task<long> PostLabelsAsync(
        HttpClient client,
        byte[] body,
        string apiKey,
        DateTimeOffset eventTime,
        CancellationToken cancellationToken
    )
    {
        using var response = await SendAsync(
            client,
            "v1/labels",
            body,
            apiKey,
            eventTime,
            cancellationToken
        );
        return await ReadCountAsync(response, "updated", cancellationToken);
    }

    /// <summary>Checks --replay: an absolute http(s) URL, else a usage error.</summary>
    internal static Uri ReplayUri(string text)
    {
        if (
            !Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        )
        {
            throw new CommandFailure(
                ExitCodes.Usage,
                "--replay must be the server's base URL, e.g. http://127.0.0.1:8080"
            );
        }

        // A trailing slash makes relative paths resolve under any base path.
        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }

    private static async Task<HttpResponseMessage> SendAsync(
        HttpClient client,
        string path,
        byte[] body,
        string apiKey,
        DateTimeOffset eventTime,
        CancellationToken cancellationToken
    )
    {
        var wait = FirstBackoff;
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path)
            {
                Content = new ByteArrayContent(body),
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Add("X-Api-Key", apiKey);
            request.Headers.Add(
                "X-Event-Time",
                eventTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            );
            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException) when (attempt < Attempts)
            {
                await Task.Delay(wait, cancellationToken);
                wait = Next(wait);
                continue;
            }
            catch (HttpRequestException e)
            {
                throw new CommandFailure(
                    ExitCodes.InvalidData,
                    $"The server at {client.BaseAddress} cannot be reached ({e.Message}); start it with `mhi serve` or check --replay."
                );
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new CommandFailure(
                    ExitCodes.InvalidData,
                    $"The server at {client.BaseAddress} did not answer within {client.Timeout.TotalSeconds:0} s."
                );
            }

            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            if ((status == 429 || status >= 500) && attempt < Attempts)
            {
                var delay = response.Headers.RetryAfter?.Delta is { } after ? after : wait;
                response.Dispose();
                await Task.Delay(delay < MaxBackoff ? delay : MaxBackoff, cancellationToken);
                wait = Next(wait);
                continue;
            }

            using (response)
            {
                throw new CommandFailure(
                    ExitCodes.InvalidData,
                    await RefusalAsync(response, path, cancellationToken)
                );
            }
        }
    }

    private static TimeSpan Next(TimeSpan wait) => wait * 2 < MaxBackoff ? wait * 2 : MaxBackoff;

    /// <summary>One line saying why the server refused: its problem title and detail (no record values).</summary>
    private static async Task<string> RefusalAsync(
        HttpResponseMessage response,
        string path,
        CancellationToken cancellationToken
    )
    {
        var status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            return $"The server refused the admin API key (401 on /{path}): set {ApiKeyVariable} (or --api-key) to its Admin:ApiKey.";
        }

        string? detail = null;
        try
        {
            using var document = JsonDocument.Parse(
                await response.Content.ReadAsStringAsync(cancellationToken)
            );
            var root = document.RootElement;
            detail = string.Join(": ", Text(root, "title") ?? "", Text(root, "detail") ?? "")
                .Trim(' ', ':');
        }
        catch (JsonException) { }

        return string.Create(
            CultureInfo.InvariantCulture,
            $"The server answered {status} on /{path}{(string.IsNullOrEmpty(detail) ? "" : ": " + detail.ReplaceLineEndings(" "))}"
        );
    }

    private static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object
        && root.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static async Task<long> ReadCountAsync(
        HttpResponseMessage response,
        string name,
        CancellationToken cancellationToken
    )
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var document = await JsonDocument.ParseAsync(
            stream,
            cancellationToken: cancellationToken
        );
        return
            document.RootElement.TryGetProperty(name, out var value)
            && value.TryGetInt64(out var count)
            ? count
            : 0;
    }
}
