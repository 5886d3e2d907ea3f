using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace MentalHealthInsights.TestSupport;

/// <summary>
/// Free loopback ports for test servers. A port is probed free and released, and the server
/// binds it a moment later: another process (a parallel test) can take it in between, so every
/// start goes through a retry with a new port.
/// </summary>
internal static class LoopbackPorts
{
    /// <summary>Starts tried before a port race is taken for a real failure.</summary>
    public const int Attempts = 10;

    /// <summary>A loopback port that was free a moment ago.</summary>
    public static int Probe()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>
    /// Starts a server on a probed port: <paramref name="tryStart"/> returns the started server,
    /// or null when it could not bind (or exited before it was ready, which is how a server
    /// process reports a taken port); a new port is tried then, up to <see cref="Attempts"/>
    /// times. Any exception from <paramref name="tryStart"/> is a real failure and is not retried.
    /// </summary>
    /// <exception cref="InvalidOperationException">No attempt started.</exception>
    public static async Task<T> StartAsync<T>(Func<int, Task<T?>> tryStart)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(tryStart);
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var started = await tryStart(Probe());
            if (started is not null)
            {
                return started;
            }
        }

        throw new InvalidOperationException(
            $"The test server did not start on any of {Attempts} probed loopback ports."
        );
    }

    /// <summary>
    /// A started <see cref="HttpListener"/> on <c>http://127.0.0.1:PORT/</c> and that prefix. A
    /// listener whose Start failed is closed and cannot be reused, so each attempt makes a new one.
    /// </summary>
    public static (HttpListener Listener, Uri Prefix) StartHttpListener() =>
        StartAsync<Tuple<HttpListener, Uri>>(port =>
            {
                var prefix = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/";
                var listener = new HttpListener();
                listener.Prefixes.Add(prefix);
                try
                {
                    listener.Start();
                    return Task.FromResult<Tuple<HttpListener, Uri>?>(
                        Tuple.Create(listener, new Uri(prefix))
                    );
                }
                catch (HttpListenerException)
                {
                    // Another process took the port between the probe and the start.
                    listener.Close();
                    return Task.FromResult<Tuple<HttpListener, Uri>?>(null);
                }
            })
            .GetAwaiter()
            .GetResult()
            .ToValueTuple();
}
