namespace MentalHealthInsights.Infrastructure.Tracking.Sqlite;

/// <summary>
/// How one searchable table maps MLflow's search identifiers to SQL: its attribute columns and
/// the correlated <c>FROM … WHERE …</c> fragments that reach its tags, params and latest metrics.
/// Only constant text from the four instances below ever reaches SQL.
/// </summary>
internal sealed record SearchableEntity(
    string Name,
    IReadOnlyDictionary<string, SearchableColumn> Attributes,
    string TagSource,
    string? ParamSource,
    string? MetricSource
)
{
    public static SearchableEntity Run { get; } =
        new(
            "run",
            new Dictionary<string, SearchableColumn>(StringComparer.Ordinal)
            {
                ["run_id"] = new("r.run_id", false),
                ["run_name"] = new("r.run_name", false),
                ["status"] = new("r.status", false),
                ["user_id"] = new("r.user_id", false),
                ["artifact_uri"] = new("r.artifact_uri", false),
                ["start_time"] = new("r.start_time", true),
                ["created"] = new("r.start_time", true),
                ["end_time"] = new("r.end_time", true),
            },
            "FROM tags x WHERE x.run_id = r.run_id",
            "FROM params x WHERE x.run_id = r.run_id",
            "FROM latest_metrics x WHERE x.run_id = r.run_id"
        );

    public static SearchableEntity Experiment { get; } =
        new(
            "experiment",
            new Dictionary<string, SearchableColumn>(StringComparer.Ordinal)
            {
                ["name"] = new("e.name", false),
                ["experiment_id"] = new("e.experiment_id", true),
                ["creation_time"] = new("e.creation_time", true),
                ["last_update_time"] = new("e.last_update_time", true),
            },
            "FROM experiment_tags x WHERE x.experiment_id = e.experiment_id",
            null,
            null
        );

    public static SearchableEntity RegisteredModel { get; } =
        new(
            "registered model",
            new Dictionary<string, SearchableColumn>(StringComparer.Ordinal)
            {
                ["name"] = new("m.name", false),
                ["creation_timestamp"] = new("m.creation_time", true),
                ["last_updated_timestamp"] = new("m.last_updated_time", true),
                ["timestamp"] = new("m.last_updated_time", true),
            },
            "FROM registered_model_tags x WHERE x.name = m.name",
            null,
            null
        );

    public static SearchableEntity ModelVersion { get; } =
        new(
            "model version",
            new Dictionary<string, SearchableColumn>(StringComparer.Ordinal)
            {
                ["name"] = new("v.name", false),
                ["run_id"] = new("v.run_id", false),
                ["source_path"] = new("v.source", false),
                ["source"] = new("v.source", false),
                ["user_id"] = new("v.user_id", false),
                ["status"] = new("v.status", false),
                ["version_number"] = new("v.version", true),
                ["creation_timestamp"] = new("v.creation_time", true),
                ["last_updated_timestamp"] = new("v.last_updated_time", true),
            },
            "FROM model_version_tags x WHERE x.name = v.name AND x.version = v.version",
            null,
            null
        );
}
