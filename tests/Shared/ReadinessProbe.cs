using System.Net.Sockets;

namespace MentalHealthInsights.TestSupport;

/// <summary>One poll of a starting test server's <c>/health/ready</c>.</summary>
internal static class ReadinessProbe
{
    /// <summary>
    /// True when the server answers 2xx; false while it is not listening yet. A connection
    /// refused, reset or not yet connected is "not yet" whichever way it surfaces: usually as an
    /// <see cref="HttpRequestException"/>, but a socket still connecting can throw a bare
    /// <see cref="SocketException"/> ("Transport endpoint is not connected", from reading the
    /// remote end point), which once failed a CI run.
    /// </summary>
    public static async Task<bool> IsReadyAsync(HttpClient client)
    {
        try
        {
            using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or SocketException)
        {
            return false;
        }
    }
}
