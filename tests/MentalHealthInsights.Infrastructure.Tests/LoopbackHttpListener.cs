using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace MentalHealthInsights.Infrastructure.Tests;

/// <summary>Starts an <see cref="HttpListener"/> on a free loopback port, for test servers.</summary>
internal static class LoopbackHttpListener
{
    /// <summary>
    /// A started listener on <c>http://127.0.0.1:PORT/</c> and that prefix. The port is probed
    /// free first; when another process takes it before the listener starts, the attempt is
    /// repeated (up to 10 times) with a new listener: a listener whose Start failed is closed
    /// and cannot be reused.
    /// </summary>
    public static (HttpListener Listener, Uri Prefix) Start()
    {
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var prefix = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/";
            var listener = new HttpListener();
            listener.Prefixes.Add(prefix);
            try
            {
                listener.Start();
                return (listener, new Uri(prefix));
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                // Another process took the port between the probe and the start.
                listener.Close();
            }
        }
    }
}
