using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace MentalHealthInsights.Infrastructure.Tests.Monitoring.Alerts;

/// <summary>
/// A real webhook receiver on loopback (<see cref="HttpListener"/>). Each request takes the next
/// scripted answer (a status code, or 0 to hang until the client gives up); when the script is
/// exhausted it answers 200. Every request's body is recorded.
/// </summary>
internal sealed class WebhookTestServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly ConcurrentQueue<int> _script;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public WebhookTestServer(params int[] script)
    {
        _script = new ConcurrentQueue<int>(script);
        (_listener, var prefix) = LoopbackPorts.StartHttpListener();
        Url = new Uri(prefix, "hooks/T000/B000/secret-token");
        _loop = Task.Run(LoopAsync);
    }

    public Uri Url { get; }

    public ConcurrentQueue<(string ContentType, string Body)> Requests { get; } = new();

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception error)
                when (error
                        is HttpListenerException
                            or ObjectDisposedException
                            or InvalidOperationException
                )
            {
                return;
            }
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        Requests.Enqueue((context.Request.ContentType ?? "", body));
        var status = _script.TryDequeue(out var next) ? next : 200;
        try
        {
            if (status == 0)
            {
                // Hang: the client's attempt timeout must fire; give up at shutdown.
                await Task.Delay(Timeout.InfiniteTimeSpan, _stop.Token);
                return;
            }
            context.Response.StatusCode = status;
            context.Response.Close();
        }
        catch (Exception error)
            when (error
                    is OperationCanceledException
                        or HttpListenerException
                        or ObjectDisposedException
            )
        {
            // Shutting down, or the client went away.
        }
    }
}
