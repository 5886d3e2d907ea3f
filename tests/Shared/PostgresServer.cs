using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace MentalHealthInsights.TestSupport;

/// <summary>
/// A throw-away PostgreSQL server (Debian's binaries) for one test class: scratch data folder
/// and socket folder under /tmp, 127.0.0.1 on a free port, trust authentication, no fsync.
/// PostgreSQL refuses to run as root, so as root every server command runs as user postgres.
/// Stopped and deleted on dispose, also when the tests failed. Connection strings allow 60 s to
/// connect (Npgsql's default of 15 s most likely ran out once in CI, with three test assemblies
/// on two cores; docs/development.md), and a failed database creation reports the tail of the
/// server's log.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private readonly string _root = Path.Combine(
        "/tmp",
        "mhi-pg-" + Guid.NewGuid().ToString("N")[..12]
    );
    private int _databases;

    // The connection strings handed out, whose pools DisposeAsync clears (and no other's).
    private readonly ConcurrentQueue<string> _handedOut = new();

    public int Port { get; private set; }

    private string DataDirectory => Path.Combine(_root, "data");

    /// <summary>A connection string for the server's <c>postgres</c> database.</summary>
    public string AdminConnectionString =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false;{Timeouts}"
        );

    public async Task InitializeAsync()
    {
        var bin = FindBin();
        Directory.CreateDirectory(_root);
        if (IsRoot)
        {
            await RunAsync("chown", "postgres:postgres", _root);
        }
        await RunAsync(
            Path.Combine(bin, "initdb"),
            AsServer(
                "-D",
                DataDirectory,
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                "--no-sync"
            )
        );
        try
        {
            // A port taken between the probe and the bind: start again on another one.
            Port = int.Parse(
                await LoopbackPorts.StartAsync(port => TryStartAsync(bin, port)),
                CultureInfo.InvariantCulture
            );
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates a fresh database and returns an Npgsql connection string for it.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name =
            "db"
            + Interlocked.Increment(ref _databases).ToString(CultureInfo.InvariantCulture)
            + "_"
            + Guid.NewGuid().ToString("N")[..8];
        try
        {
            await using var connection = new NpgsqlConnection(AdminConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException e)
        {
            throw new InvalidOperationException(
                $"Creating database {name} on 127.0.0.1:{Port} failed: {e.Message} {e.InnerException?.Message}\nServer log (last lines):\n{LogTail()}",
                e
            );
        }
        var connectionString = string.Create(
            CultureInfo.InvariantCulture,
            $"Host=127.0.0.1;Port={Port};Username=postgres;Database={name};{Timeouts}"
        );
        _handedOut.Enqueue(connectionString);
        return connectionString;
    }

    private const string Timeouts = "Timeout=60;Command Timeout=120";

    private string LogTail()
    {
        var log = Path.Combine(_root, "log");
        return File.Exists(log)
            ? string.Join('\n', File.ReadLines(log).TakeLast(30))
            : "(no log file)";
    }

    public async Task DisposeAsync()
    {
        ClearOwnPools();
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            try
            {
                await RunAsync(
                    Path.Combine(FindBin(), "pg_ctl"),
                    AsServer("-D", DataDirectory, "-m", "immediate", "-w", "-t", "20", "stop")
                );
            }
            catch (InvalidOperationException)
            {
                // Already gone: nothing to stop.
            }
        }
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    /// <summary>
    /// Closes the idle pooled connections to this server's databases before it stops. Test
    /// classes run in parallel: <c>NpgsqlConnection.ClearAllPools</c> would also close other
    /// tests' pooled connections to their own servers (banned in tests, see
    /// eng/BannedSymbols.Tests.txt). Each string handed out is cleared as given and in the
    /// canonical form <c>NpgsqlConnectionStringBuilder</c> writes (as product code passes it on).
    /// </summary>
    private void ClearOwnPools()
    {
        foreach (var handedOut in _handedOut)
        {
            foreach (
                var connectionString in new[]
                {
                    handedOut,
                    new NpgsqlConnectionStringBuilder(handedOut).ConnectionString,
                }.Distinct(StringComparer.Ordinal)
            )
            {
                using var connection = new NpgsqlConnection(connectionString);
                NpgsqlConnection.ClearPool(connection);
            }
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static string FindBin() =>
        Directory
            .EnumerateDirectories("/usr/lib/postgresql")
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb")))
            .OrderBy(d => d, StringComparer.Ordinal)
            .LastOrDefault()
        ?? throw new InvalidOperationException(
            "PostgreSQL server binaries not found under /usr/lib/postgresql (bash eng/scripts/deps.sh test installs them)."
        );

    private static string[] AsServer(params string[] args) => args;

    /// <summary>The port as text once the server runs; null when the port was taken.</summary>
    private async Task<string?> TryStartAsync(string bin, int port)
    {
        var log = Path.Combine(_root, "log");
        try
        {
            await RunAsync(
                Path.Combine(bin, "pg_ctl"),
                AsServer(
                    "-D",
                    DataDirectory,
                    "-l",
                    log,
                    "-w",
                    "-t",
                    "30",
                    "-o",
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"-p {port} -c listen_addresses=127.0.0.1 -k {_root} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
                    ),
                    "start"
                )
            );
            return port.ToString(CultureInfo.InvariantCulture);
        }
        catch (InvalidOperationException)
            when (File.Exists(log)
                && File.ReadAllText(log)
                    .Contains("Address already in use", StringComparison.Ordinal)
            )
        {
            File.Delete(log);
            return null;
        }
    }

    private static async Task RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(IsRoot && program != "chown" ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (IsRoot && program != "chown")
        {
            foreach (var a in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(a);
            }
        }
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} exited {process.ExitCode}: {await stderr}{await stdout}"
            );
        }
    }
}
