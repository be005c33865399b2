using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Shigan.Testing;

/// <summary>
/// Real pictures made in memory, so tests upload what a phone would send without shipping image files: a PNG of one
/// colour that any browser shows, and the bytes of other kinds as their headers begin.
/// </summary>
public static class TestPictures
{
    /// <summary>A valid PNG of the given size in one colour (8-bit RGB, no interlace).</summary>
    public static byte[] Png(int width = 1, int height = 1, byte red = 0xD0, byte green = 0x30, byte blue = 0x30)
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;  // bits per sample
        header[9] = 2;  // truecolour
        Chunk(png, "IHDR", header);

        using var pixels = new MemoryStream();
        using (var zlib = new ZLibStream(pixels, CompressionLevel.Optimal, leaveOpen: true))
        {
            var row = new byte[1 + (3 * width)]; // filter byte 0, then the pixels
            for (var x = 0; x < width; x++)
            {
                (row[1 + (3 * x)], row[2 + (3 * x)], row[3 + (3 * x)]) = (red, green, blue);
            }

            for (var y = 0; y < height; y++)
            {
                zlib.Write(row);
            }
        }

        Chunk(png, "IDAT", pixels.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>The start of a JPEG as a camera writes it (SOI, a JFIF segment), then filler and EOI.</summary>
    public static byte[] JpegLike(int length = 600)
    {
        var bytes = new byte[length];
        byte[] head = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
        head.CopyTo(bytes, 0);
        (bytes[^2], bytes[^1]) = (0xFF, 0xD9);
        return bytes;
    }

    /// <summary>The classic 1×1 transparent GIF.</summary>
    public static byte[] Gif() => Convert.FromBase64String("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==");

    /// <summary>A text file, whatever name it is given.</summary>
    public static byte[] Text(string text = "这不是一张图片，只是一段文字。") => Encoding.UTF8.GetBytes(text);

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typed));
        png.Write(number);
    }

    // PNG's CRC-32 (ISO 3309), bit by bit: a few bytes per test need no table.
    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return crc ^ 0xFFFFFFFFu;
    }
}
