using System.Net;
using System.Net.Sockets;

namespace MentalHealthInsights.Server.Hosting;

/// <summary>
/// Before a real start (<see cref="ServerHost"/>), tries each configured listen address the way
/// Kestrel will bind it: a port another process listens on, a privileged port or an address this
/// machine does not have would otherwise make Kestrel throw while the host starts — the
/// framework's "Hosting failed to start" error with a stack trace and exit code 134 instead of
/// one clear line. The addresses are <c>urls</c> (<c>--urls</c>, <c>ASPNETCORE_URLS</c>) and any
/// <c>Kestrel:Endpoints:*:Url</c>; with neither, Kestrel's default http://localhost:5000.
/// A port taken between this check and the bind is still caught by <see cref="ServerHost"/>.
/// </summary>
internal static class ListenCheck
{
    private const string DefaultUrl = "http://localhost:5000";

    /// <summary>One problem per address that cannot be listened on; empty when all can.</summary>
    public static IReadOnlyList<string> FindProblems(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<string>();
        foreach (var url in Urls(configuration))
        {
            if (Problem(url) is { } problem)
            {
                problems.Add(problem);
            }
        }

        return problems;
    }

    /// <summary>The message for a listen address that is already taken (also used for the race).</summary>
    public static string InUse(string url) =>
        $"Cannot listen on {url}: the port is already in use (another server listens there); choose another one with --urls.";

    private static IEnumerable<string> Urls(IConfiguration configuration)
    {
        var endpoints = configuration
            .GetSection("Kestrel:Endpoints")
            .GetChildren()
            .Select(e => e["Url"])
            .OfType<string>()
            .ToList();
        var urls = (configuration["urls"] ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToList();
        return endpoints.Count + urls.Count == 0 ? [DefaultUrl] : [.. endpoints, .. urls];
    }

    // What Kestrel binds for a host: an IP literal; "localhost" is both loopbacks (IPv6 when the
    // system has it); any other name, "*" or "+" is every interface.
    private static IEnumerable<IPAddress> Addresses(string host)
    {
        if (IPAddress.TryParse(host.Trim('[', ']'), out var ip))
        {
            return [ip];
        }

        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return Socket.OSSupportsIPv6
                ? [IPAddress.Loopback, IPAddress.IPv6Loopback]
                : [IPAddress.Loopback];
        }

        return [IPAddress.Any];
    }

    private static string? Problem(string url)
    {
        BindingAddress address;
        try
        {
            address = BindingAddress.Parse(url);
        }
        catch (FormatException)
        {
            return $"'{url}' is not a listen address (expected e.g. http://127.0.0.1:8080).";
        }

        if (address.IsUnixPipe || address.IsNamedPipe || address.Port == 0)
        {
            return null;
        }

        foreach (var ip in Addresses(address.Host))
        {
            try
            {
                var probe = new TcpListener(ip, address.Port);
                probe.Start();
                probe.Stop();
            }
            catch (SocketException ex)
                when (ip.Equals(IPAddress.IPv6Loopback)
                    && ex.SocketErrorCode
                        is SocketError.AddressNotAvailable
                            or SocketError.AddressFamilyNotSupported
                )
            {
                // No IPv6 here: Kestrel then listens on 127.0.0.1 alone.
            }
            catch (SocketException ex)
            {
                return ex.SocketErrorCode switch
                {
                    SocketError.AddressAlreadyInUse => InUse(url),
                    SocketError.AccessDenied =>
                        $"Cannot listen on {url}: permission denied (ports below 1024 need privileges); choose another one with --urls.",
                    _ => $"Cannot listen on {url}: {ex.Message}.",
                };
            }
        }

        return null;
    }
}
