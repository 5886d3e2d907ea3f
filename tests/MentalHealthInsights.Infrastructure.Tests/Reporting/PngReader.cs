using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace MentalHealthInsights.Infrastructure.Tests.Reporting;

/// <summary>
/// A minimal PNG decoder check (no package): signature, every chunk's CRC, the IHDR size, and
/// that the inflated IDAT stream holds exactly height scanlines of the declared width.
/// </summary>
internal static class PngReader
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];
    private static readonly uint[] CrcTable = BuildCrcTable();

    public static (int Width, int Height) Decode(byte[] png)
    {
        Assert.True(png.AsSpan(0, 8).SequenceEqual(Signature), "Not a PNG signature.");
        int offset = 8;
        int width = 0;
        int height = 0;
        int bytesPerPixel = 0;
        bool sawEnd = false;
        using var idat = new MemoryStream();
        while (offset < png.Length)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            string type = Encoding.ASCII.GetString(png, offset + 4, 4);
            var data = png.AsSpan(offset + 8, length);
            uint crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset + 8 + length));
            Assert.Equal(Crc(png.AsSpan(offset + 4, length + 4)), crc);
            if (offset == 8)
            {
                Assert.Equal("IHDR", type);
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                byte bitDepth = data[8];
                byte colorType = data[9];
                Assert.Equal(8, bitDepth);
                bytesPerPixel = colorType switch
                {
                    6 => 4,
                    2 => 3,
                    0 => 1,
                    4 => 2,
                    _ => throw new InvalidDataException("Unexpected PNG colour type."),
                };
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }
            else if (type == "IEND")
            {
                sawEnd = true;
            }

            offset += 12 + length;
        }

        Assert.True(sawEnd, "PNG has no IEND chunk.");
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionMode.Decompress))
        {
            z.CopyTo(inflated);
        }

        Assert.Equal((long)height * (1 + ((long)width * bytesPerPixel)), inflated.Length);
        return (width, height);
    }

    private static uint Crc(ReadOnlySpan<byte> bytes)
    {
        uint c = 0xFFFFFFFF;
        foreach (byte b in bytes)
        {
            c = CrcTable[(c ^ b) & 0xFF] ^ (c >> 8);
        }

        return c ^ 0xFFFFFFFF;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
