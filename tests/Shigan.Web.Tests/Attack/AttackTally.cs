using System.Globalization;
using System.Text;

namespace Shigan.Web.Tests.Attack;

/// <summary>Requests tried per attack class, and how they were answered: the figures the summary table shows.</summary>
internal sealed class AttackTally
{
    private readonly Dictionary<string, int[]> counts = [];

    public List<string> Failures { get; } = [];

    /// <summary>Writes that were accepted (2xx): legitimate, but listed so a reader can judge them.</summary>
    public List<string> Accepted { get; } = [];

    public int FiveHundreds => counts.Values.Sum(c => c[3]);

    public void Count(string kind, int status)
    {
        if (!counts.TryGetValue(kind, out var c))
        {
            counts[kind] = c = new int[4];
        }

        c[0]++;
        c[status >= 500 ? 3 : status >= 400 ? 2 : 1]++;
    }

    public string Table()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"attack class",-44} {"tried",7} {"2xx/3xx",8} {"4xx",7} {"5xx",5}");
        foreach (var kind in Payloads.Classes.Where(counts.ContainsKey))
        {
            var c = counts[kind];
            text.AppendLine(CultureInfo.InvariantCulture, $"{kind,-44} {c[0],7} {c[1],8} {c[2],7} {c[3],5}");
        }

        text.AppendLine(CultureInfo.InvariantCulture,
            $"{"total",-44} {counts.Values.Sum(c => c[0]),7} {counts.Values.Sum(c => c[1]),8} {counts.Values.Sum(c => c[2]),7} {FiveHundreds,5}");
        return text.ToString();
    }
}
