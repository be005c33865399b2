namespace Shigan.Core.Campaigns;

/// <summary>
/// Names in the order a person reads them: runs of digits compare as numbers (龙头街/2号 before 龙头街/19号, 9幢
/// before 10幢), everything else by code point as the database's own order. Equal numbers written differently (07, 7)
/// fall back to the text so the order stays total.
/// </summary>
public sealed class NaturalOrder : IComparer<string>
{
    /// <summary>Digits a run of a <see cref="SortKey"/> is padded to: house and building numbers are far shorter.</summary>
    public const int NumberWidth = 10;

    public static readonly NaturalOrder Instance = new();

    private NaturalOrder()
    {
    }

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var (i, j) = (0, 0);
        while (i < x.Length && j < y.Length)
        {
            if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
            {
                var (startX, startY) = (i, j);
                while (i < x.Length && char.IsAsciiDigit(x[i]))
                {
                    i++;
                }

                while (j < y.Length && char.IsAsciiDigit(y[j]))
                {
                    j++;
                }

                var a = x.AsSpan(startX, i - startX).TrimStart('0');
                var b = y.AsSpan(startY, j - startY).TrimStart('0');
                // More significant digits is a larger number; the same count compares digit by digit.
                var byNumber = a.Length != b.Length ? a.Length.CompareTo(b.Length) : a.SequenceCompareTo(b);
                if (byNumber != 0)
                {
                    return byNumber;
                }

                continue;
            }

            if (x[i] != y[j])
            {
                return x[i].CompareTo(y[j]);
            }

            i++;
            j++;
        }

        var rest = (x.Length - i).CompareTo(y.Length - j);
        return rest != 0 ? rest : string.CompareOrdinal(x, y);
    }

    /// <summary>
    /// The text whose ordinal (bytewise) order is this order, so a database can sort and index it: every run of
    /// digits without its leading zeros, left-padded with zeros to <see cref="NumberWidth"/> (龙头街/2号 becomes
    /// 龙头街/0000000002号). A run longer than that is kept as it is. Equal numbers written differently (07, 7) get the
    /// same key; the list breaks the tie by id.
    /// </summary>
    public static string SortKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var sorted = new System.Text.StringBuilder(key.Length + 16);
        var i = 0;
        while (i < key.Length)
        {
            if (!char.IsAsciiDigit(key[i]))
            {
                sorted.Append(key[i++]);
                continue;
            }

            var start = i;
            while (i < key.Length && char.IsAsciiDigit(key[i]))
            {
                i++;
            }

            var number = key.AsSpan(start, i - start).TrimStart('0');
            sorted.Append('0', Math.Max(0, NumberWidth - number.Length)).Append(number);
        }

        return sorted.ToString();
    }
}
