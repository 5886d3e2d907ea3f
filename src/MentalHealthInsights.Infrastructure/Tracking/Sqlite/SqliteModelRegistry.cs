using System.Globalization;
using MentalHealthInsights.Core.Registry;
using MentalHealthInsights.Core.Tracking;

namespace MentalHealthInsights.Infrastructure.Tracking.Sqlite;

/// <summary>
/// The local model registry, in the same SQLite file as <see cref="SqliteTrackingStore"/>.
/// Version numbers come from a per-model counter incremented inside an IMMEDIATE transaction,
/// so concurrent registrations from several processes get distinct, contiguous numbers; an
/// alias move and its history entry commit together.
/// </summary>
public sealed partial class SqliteModelRegistry : IModelRegistry
{
    private readonly SqliteTrackingDatabase _database;
    private readonly string _userName;

    /// <summary>Creates a registry on <paramref name="databasePath"/> with default options.</summary>
    public SqliteModelRegistry(string databasePath, TimeProvider timeProvider)
        : this(new SqliteTrackingOptions { DatabasePath = databasePath }, timeProvider) { }

    /// <summary>Creates a registry with <paramref name="options"/>.</summary>
    public SqliteModelRegistry(SqliteTrackingOptions options, TimeProvider timeProvider)
    {
        _database = new SqliteTrackingDatabase(options, timeProvider);
        _userName = string.IsNullOrWhiteSpace(options.UserName) ? "unknown" : options.UserName;
    }

    /// <summary>The absolute path of the database file.</summary>
    public string DatabasePath => _database.DatabasePath;

    /// <inheritdoc />
    public Task<RegisteredModel> CreateRegisteredModelAsync(
        string name,
        string? description = null,
        IReadOnlyDictionary<string, string>? tags = null,
        CancellationToken cancellationToken = default
    )
    {
        RegistryValidation.ValidateModelName(name);
        RegistryValidation.ValidateTags(tags);
        return _database.WriteAsync(
            async (connection, transaction) =>
            {
                if (await ModelExistsAsync(connection, transaction, name, cancellationToken))
                {
                    throw new TrackingException(
                        TrackingErrorCode.ResourceAlreadyExists,
                        $"Registered Model (name={name}) already exists."
                    );
                }
                var now = _database.NowMs;
                await using (var insert = connection.CreateCommand())
                {
                    insert.Transaction = transaction;
                    insert.CommandText = """
                        INSERT INTO registered_models (name, creation_time, last_updated_time, description, last_version)
                        VALUES ($name, $now, $now, $description, 0)
                        """;
                    insert.Parameters.AddWithValue("$name", name);
                    insert.Parameters.AddWithValue("$now", now);
                    insert.Parameters.AddWithValue("$description", description ?? "");
                    await insert.ExecuteNonQueryAsync(cancellationToken);
                }
                foreach (var (key, value) in tags ?? new Dictionary<string, string>())
                {
                    await using var tag = connection.CreateCommand();
                    tag.Transaction = transaction;
                    tag.CommandText =
                        "INSERT INTO registered_model_tags (name, key, value) VALUES ($name, $key, $value)";
                    tag.Parameters.AddWithValue("$name", name);
                    tag.Parameters.AddWithValue("$key", key);
                    tag.Parameters.AddWithValue("$value", value);
                    await tag.ExecuteNonQueryAsync(cancellationToken);
                }
                return await RequireModelAsync(connection, transaction, name, cancellationToken);
            },
            cancellationToken
        );
    }

    /// <inheritdoc />
    public Task<RegisteredModel> GetRegisteredModelAsync(
        string name,
        CancellationToken cancellationToken = default
    ) =>
        _database.ReadAsync(
            (connection, transaction) =>
                RequireModelAsync(connection, transaction, name, cancellationToken),
            cancellationToken
        );

    private static TrackingException ModelNotFound(string name) =>
        new(TrackingErrorCode.ResourceDoesNotExist, $"Registered Model with name={name} not found");

    private static TrackingException VersionNotFound(string name, int version) =>
        new(
            TrackingErrorCode.ResourceDoesNotExist,
            string.Create(
                CultureInfo.InvariantCulture,
                $"Model Version (name={name}, version={version}) not found"
            )
        );
}
