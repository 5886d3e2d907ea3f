namespace MentalHealthInsights.Core.Scoring.Bundles;

/// <summary>What is wrong with a model bundle (or with an attempt to write one).</summary>
public enum ModelBundleErrorKind
{
    /// <summary>The path is neither a bundle folder nor a bundle archive.</summary>
    NotFound,

    /// <summary>manifest.json is absent.</summary>
    ManifestMissing,

    /// <summary>manifest.json is not well-formed, incomplete or inconsistent with itself.</summary>
    ManifestInvalid,

    /// <summary>The manifest or metadata has a schema version this code does not read.</summary>
    UnsupportedSchemaVersion,

    /// <summary>A file listed in the manifest is absent.</summary>
    FileMissing,

    /// <summary>A file's size differs from the manifest's (truncated or extended).</summary>
    SizeMismatch,

    /// <summary>A file's SHA-256 differs from the manifest's (changed).</summary>
    HashMismatch,

    /// <summary>A file (or folder) is present that the manifest does not list.</summary>
    UnlistedFile,

    /// <summary>The bundle's identity (SHA-256 of manifest.json) is not the one expected, e.g. by the registry.</summary>
    IdentityMismatch,

    /// <summary>metadata.json cannot be read or does not validate.</summary>
    MetadataInvalid,

    /// <summary>preprocessor.json cannot be read.</summary>
    PreprocessorInvalid,

    /// <summary>The preprocessor's features, the metadata's features and the model's input width disagree.</summary>
    FeatureMismatch,

    /// <summary>The model format (or the trainer within it) has no loader.</summary>
    UnknownFormat,

    /// <summary>calibration.json is missing, unexpected or invalid.</summary>
    CalibrationInvalid,

    /// <summary>The model file cannot be loaded by its format's loader.</summary>
    ModelUnreadable,

    /// <summary>A native library the model format needs (XGBoost) is not installed.</summary>
    DependencyUnavailable,

    /// <summary>An archive entry's path is absolute or escapes the bundle (zip-slip).</summary>
    UnsafeArchiveEntry,

    /// <summary>The bundle exceeds the size or entry-count limits (a zip bomb, or not a bundle).</summary>
    LimitExceeded,

    /// <summary>The archive is not a readable zip file.</summary>
    ArchiveDamaged,

    /// <summary>Writing: a bundle (or something else) already exists at the target.</summary>
    AlreadyExists,

    /// <summary>Reading: the file system refused (permissions, a file vanished, ...).</summary>
    ReadFailed,

    /// <summary>Writing: the file system refused (permissions, disk full, ...).</summary>
    WriteFailed,
}
