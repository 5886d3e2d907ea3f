using System.IO.Compression;
using MentalHealthInsights.Core.Scoring.Bundles;
using MentalHealthInsights.Infrastructure.Scoring.Bundles;

namespace MentalHealthInsights.Infrastructure.Tests.Scoring.Bundles;

public sealed class ModelBundleArchiveTests(BundleModelsFixture fixture)
    : IClassFixture<BundleModelsFixture>
{
    [Fact]
    public void Load_ArchiveEntryWithFlippedByte_FailsNamingThatEntry()
    {
        using var temp = new TempFolder();
        var archive = Write(temp, BundleModelsFixture.RfPlatt);
        var entries = ReadEntries(archive);

        foreach (var name in entries.Keys)
        {
            var damaged = new Dictionary<string, byte[]>(entries, StringComparer.Ordinal);
            var bytes = (byte[])entries[name].Clone();
            bytes[bytes.Length / 2] ^= 0x01;
            damaged[name] = bytes;
            var path = temp.Combine(name + ".mhib");
            WriteZip(path, damaged);

            var error = Assert.Throws<ModelBundleException>(() => ModelBundleReader.Load(path));

            Assert.Equal(name, error.FileName);
            Assert.Equal(path, error.BundlePath);
        }
    }

    [Theory]
    [InlineData("../evil.json")]
    [InlineData("a/../../evil.json")]
    [InlineData("/etc/evil.json")]
    [InlineData("..\\evil.json")]
    [InlineData("C:/evil.json")]
    [InlineData("./metadata.json")]
    public void Load_ArchiveWithUnsafeEntry_RefusedAsZipSlip(string entryName)
    {
        using var temp = new TempFolder();
        var entries = ReadEntries(Write(temp, BundleModelsFixture.Lr));
        entries[entryName] = "{}"u8.ToArray();
        var path = temp.Combine("slip.mhib");
        WriteZip(path, entries);

        var error = Assert.Throws<ModelBundleException>(() => ModelBundleReader.Load(path));

        Assert.Equal(ModelBundleErrorKind.UnsafeArchiveEntry, error.Kind);
        Assert.Equal(entryName, error.FileName);
        Assert.False(File.Exists(Path.Combine(temp.Path, "evil.json")));
    }

    [Fact]
    public void Load_ArchiveWithNestedEntry_FailsAsUnlisted()
    {
        using var temp = new TempFolder();
        var entries = ReadEntries(Write(temp, BundleModelsFixture.Lr));
        entries["extra/notes.txt"] = "hello"u8.ToArray();
        var path = temp.Combine("nested.mhib");
        WriteZip(path, entries);

        var error = Assert.Throws<ModelBundleException>(() => ModelBundleReader.Load(path));

        Assert.Equal(ModelBundleErrorKind.UnlistedFile, error.Kind);
        Assert.Equal("extra/notes.txt", error.FileName);
    }

    [Fact]
    public void Load_ArchiveWithExtraTopLevelEntry_FailsAsUnlisted()
    {
        using var temp = new TempFolder();
        var entries = ReadEntries(Write(temp, BundleModelsFixture.Lr));
        entries["notes.txt"] = "hello"u8.ToArray();
        var path = temp.Combine("extra.mhib");
        WriteZip(path, entries);

        var error = Assert.Throws<ModelBundleException>(() => ModelBundleReader.Load(path));

        Assert.Equal(ModelBundleErrorKind.UnlistedFile, error.Kind);
        Assert.Equal("notes.txt", error.FileName);
    }

    [Fact]
    public void Load_ArchiveWithDuplicateEntry_Refused()
    {
        using var temp = new TempFolder();
        var archive = Write(temp, BundleModelsFixture.Lr);
        var path = temp.Combine("duplicate.mhib");
        File.Copy(archive, path);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            using var stream = zip.CreateEntry("metadata.json").Open();
            stream.Write("{}"u8);
        }

        var error = Assert.Throws<ModelBundleException>(() => ModelBundleReader.Load(path));

        Assert.Equal(ModelBundleErrorKind.UnsafeArchiveEntry, error.Kind);
        Assert.Equal("metadata.json", error.FileName);
    }

    [Fact]
    public void Load_ZipBombEntry_RefusedBeforeInflating()
    {
        using var temp = new TempFolder();
        var entries = ReadEntries(Write(temp, BundleModelsFixture.Lr));
        entries["bomb.bin"] = new byte[8 * 1024 * 1024]; // zeros: deflates to a few kilobytes
        var path = temp.Combine("bomb.mhib");
        WriteZip(path, entries);
        Assert.True(new FileInfo(path).Length < 64 * 1024);

        var error = Assert.Throws<ModelBundleException>(() =>
            ModelBundleReader.Load(
                path,
                new ModelBundleReaderOptions { MaxTotalBytes = 1024 * 1024 }
            )
        );

        Assert.Equal(ModelBundleErrorKind.LimitExceeded, error.Kind);
        Assert.Contains("zip bomb", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EntryInflatingBeyondItsDeclaredSize_RefusedNamingTheEntry()
    {
        using var temp = new TempFolder();
        var entries = ReadEntries(Write(temp, BundleModelsFixture.Lr));
        var path = temp.Combine("liar.mhib");
        WriteZip(path, entries);
        // The zip headers claim 100 bytes for model.zip's real content: the reader must neither
        // trust the claim (inflate without bound) nor accept the truncated content.
        PatchDeclaredSize(path, "model.zip", 100);

        var error = Assert.Throws<ModelBundleException>(() => ModelBundleReader.Load(path));

        Assert.Equal("model.zip", error.FileName);
        Assert.Contains(
            error.Kind,
            new[]
            {
                ModelBundleErrorKind.LimitExceeded,
                ModelBundleErrorKind.ArchiveDamaged,
                ModelBundleErrorKind.SizeMismatch,
            }
        );
    }

    [Fact]
    public void Load_ArchiveWithTooManyEntries_FailsAsLimitExceeded()
    {
        using var temp = new TempFolder();
        var archive = Write(temp, BundleModelsFixture.Lr);

        var error = Assert.Throws<ModelBundleException>(() =>
            ModelBundleReader.Load(archive, new ModelBundleReaderOptions { MaxEntries = 3 })
        );

        Assert.Equal(ModelBundleErrorKind.LimitExceeded, error.Kind);
        Assert.Equal("bundle.mhib", error.FileName);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.98)]
    public void Load_TruncatedArchive_FailsAsDamaged(double keep)
    {
        using var temp = new TempFolder();
        var archive = Write(temp, BundleModelsFixture.Xgb);
        var bytes = File.ReadAllBytes(archive);
        File.WriteAllBytes(archive, bytes[..(int)(bytes.Length * keep)]);

        var error = Assert.Throws<ModelBundleException>(() => ModelBundleReader.Load(archive));

        Assert.Equal(ModelBundleErrorKind.ArchiveDamaged, error.Kind);
        Assert.Equal("bundle.mhib", error.FileName);
    }

    [Fact]
    public void Load_FileThatIsNotAZip_FailsAsDamaged()
    {
        using var temp = new TempFolder();
        var path = temp.Combine("model.mhib");
        File.WriteAllText(path, "definitely not a zip archive");

        var error = Assert.Throws<ModelBundleException>(() => ModelBundleReader.Load(path));

        Assert.Equal(ModelBundleErrorKind.ArchiveDamaged, error.Kind);
        Assert.StartsWith(
            "model.mhib: not a readable zip archive",
            error.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Load_ArchiveWithoutManifest_FailsAsManifestMissing()
    {
        using var temp = new TempFolder();
        var entries = ReadEntries(Write(temp, BundleModelsFixture.Lr));
        entries.Remove("manifest.json");
        var path = temp.Combine("nomanifest.mhib");
        WriteZip(path, entries);

        var error = Assert.Throws<ModelBundleException>(() => ModelBundleReader.Load(path));

        Assert.Equal(ModelBundleErrorKind.ManifestMissing, error.Kind);
    }

    [Fact]
    public void Load_ArchiveRebuiltWithOtherTimestampsAndOrder_StillLoads()
    {
        // Integrity is about the entries' content, not the zip's incidental bytes.
        using var temp = new TempFolder();
        var entries = ReadEntries(Write(temp, BundleModelsFixture.RfPlatt));
        var path = temp.Combine("rebuilt.mhib");
        WriteZip(path, entries.Reverse().ToDictionary(StringComparer.Ordinal));

        using var loaded = ModelBundleReader.Load(path);

        Assert.Equal("rf", loaded.Metadata.TrainerName);
    }

    private string Write(TempFolder temp, string kind)
    {
        var model = fixture.Model(kind);
        return ModelBundleWriter
            .Write(temp.Combine("bundle"), fixture.Metadata(model), fixture.Preprocessor, model)
            .ArchivePath!;
    }

    private static Dictionary<string, byte[]> ReadEntries(string archive)
    {
        using var zip = ZipFile.OpenRead(archive);
        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            using var content = entry.Open();
            using var copy = new MemoryStream();
            content.CopyTo(copy);
            entries.Add(entry.FullName, copy.ToArray());
        }

        return entries;
    }

    private static void WriteZip(string path, IReadOnlyDictionary<string, byte[]> entries)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, bytes) in entries)
        {
            using var stream = zip.CreateEntry(name).Open();
            stream.Write(bytes);
        }
    }

    /// <summary>Overwrites an entry's uncompressed size in the zip's central directory (and its local header).</summary>
    private static void PatchDeclaredSize(string path, string entryName, uint size)
    {
        var bytes = File.ReadAllBytes(path);
        var name = System.Text.Encoding.UTF8.GetBytes(entryName);
        var patched = 0;
        for (var i = 0; i + 4 <= bytes.Length; i++)
        {
            var signature = BitConverter.ToUInt32(bytes, i);
            // Central directory header: size at +24, name length at +28, name at +46.
            if (signature == 0x02014b50 && bytes.AsSpan(i + 46, name.Length).SequenceEqual(name))
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(i + 24, 4), size);
                patched++;
            }
            // Local file header: size at +22, name at +30.
            else if (
                signature == 0x04034b50
                && bytes.AsSpan(i + 30, name.Length).SequenceEqual(name)
            )
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(i + 22, 4), size);
                patched++;
            }
        }

        Assert.Equal(2, patched);
        File.WriteAllBytes(path, bytes);
    }
}
