using System.Net;

namespace MentalHealthInsights.Infrastructure.Http;

/// <summary>
/// Retries HTTP requests (the MLflow REST client, alert webhooks) with exponential backoff and jitter: on an attempt that exceeds
/// <see cref="HttpRetryOptions.AttemptTimeout"/>, a connection failure, HTTP 429 (waiting the
/// server's <c>Retry-After</c> when given) and HTTP 5xx, up to
/// <see cref="HttpRetryOptions.MaxAttempts"/> attempts. Other 4xx answers are returned at once:
/// repeating a bad request cannot succeed. The last answer (or failure) reaches the caller.
/// Request bodies must be re-readable (byte arrays, strings, seekable streams).
/// </summary>
public sealed class HttpRetryHandler : DelegatingHandler
{
    private readonly HttpRetryOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly Random _jitter;
    private readonly Lock _jitterLock = new();

    /// <summary>Creates the handler; <paramref name="timeProvider"/> times the backoff waits.</summary>
    public HttpRetryHandler(HttpRetryOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxAttempts, 1);
        _options = options;
        _timeProvider = timeProvider;
        _jitter = new Random(options.JitterSeed);
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request,
        CancellationToken cancellationToken
    )
    {
        for (var attempt = 1; ; attempt++)
        {
            var last = attempt >= _options.MaxAttempts;
            using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(
                cancellationToken
            );
            attemptTimeout.CancelAfter(_options.AttemptTimeout);
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, attemptTimeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                if (last)
                {
                    throw new TimeoutException(
                        $"MLflow request {request.Method} {request.RequestUri?.AbsolutePath} timed out after {attempt} attempt(s) of {_options.AttemptTimeout.TotalSeconds:0.###} s."
                    );
                }
                await DelayAsync(Backoff(attempt), cancellationToken);
                continue;
            }
            catch (HttpRequestException) when (!last)
            {
                await DelayAsync(Backoff(attempt), cancellationToken);
                continue;
            }
            if (last || !IsTransient(response.StatusCode))
            {
                return response;
            }
            var wait = RetryAfter(response) ?? Backoff(attempt);
            response.Dispose();
            await DelayAsync(wait, cancellationToken);
        }
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    private Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        delay <= TimeSpan.Zero
            ? Task.CompletedTask
            : Task.Delay(delay, _timeProvider, cancellationToken);

    // Exponential with "equal jitter": half fixed, half random, so waits grow but never align.
    private TimeSpan Backoff(int attempt)
    {
        var exponential =
            _options.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
        var capped = Math.Min(exponential, _options.MaxDelay.TotalMilliseconds);
        double random;
        lock (_jitterLock)
        {
            random = _jitter.NextDouble();
        }
        return TimeSpan.FromMilliseconds(capped / 2 + capped / 2 * random);
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        TimeSpan? wait = header?.Delta;
        if (wait is null && header?.Date is { } date)
        {
            wait = date - _timeProvider.GetUtcNow();
        }
        if (wait is null)
        {
            return null;
        }
        return wait.Value < TimeSpan.Zero ? TimeSpan.Zero
            : wait.Value > _options.MaxDelay ? _options.MaxDelay
            : wait.Value;
    }
}
