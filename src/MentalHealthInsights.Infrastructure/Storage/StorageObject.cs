namespace MentalHealthInsights.Infrastructure.Storage;

/// <summary>One file (object) found by <see cref="StorageLocation.ListAsync"/>.</summary>
/// <param name="Location">Where it is; open it with <see cref="StorageLocation.OpenReadAsync"/>.</param>
/// <param name="RelativePath">Its path below the listed folder or prefix, <c>/</c>-separated.</param>
/// <param name="Size">Its size in bytes.</param>
public sealed record StorageObject(StorageLocation Location, string RelativePath, long Size);
