using MentalHealthInsights.Core.Tracking;

namespace MentalHealthInsights.Core.Registry;

/// <summary>
/// The model registry port: registered models, numbered versions, aliases (MLflow ≥ 2.3; stages
/// are deprecated upstream and not offered) and an audit history of alias changes. Failures are
/// <see cref="TrackingException"/>s with MLflow's codes: a duplicate model →
/// <c>ResourceAlreadyExists</c>; a missing model, version or alias → <c>ResourceDoesNotExist</c>;
/// a bad name, alias or tag → <c>InvalidParameterValue</c>.
/// </summary>
public interface IModelRegistry
{
    /// <summary>Creates a registered model with no versions.</summary>
    Task<RegisteredModel> CreateRegisteredModelAsync(
        string name,
        string? description = null,
        IReadOnlyDictionary<string, string>? tags = null,
        CancellationToken cancellationToken = default
    );

    /// <summary>The model, with its aliases and latest version number.</summary>
    Task<RegisteredModel> GetRegisteredModelAsync(
        string name,
        CancellationToken cancellationToken = default
    );

    /// <summary>One page of registered models matching the query.</summary>
    Task<ResultPage<RegisteredModel>> SearchRegisteredModelsAsync(
        RegisteredModelSearchQuery query,
        CancellationToken cancellationToken = default
    );

    /// <summary>
    /// Registers a new version with the next number (1, 2, 3…; never reused), status READY.
    /// Concurrent registrations of one model get distinct numbers.
    /// </summary>
    Task<ModelVersion> CreateModelVersionAsync(
        NewModelVersion version,
        CancellationToken cancellationToken = default
    );

    /// <summary>The version, with its aliases and tags.</summary>
    Task<ModelVersion> GetModelVersionAsync(
        string name,
        int version,
        CancellationToken cancellationToken = default
    );

    /// <summary>One page of model versions matching the query.</summary>
    Task<ResultPage<ModelVersion>> SearchModelVersionsAsync(
        ModelVersionSearchQuery query,
        CancellationToken cancellationToken = default
    );

    /// <summary>Replaces the version's description and returns the updated version.</summary>
    Task<ModelVersion> UpdateModelVersionAsync(
        string name,
        int version,
        string description,
        CancellationToken cancellationToken = default
    );

    /// <summary>Sets (adds or replaces) a version tag.</summary>
    Task SetModelVersionTagAsync(
        string name,
        int version,
        string key,
        string value,
        CancellationToken cancellationToken = default
    );

    /// <summary>Deletes a version tag; <c>ResourceDoesNotExist</c> when the version has no such tag.</summary>
    Task DeleteModelVersionTagAsync(
        string name,
        int version,
        string key,
        CancellationToken cancellationToken = default
    );

    /// <summary>
    /// Points <paramref name="aliasName"/> at <paramref name="version"/>, moving it if set, and
    /// appends the change to the alias history, atomically: readers see the old or the new
    /// target, never a half-made change. Aliases are letters, digits, <c>_</c> and <c>-</c>,
    /// ≤ 255 characters; <c>latest</c> and <c>v&lt;digits&gt;</c> are reserved (InvalidParameterValue).
    /// A missing version → <c>ResourceDoesNotExist</c>.
    /// </summary>
    Task SetRegisteredModelAliasAsync(
        string name,
        string aliasName,
        int version,
        AliasChangeNote? note = null,
        CancellationToken cancellationToken = default
    );

    /// <summary>Removes an alias and records the removal; a no-op (nothing recorded) when the alias is not set.</summary>
    Task DeleteRegisteredModelAliasAsync(
        string name,
        string aliasName,
        AliasChangeNote? note = null,
        CancellationToken cancellationToken = default
    );

    /// <summary>
    /// The version <paramref name="aliasName"/> points at. A missing alias →
    /// <c>ResourceDoesNotExist</c> ("Registered model alias X not found."); an MLflow server
    /// answers 400 INVALID_PARAMETER_VALUE there, which the REST adapter must normalise.
    /// </summary>
    Task<ModelVersion> GetModelVersionByAliasAsync(
        string name,
        string aliasName,
        CancellationToken cancellationToken = default
    );

    /// <summary>The model's alias changes, oldest first; only <paramref name="aliasName"/>'s when given.</summary>
    Task<IReadOnlyList<AliasChange>> GetAliasHistoryAsync(
        string name,
        string? aliasName = null,
        CancellationToken cancellationToken = default
    );
}
