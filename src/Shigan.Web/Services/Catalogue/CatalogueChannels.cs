using Shigan.Core.Services;

namespace Shigan.Web.Services.Catalogue;

/// <summary>
/// Channels as people write them in a catalogue (办理渠道): "乡镇窗口、县行政服务中心、银行网点、网上". The first name of
/// each is the one written back; the others are what people also type.
/// </summary>
public static class CatalogueChannels
{
    public const string Separator = "、";

    private static readonly (ServiceChannels Channel, string[] Names)[] Known =
    [
        (ServiceChannels.TownshipWindow, ["乡镇窗口", "乡镇便民服务中心", "乡镇（街道）窗口"]),
        (ServiceChannels.CountyHall, ["县行政服务中心", "县政务服务中心", "县大厅"]),
        (ServiceChannels.BankWindow, ["银行网点", "合作银行网点", "农信社网点"]),
        (ServiceChannels.Online, ["网上", "网上办理", "浙里办"]),
    ];

    /// <summary>The names of the channels in a fixed order, joined with 、; empty for none.</summary>
    public static string Text(ServiceChannels channels) =>
        string.Join(Separator, Known.Where(k => channels.HasFlag(k.Channel)).Select(k => k.Names[0]));

    public static IReadOnlyList<string> Names => [.. Known.Select(k => k.Names[0])];

    /// <summary>The set the text names, or the first name that is none of them; blank and 无 are no channel.</summary>
    public static (ServiceChannels Channels, string? Unknown) Parse(string? text)
    {
        var channels = ServiceChannels.None;
        foreach (var part in (text ?? "").Split(['、', '，', ',', '；', ';', '/', '|', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (part == "无")
            {
                continue;
            }

            var found = Known.FirstOrDefault(k => k.Names.Contains(part, StringComparer.Ordinal));
            if (found.Names is null)
            {
                return (channels, part);
            }

            channels |= found.Channel;
        }

        return (channels, null);
    }
}
