using System.IO.Compression;

namespace Shigan.Web.Api;

/// <summary>
/// Looks at an uploaded file before any spreadsheet reader does: an .xlsx is a zip, so one that is not a zip, is cut
/// short, or unpacks to far more than a catalogue or a campaign sheet could (a zip bomb) is refused here with a message for the user,
/// counting the bytes actually unpacked rather than trusting the sizes the archive claims.
/// </summary>
public static class XlsxGuard
{
    /// <summary>A county's catalogue is a few hundred rows; a workbook of it is tens of kilobytes.</summary>
    public const long MaxUploadBytes = 5L * 1024 * 1024;

    public const long MaxUnpackedBytes = 40L * 1024 * 1024;

    public const int MaxEntries = 200;

    /// <summary>Null when the bytes look like a workbook worth reading; otherwise the message (a key of the English texts).</summary>
    public static string? Problem(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length == 0)
        {
            return "文件是空的";
        }

        if (bytes.Length > MaxUploadBytes)
        {
            return "文件太大，目录工作簿不能超过 5 MB";
        }

        // Every .xlsx starts with a zip's local file header; an old .xls, a CSV or a picture does not.
        if (bytes.Length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || bytes[2] != 3 || bytes[3] != 4)
        {
            return "不是 Excel 工作簿（.xlsx），请用 Excel 或 WPS 另存为 .xlsx 后再导入";
        }

        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxEntries)
            {
                return "文件内容异常（解压后过大），已拒绝";
            }

            if (zip.GetEntry("xl/workbook.xml") is null || zip.GetEntry("[Content_Types].xml") is null)
            {
                return "不是 Excel 工作簿（.xlsx），请用 Excel 或 WPS 另存为 .xlsx 后再导入";
            }

            if (Unpacks(zip, MaxUnpackedBytes) is { } tooBig)
            {
                return tooBig;
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
        {
            return "文件已损坏或不完整，无法读取";
        }

        return null;
    }

    /// <summary>
    /// Null when every part of the workbook unpacks within <paramref name="maxUnpacked"/> bytes, counted as they unpack;
    /// otherwise the message. A damaged archive throws <see cref="InvalidDataException"/> for the caller to answer.
    /// </summary>
    public static string? Unpacks(ZipArchive zip, long maxUnpacked)
    {
        ArgumentNullException.ThrowIfNull(zip);
        if (zip.Entries.Count > MaxEntries)
        {
            return "文件内容异常（解压后过大），已拒绝";
        }

        var unpacked = 0L;
        var buffer = new byte[81920];
        foreach (var entry in zip.Entries)
        {
            using var part = entry.Open();
            int read;
            while ((read = part.Read(buffer, 0, buffer.Length)) > 0)
            {
                unpacked += read;
                if (unpacked > maxUnpacked)
                {
                    return "文件内容异常（解压后过大），已拒绝";
                }
            }
        }

        return null;
    }
}
